import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalisedEvent } from "@/db/queries/events";
import type { EventKind } from "@/db/schema";
import { windowMetricsOf } from "@/lib/analytics/engagement";
import { Random } from "@/lib/random";
import { createTestDb } from "@/lib/testing/db";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { defaultWindow, type DayWindow } from "@/lib/time";
import { getLearner, iterateLearners, listLearners, type LearnerObject } from "../learners";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+WIN+2026";
const KINDS: EventKind[] = [
  "problem_attempt",
  "problem_attempt",
  "problem_attempt",
  "video_play",
  "discussion_post",
  "course_launch",
];

const t = createTestDb();
const events: NormalisedEvent[] = [];
let ids: Map<string, string>;

beforeAll(() => {
  ids = enrollLearners(
    t.db,
    COURSE,
    Array.from({ length: 25 }, (_, i) => ({ username: `w${String(i).padStart(2, "0")}` })),
  );
  const random = new Random(11);
  const users = [...ids.values()];
  for (let i = 0; i < 1200; i++) {
    const kind = KINDS[random.int(0, KINDS.length - 1)]!;
    events.push({
      userId: users[random.int(0, users.length - 6)]!, // the last five stay idle
      courseId: COURSE,
      itemId: kind === "course_launch" ? "" : `${kind}-${random.int(0, 5)}`,
      kind,
      ts: daysBefore(AS_OF, random.int(1, 40), random.int(0, 23)),
      success: kind === "problem_attempt" ? random.chance(0.4) : null,
    });
  }
  addEvents(t.db, events);
});
afterAll(() => t.close());

/** The engagements of docs/edx-api.md from the definition in lib/analytics, over the learner's events. */
function expected(username: string, window: DayWindow): LearnerObject["engagements"] {
  const m = windowMetricsOf(
    events.filter((e) => e.userId === ids.get(username)),
    window,
  );
  return {
    date_range: window,
    discussion_contributions: m.discussion_contributions,
    problems_attempted: m.problems_attempted,
    problems_completed: m.problems_completed,
    videos_viewed: m.videos_viewed,
    problem_attempts_per_completed: m.problem_attempts_per_completed,
  };
}

const WINDOWS: DayWindow[] = [
  { start: "2026-03-01", end: "2026-03-19" },
  { start: "2026-02-08", end: "2026-03-20" },
  { start: "2026-03-15", end: "2026-03-16" },
  { start: "2025-01-01", end: "2025-02-01" },
];

describe("engagement over a custom window", () => {
  it.each(WINDOWS)(
    "matches windowMetricsOf for every learner, in the list and the detail ($start–$end)",
    async (window) => {
      for (const orderBy of ["username", "videos_viewed"] as const) {
        const page = await listLearners(t.db, COURSE, { asOf: AS_OF, window, orderBy, page: 1, pageSize: 100 });
        expect(page.count).toBe(25);
        for (const l of page.results) expect(l.engagements).toEqual(expected(l.username, window));
      }
      const detail = await getLearner(t.db, COURSE, "w03", { asOf: AS_OF, window });
      expect(detail!.engagements).toEqual(expected("w03", window));
    },
  );

  it("is the default window's figures when no window is given", async () => {
    const page = await listLearners(t.db, COURSE, { asOf: AS_OF, page: 1, pageSize: 100 });
    for (const l of page.results) expect(l.engagements).toEqual(expected(l.username, defaultWindow(AS_OF)));
  });

  it("keeps the segments of the as-of day", async () => {
    const window = WINDOWS[1]!;
    const plain = await listLearners(t.db, COURSE, { asOf: AS_OF, page: 1, pageSize: 100 });
    const windowed = await listLearners(t.db, COURSE, { asOf: AS_OF, window, page: 1, pageSize: 100 });
    expect(windowed.results.map((l) => l.segments)).toEqual(plain.results.map((l) => l.segments));
    const filtered = await listLearners(t.db, COURSE, {
      asOf: AS_OF,
      window,
      segments: ["inactive"],
      orderBy: "problems_completed",
      page: 1,
      pageSize: 100,
    });
    expect(filtered.results.length).toBeGreaterThanOrEqual(5);
    expect(filtered.results.every((l) => l.segments.includes("inactive"))).toBe(true);
  });

  it("exports the same figures", async () => {
    const window = WINDOWS[0]!;
    for await (const batch of iterateLearners(
      t.db,
      COURSE,
      { asOf: AS_OF, window, orderBy: "name" },
      { batchSize: 6 },
    )) {
      for (const l of batch) expect(l.engagements).toEqual(expected(l.username, window));
    }
  });
});
