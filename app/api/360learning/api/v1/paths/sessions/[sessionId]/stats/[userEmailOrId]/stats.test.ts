import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalisedEvent } from "@/db/queries/events";
import { items } from "@/db/schema";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedCourse } from "@/lib/testing/factories";
import { bearer, seedKeys, type Keys } from "@/lib/testing/http";
import { addEvents, enrollLearners } from "@/lib/testing/roster";

/**
 * 360Learning path session stats over HTTP: every status, detailed status and result of
 * docs/metrics.md, pinned by small scenarios, against the production build with the clock fixed.
 */

const DAY = 86_400_000;
const NOW = Date.parse("2026-03-20T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const ago = (days: number) => NOW - days * DAY;

// Course ids with the characters Open edX keys carry, sent URL-encoded as clients do.
const DUE = "course-v1:L360+DUE+2026";
const GRADED = "course-v1:L360+GRADED+2026";
const FUTURE = "course-v1:L360+FUTURE+2026";
const ENDED = "course-v1:L360+ENDED+2026";

type StepRow = typeof items.$inferInsert;
type Stats = Record<string, unknown> & {
  status: string;
  detailedStatus: { type: string; reason?: string };
  progress: number;
};

let app: TestApp;
let keys: Keys;
const ids = new Map<string, string>();

function session(courseId: string, startsAt: number, endsAt: number, steps: Omit<StepRow, "courseId">[]): void {
  seedCourse(app.db, { courseId, learners: 0 });
  app.db.$client
    .prepare(`UPDATE courses SET starts_at = ?, ends_at = ? WHERE id = ?`)
    .run(iso(startsAt), iso(endsAt), courseId);
  app.db
    .insert(items)
    .values(steps.map((s, i) => ({ ...s, courseId, position: i + 1 })))
    .run();
}

function learner(
  courseId: string,
  username: string,
  enrolledAt: number,
  events: [itemId: string, kind: NormalisedEvent["kind"], ts: number, extra?: Partial<NormalisedEvent>][] = [],
): void {
  const id = enrollLearners(app.db, courseId, [{ username, enrolledAt: iso(enrolledAt) }]).get(username)!;
  ids.set(username, id);
  addEvents(
    app.db,
    events.map(([itemId, kind, ts, extra]) => ({ userId: id, courseId, itemId, kind, ts, ...extra })),
  );
}

function get(sessionId: string, user: string, init: RequestInit = {}): Promise<Response> {
  const url = `${app.url}/api/360learning/api/v1/paths/sessions/${encodeURIComponent(sessionId)}/stats/${encodeURIComponent(user)}`;
  return fetch(url, { ...init, headers: { ...bearer(keys.admin), ...init.headers } });
}

async function stats(sessionId: string, username: string): Promise<Stats> {
  const res = await get(sessionId, `${username}@example.com`);
  const body = (await res.json()) as Stats;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

beforeAll(async () => {
  app = await startTestApp({ LANTERN_NOW: iso(NOW) });
  keys = await seedKeys(app.db, "l360");
  // An absolute and a relative (7 days after enrolment) due date, and an optional step already past due.
  session(DUE, ago(40), NOW + 30 * DAY, [
    { id: "abs", kind: "html", dueAt: iso(ago(1)) },
    { id: "rel", kind: "problem", dueAfterDays: 7 },
    { id: "opt", kind: "discussion", mandatory: false, dueAt: iso(ago(5)) },
  ]);
  learner(DUE, "late-abs", ago(3), [["rel", "problem_attempt", ago(2), { success: true, score: 1 }]]);
  learner(DUE, "late-rel", ago(10), [["abs", "item_completed", ago(9)]]);
  learner(DUE, "on-time", ago(3), [
    ["abs", "item_completed", ago(2), { durationMs: 90_000 }],
    ["", "course_launch", ago(2), { durationMs: 1_500 }],
  ]);
  learner(DUE, "fresh", ago(3));
  learner(DUE, "done-all", ago(20), [
    ["rel", "problem_attempt", ago(15), { success: false, score: 0, durationMs: 30_000 }],
    ["rel", "problem_attempt", ago(14), { success: true, score: 1, durationMs: 20_000 }],
    ["abs", "item_completed", ago(4)],
    ["opt", "discussion_post", ago(3)],
    ["opt", "item_completed", ago(3)],
  ]);
  // Left 10 days ago, when "rel" (due 13 days ago) was late; what they did afterwards does not count.
  learner(DUE, "left", ago(20), [
    ["abs", "item_completed", ago(16)],
    ["rel", "item_completed", ago(5)],
  ]);
  app.db.$client
    .prepare(`UPDATE enrollments SET is_active = 0, unenrolled_at = ? WHERE user_id = ?`)
    .run(iso(ago(10)), ids.get("left"));

  session(GRADED, ago(40), NOW + 30 * DAY, [
    { id: "lesson", kind: "video" },
    { id: "quiz", kind: "assessment", minScore: 60, maxAttempts: 2 },
    { id: "essay", kind: "assessment", minScore: 50, requiresCorrection: true, dueAt: iso(NOW + 10 * DAY) },
  ]);
  const lesson = ["lesson", "item_completed", ago(9)] as const;
  learner(GRADED, "awaiting", ago(10), [
    [...lesson],
    ["quiz", "item_scored", ago(8), { score: 0.8 }],
    ["essay", "item_submitted", ago(2)],
  ]);
  learner(GRADED, "retake", ago(10), [
    [...lesson],
    ["quiz", "item_scored", ago(8), { score: 0.5 }],
    ["essay", "item_scored", ago(2), { score: 0.8 }],
  ]);
  learner(GRADED, "failed", ago(10), [
    [...lesson],
    ["quiz", "item_scored", ago(8), { score: 0.5 }],
    ["quiz", "item_scored", ago(7), { score: 0.55 }],
    ["essay", "item_scored", ago(2), { score: 0.9 }],
  ]);
  learner(GRADED, "failed-early", ago(10), [
    ["quiz", "item_scored", ago(8), { score: 0.2 }],
    ["quiz", "item_scored", ago(7), { score: 0.3 }],
  ]);
  learner(GRADED, "passed", ago(10), [
    [...lesson],
    ["quiz", "item_scored", ago(8), { score: 0.6 }],
    ["essay", "item_scored", ago(2), { score: 0.5 }],
  ]);

  session(FUTURE, NOW + 7 * DAY, NOW + 60 * DAY, [{ id: "intro", kind: "video" }]);
  learner(FUTURE, "early-bird", ago(2));
  session(ENDED, ago(60), ago(1), [
    { id: "intro", kind: "video" },
    { id: "final", kind: "assessment", minScore: 50 },
  ]);
  learner(ENDED, "ran-out", ago(50), [["intro", "item_completed", ago(40)]]);
  learner(ENDED, "made-it", ago(50), [
    ["intro", "item_completed", ago(40)],
    ["final", "item_scored", ago(30), { score: 0.7 }],
  ]);
  learner(ENDED, "never-came", ago(50));
}, 120_000);
afterAll(async () => app?.close());

describe("status and detailedStatus", () => {
  it("late, on an absolute due date that has passed", async () => {
    expect(await stats(DUE, "late-abs")).toMatchObject({ status: "late", detailedStatus: { type: "late" } });
  });

  it("late, on a relative due date (days after enrolment) that has passed", async () => {
    expect(await stats(DUE, "late-rel")).toMatchObject({ status: "late", detailedStatus: { type: "late" } });
  });

  it("onTime: every passed due date met (the optional step's does not count)", async () => {
    expect(await stats(DUE, "on-time")).toEqual({
      progress: 33,
      globalTime: 91_500,
      status: "onTime",
      detailedStatus: { type: "onTime" },
    });
  });

  it("notYetStarted: enrolled in an open session, no event (while late on a due date)", async () => {
    expect(await stats(DUE, "fresh")).toEqual({
      progress: 0,
      globalTime: 0,
      status: "late",
      detailedStatus: { type: "notYetStarted" },
    });
  });

  it("completed and successful: every step done, with completedAt the last mandatory step's completion", async () => {
    expect(await stats(DUE, "done-all")).toEqual({
      progress: 100,
      globalTime: 50_000,
      score: 100,
      status: "completed",
      completedAt: iso(ago(4)),
      detailedStatus: { type: "successful" },
      result: "successful",
    });
  });

  it("awaitingCorrection until the submission is scored, then completed", async () => {
    expect(await stats(GRADED, "awaiting")).toEqual({
      progress: 66,
      globalTime: 0,
      score: 80,
      status: "awaitingCorrection",
      detailedStatus: { type: "awaitingCorrection" },
    });
    addEvents(app.db, [
      { userId: ids.get("awaiting")!, courseId: GRADED, itemId: "essay", kind: "item_scored", ts: ago(1), score: 0.64 },
    ]);
    expect(await stats(GRADED, "awaiting")).toMatchObject({
      progress: 100,
      score: 72,
      status: "completed",
      completedAt: iso(ago(1)),
      detailedStatus: { type: "successful" },
      result: "successful",
    });
  });

  it("toRetake and result retake: below a minimum score with an attempt left", async () => {
    expect(await stats(GRADED, "retake")).toMatchObject({
      status: "completed",
      score: 65,
      detailedStatus: { type: "toRetake" },
      result: "retake",
    });
  });

  it("unsuccessful and result unsuccessful: below a minimum score with no attempt left", async () => {
    expect(await stats(GRADED, "failed")).toMatchObject({
      status: "completed",
      score: 73,
      detailedStatus: { type: "unsuccessful" },
      result: "unsuccessful",
    });
  });

  it("unsuccessful as soon as a mandatory step failed, without a result while steps are left", async () => {
    const s = await stats(GRADED, "failed-early");
    expect(s).toMatchObject({ progress: 33, score: 30, status: "onTime", detailedStatus: { type: "unsuccessful" } });
    expect(s).not.toHaveProperty("result");
    expect(s).not.toHaveProperty("completedAt");
  });

  it("a score exactly at the minimum passes", async () => {
    expect(await stats(GRADED, "passed")).toMatchObject({
      score: 55,
      detailedStatus: { type: "successful" },
      result: "successful",
    });
  });

  it("sessionNotOpened: the session starts in the future", async () => {
    expect(await stats(FUTURE, "early-bird")).toEqual({
      progress: 0,
      globalTime: 0,
      status: "onTime",
      detailedStatus: { type: "sessionNotOpened" },
    });
  });

  it("unsuccessful with reason sessionEnded: the session ended first — whether started or not", async () => {
    expect(await stats(ENDED, "ran-out")).toMatchObject({
      progress: 50,
      detailedStatus: { type: "unsuccessful", reason: "sessionEnded" },
    });
    expect(await stats(ENDED, "never-came")).toMatchObject({
      progress: 0,
      detailedStatus: { type: "unsuccessful", reason: "sessionEnded" },
    });
  });

  it("successful stays successful after the session ended", async () => {
    expect(await stats(ENDED, "made-it")).toMatchObject({
      score: 70,
      detailedStatus: { type: "successful" },
      result: "successful",
    });
  });
});

describe("an unenrolled user", () => {
  it("has archivedAt, and the figures of the moment they left", async () => {
    expect(await stats(DUE, "left")).toEqual({
      progress: 33,
      globalTime: 0,
      status: "late",
      detailedStatus: { type: "late" },
      archivedAt: iso(ago(10)),
    });
  });
});

describe("finding the user", () => {
  it("by email in any case, or by id, with or without a trailing slash", async () => {
    const byEmail = await (await get(DUE, "Late-Abs@EXAMPLE.com")).json();
    const byId = await (await get(DUE, ids.get("late-abs")!)).json();
    const slash = await fetch(
      `${app.url}/api/360learning/api/v1/paths/sessions/${encodeURIComponent(DUE)}/stats/${ids.get("late-abs")}/`,
      { headers: bearer(keys.admin), redirect: "manual" },
    );
    expect(byEmail).toMatchObject({ status: "late" });
    expect(byId).toEqual(byEmail);
    expect(slash.status).toBe(200);
    expect(await slash.json()).toEqual(byEmail);
  });

  it("takes the session id unencoded too", async () => {
    const res = await fetch(`${app.url}/api/360learning/api/v1/paths/sessions/${DUE}/stats/on-time@example.com`, {
      headers: bearer(keys.admin),
    });
    expect(res.status).toBe(200);
  });
});

describe("404s", () => {
  it.each([
    ["an unknown session", "course-v1:L360+NOPE+2026", "late-abs@example.com", "path_session_not_found"],
    [
      "an unknown session and an unknown user",
      "course-v1:L360+NOPE+2026",
      "nobody@example.com",
      "path_session_not_found",
    ],
    ["an unknown user", DUE, "nobody@example.com", "user_not_found"],
    ["an unknown user id", DUE, "00000000-0000-4000-8000-000000000000", "user_not_found"],
    ["a user not enrolled in the session", FUTURE, "late-abs@example.com", "user_not_enrolled"],
  ])("%s → %s", async (_what, sessionId, user, error) => {
    const res = await get(sessionId, user);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe(error);
    expect(Object.keys(body).sort()).toEqual(["error", "message"]);
  });
});
