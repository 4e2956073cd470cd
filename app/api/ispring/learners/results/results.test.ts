import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalisedEvent } from "@/db/queries/events";
import { COMPLETION_STATUSES, items } from "@/db/schema";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedCourse } from "@/lib/testing/factories";
import { seedKeys, type Keys } from "@/lib/testing/http";
import { enrollmentOf, RESULTS, resultsOf, setEnrollment, type IspringResult } from "@/lib/testing/ispring";
import { addEvents, enrollLearners } from "@/lib/testing/roster";

/** The iSpring result of an enrollment (docs/metrics.md), over HTTP: one small scenario per figure. */

const A = "course-v1:Isp+A+2026"; // passing score 60: p1, v1, q1 mandatory, opt not
const B = "course-v1:Isp+B+2026"; // no passing score: h1, h2
const C = "course-v1:Isp+C+2026"; // explicit statuses only
const TITLE = `Risk & Reward <Intro> "A"`;
const T0 = Date.parse("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;
const PAST = "2020-01-01T00:00:00.000Z";
const FUTURE = "2099-01-01T00:00:00.000Z";

let app: TestApp;
let keys: Keys;
let a: string[];
let c: string[];

const ev = (
  u: string,
  courseId: string,
  itemId: string,
  kind: NormalisedEvent["kind"],
  at: number,
  extra: Partial<NormalisedEvent> = {},
): NormalisedEvent => ({
  userId: u,
  courseId,
  itemId,
  kind,
  ts: at,
  ...extra,
});
/** p1 solved, v1 watched, q1 scored as given: every mandatory item of A completed. */
const finishA = (u: string, ...scores: number[]): NormalisedEvent[] => [
  ev(u, A, "p1", "problem_attempt", T0, { success: true }),
  ev(u, A, "v1", "item_completed", T0 + HOUR),
  ...scores.map((score, i) => ev(u, A, "q1", "item_scored", T0 + (2 + i) * HOUR, { score })),
];

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db;
  keys = await seedKeys(db, "isp");
  ({ userIds: a } = seedCourse(db, { courseId: A, learners: 8, prefix: "a" }));
  ({ userIds: c } = seedCourse(db, { courseId: C, learners: COMPLETION_STATUSES.length, prefix: "c" }));
  enrollLearners(db, B, [{ username: "a007" }]);
  db.$client.prepare(`UPDATE courses SET title = ?, passing_score = 60 WHERE id = ?`).run(TITLE, A);
  db.insert(items)
    .values([
      { courseId: A, id: "p1", kind: "problem" },
      { courseId: A, id: "v1", kind: "video" },
      { courseId: A, id: "q1", kind: "assessment", minScore: 50 },
      { courseId: A, id: "opt", kind: "html", mandatory: false },
      { courseId: B, id: "h1", kind: "html" },
      { courseId: B, id: "h2", kind: "html" },
    ])
    .run();
  addEvents(db, [
    ev(a[1]!, A, "", "course_launch", T0),
    ev(a[1]!, A, "p1", "problem_attempt", T0 + 60_000, { success: true, durationMs: 61_400 }),
    ev(a[1]!, A, "", "course_launch", T0 + 24 * HOUR),
    ...finishA(a[2]!, 0.6, 0.8),
    ...finishA(a[3]!, 0.4),
    ev(a[4]!, A, "opt", "item_completed", T0),
    ev(a[4]!, A, "p1", "problem_attempt", T0 + HOUR, { success: false }),
    ...finishA(a[5]!, 0.9),
    ev(a[6]!, A, "p1", "problem_attempt", T0, { success: false, score: 0.5 }),
    ev(a[7]!, B, "h1", "item_completed", T0),
    ev(a[7]!, B, "h2", "item_completed", T0 + 5 * HOUR, { durationMs: 2_500 }),
  ]);
  setEnrollment(db, enrollmentOf(db, a[0]!, A), { due_date: FUTURE });
  setEnrollment(db, enrollmentOf(db, a[1]!, A), {
    due_date: PAST,
    expiration_date: FUTURE,
    access_date: "2026-01-06T08:30:00.000Z",
  });
  setEnrollment(db, enrollmentOf(db, a[2]!, A), { due_date: PAST });
  setEnrollment(db, enrollmentOf(db, a[3]!, A), { due_date: PAST });
  setEnrollment(db, enrollmentOf(db, a[5]!, A), { score: 30 });
  setEnrollment(db, enrollmentOf(db, a[7]!, B), { due_date: PAST });
  COMPLETION_STATUSES.forEach((status, i) =>
    setEnrollment(db, enrollmentOf(db, c[i]!, C), {
      completion_status: status,
      completed_at: "2026-02-01T10:00:00.000Z",
      due_date: PAST,
    }),
  );
}, 120_000);
afterAll(async () => app?.close());

async function resultOf(userId: string, courseId = A): Promise<IspringResult> {
  const [r, ...rest] = await resultsOf(app, keys.admin, `enrollmentIds=${enrollmentOf(app.db, userId, courseId)}`);
  expect(rest).toHaveLength(0);
  return r!;
}

describe("iSpring results: the result of an enrollment", () => {
  it("is not_started without any event: no progress, score or completion date", async () => {
    expect(await resultOf(a[0]!)).toEqual({
      userId: a[0],
      courseId: A,
      courseTitle: TITLE,
      enrollmentId: enrollmentOf(app.db, a[0]!, A),
      accessDate: "2026-01-05T10:00:00+00:00",
      dueDate: "2099-01-01T00:00:00+00:00",
      timeSpent: 0,
      completionStatus: "not_started",
      passingScore: 60,
      isOverdue: 0,
      viewsCount: 0,
    });
  });

  it("is in_progress until every mandatory item is completed, with progress, time spent and views", async () => {
    expect(await resultOf(a[1]!)).toMatchObject({
      completionStatus: "in_progress",
      progress: 33.33,
      timeSpent: 61,
      viewsCount: 2,
      accessDate: "2026-01-06T08:30:00+00:00",
      expirationDate: "2099-01-01T00:00:00+00:00",
      isOverdue: 1,
    });
    expect((await resultOf(a[1]!)).awardedScore).toBeUndefined();
  });

  it("counts only mandatory items in progress, and a failed attempt completes nothing", async () => {
    const r = await resultOf(a[4]!);
    expect(r).toMatchObject({ completionStatus: "in_progress", progress: 0 });
    expect(r.completionDate).toBeUndefined();
  });

  it("scores scored mandatory items even before they are completed", async () => {
    expect(await resultOf(a[6]!)).toMatchObject({ completionStatus: "in_progress", progress: 0, awardedScore: 50 });
  });

  it("is passed at the passing score, dated when the last mandatory item was first completed, and never overdue", async () => {
    expect(await resultOf(a[2]!)).toMatchObject({
      completionStatus: "passed",
      progress: 100,
      awardedScore: 80,
      passingScore: 60,
      completionDate: "2026-03-10T11:00:00+00:00",
      isOverdue: 0,
    });
  });

  it("is failed below it, still overdue past the due date", async () => {
    expect(await resultOf(a[3]!)).toMatchObject({
      completionStatus: "failed",
      progress: 100,
      awardedScore: 40,
      completionDate: "2026-03-10T11:00:00+00:00",
      isOverdue: 1,
    });
  });

  it("judges pass or fail on the explicit score when there is one", async () => {
    expect(await resultOf(a[5]!)).toMatchObject({ completionStatus: "failed", awardedScore: 30 });
  });

  it("is complete in a course without a passing score", async () => {
    const r = await resultOf(a[7]!, B);
    expect(r).toMatchObject({
      completionStatus: "complete",
      progress: 100,
      timeSpent: 3,
      completionDate: "2026-03-10T14:00:00+00:00",
      isOverdue: 0,
    });
    expect(r.passingScore).toBeUndefined();
    expect(r.awardedScore).toBeUndefined();
  });

  it.each(COMPLETION_STATUSES.map((s, i) => [s, i] as const))(
    "is the explicit status %s when one is set",
    async (status, i) => {
      const r = await resultOf(c[i]!, C);
      expect(r.completionStatus).toBe(status);
      const finished = ["complete", "passed", "failed", "accepted"].includes(status);
      expect(r.completionDate).toBe(finished ? "2026-02-01T10:00:00+00:00" : undefined);
      expect(r.isOverdue).toBe(["complete", "passed", "accepted"].includes(status) ? 0 : 1);
    },
  );
});

describe("iSpring results: XML and JSON", () => {
  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${RESULTS}?${query}`, { headers: { authorization: `Bearer ${keys.admin}`, ...headers } });

  it("answers XML by default, in the seed's layout, escaped", async () => {
    const id = enrollmentOf(app.db, a[0]!, A);
    const res = await get(`enrollmentIds=${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(res.headers.get("vary")).toContain("Accept");
    expect(await res.text()).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<response>
<results>
<result>
<userId>${a[0]}</userId>
<courseId>${A}</courseId>
<courseTitle>Risk &amp; Reward &lt;Intro&gt; &quot;A&quot;</courseTitle>
<enrollmentId>${id}</enrollmentId>
<accessDate>2026-01-05T10:00:00+00:00</accessDate>
<dueDate>2099-01-01T00:00:00+00:00</dueDate>
<timeSpent>0</timeSpent>
<completionStatus>not_started</completionStatus>
<passingScore>60</passingScore>
<isOverdue>0</isOverdue>
<viewsCount>0</viewsCount>
</result>
</results>
</response>
`);
  });

  it("answers JSON when asked, and XML when XML is preferred", async () => {
    const json = await get(`courseIds=${encodeURIComponent(B)}`, { accept: "application/json" });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await json.json()) as { results: unknown[] }).results).toHaveLength(1);
    const xml = await get(`courseIds=${encodeURIComponent(B)}`, { accept: "application/xml, application/json;q=0.5" });
    expect(await xml.text()).toMatch(/^<\?xml[^]*<completionStatus>complete<\/completionStatus>/);
  });

  it("answers errors as {code, message} in the format asked", async () => {
    const xml = await fetch(`${app.url}${RESULTS}`);
    expect(xml.status).toBe(401);
    expect(await xml.text()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<response>\n<code>unauthorized<\/code>\n<message>[^<]+<\/message>\n<\/response>\n$/,
    );
    const json = await get("pageSize=0", { accept: "application/json" });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ code: "invalid_request", message: expect.stringContaining("pageSize") });
    const bad = await get("pageSize=abc");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("<code>invalid_request</code>");
  });
});
