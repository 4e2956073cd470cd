import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/db";
import { openDb } from "@/db/client";
import { seedCourse } from "@/lib/testing/factories";
import { addEvents, daysBefore } from "@/lib/testing/roster";
import { Random } from "@/lib/random";
import { attemptRatioOrder, dailyValuesOf, windowMetricsOf } from "@/lib/analytics/engagement";
import { engagementRangesOf } from "@/lib/analytics/ranges";
import { segmentInputOf, segmentsFromMask, segmentsOf } from "@/lib/analytics/segments";
import { addDays, defaultWindow } from "@/lib/time";
import type { EventKind } from "@/db/schema";
import { EventSink, type NormalisedEvent } from "./events";
import { ensureCourseFresh } from "./derived";

const AS_OF = "2026-03-20";
// Each test file runs in its own process, so this setting stays within this file.
process.env.LANTERN_AS_OF = AS_OF;
const KINDS: EventKind[] = [
  "problem_attempt",
  "problem_attempt",
  "problem_attempt",
  "video_play",
  "discussion_post",
  "course_launch",
  "item_completed",
];

/** Random activity over the 21 days before the as-of day; each event tagged with a statement id. */
function randomEvents(userIds: string[], courseId: string, seed: number, count: number): NormalisedEvent[] {
  const random = new Random(seed);
  const rnd = () => random.float();
  const out: NormalisedEvent[] = [];
  for (let i = 0; i < count; i++) {
    // A third of the learners stay silent, so inactive learners exist.
    const userId = userIds[Math.floor(rnd() * userIds.length * 0.67)]!;
    const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
    const day = addDays(AS_OF, -1 - Math.floor(rnd() * 21));
    const item =
      kind === "course_launch"
        ? ""
        : `${kind === "video_play" ? "video" : kind === "discussion_post" ? "forum" : "problem"}-${Math.floor(rnd() * 6)}`;
    out.push({
      userId,
      courseId,
      itemId: item,
      kind,
      ts: Date.parse(`${day}T00:00:00Z`) + Math.floor(rnd() * 86_400_000),
      success: kind === "problem_attempt" ? rnd() < 0.4 : null,
      statementId: `st-${i}`,
    });
  }
  return out;
}

function expectDerivedMatch(
  db: ReturnType<typeof createTestDb>["db"],
  courseId: string,
  userIds: string[],
  events: NormalisedEvent[],
) {
  const ranges = ensureCourseFresh(db, courseId, AS_OF);
  const window = defaultWindow(AS_OF);
  const prev = { start: addDays(AS_OF, -14), end: window.start };
  const expected = userIds.map((u) => {
    const mine = events.filter((e) => e.userId === u);
    return { u, mine, m: windowMetricsOf(mine, window), prevDays: windowMetricsOf(mine, prev).days_active };
  });
  expect(ranges).toEqual(engagementRangesOf(expected.map(({ m, prevDays }) => segmentInputOf(m, prevDays, true))));
  for (const { u, mine, m, prevDays } of expected) {
    const days = db.$client
      .prepare(
        `SELECT day AS date, discussion_contributions, problems_attempted, problems_completed, videos_viewed, problem_attempts
         FROM learner_day WHERE course_id = ? AND user_id = ? ORDER BY day`,
      )
      .all(courseId, u);
    expect(days).toEqual(dailyValuesOf(mine));
    const s = db.$client
      .prepare(`SELECT * FROM learner_summary WHERE course_id = ? AND user_id = ?`)
      .get(courseId, u) as Record<string, number | null>;
    expect({
      problems_attempted: s.problems_attempted,
      problems_completed: s.problems_completed,
      problem_attempts: s.problem_attempts,
      problem_attempts_per_completed: s.attempt_ratio,
      videos_viewed: s.videos_viewed,
      discussion_contributions: s.discussion_contributions,
      days_active: s.days_active,
    }).toEqual(m);
    expect(s.days_active_prev).toBe(prevDays);
    expect(s.attempt_ratio_order).toBe(attemptRatioOrder(m.problem_attempts, m.problems_completed));
    const segs = segmentsOf(segmentInputOf(m, prevDays, true), ranges);
    expect(segmentsFromMask(s.segments ?? -1)).toEqual(segs);
  }
}

describe.each([
  ["event by event", 10_000, false],
  ["learner-days on finish, as an import does", 10_000, true],
  ["whole-course rebuild", 3, false],
])("derived tables kept in step with events (%s)", (_label, perLearnerLimit, daysOnFinish) => {
  const t = createTestDb();
  const { courseId, userIds } = seedCourse(t.db, { learners: 30 });
  let events: NormalisedEvent[] = [];

  afterAll(() => {
    t.close();
  });

  it("match the definitions after a first load", () => {
    events = randomEvents(userIds, courseId, 7, 1500);
    t.db.$client.transaction(() => {
      const sink = new EventSink(t.db, { perLearnerLimit, daysOnFinish });
      events.forEach((e) => sink.add(e));
      sink.finish();
    })();
    expectDerivedMatch(t.db, courseId, userIds, events);
  });

  it("match after more events arrive for a few learners", () => {
    const more = randomEvents(userIds.slice(0, 2), courseId, 8, 40).map((e, i) => ({ ...e, statementId: `more-${i}` }));
    t.db.$client.transaction(() => {
      const sink = new EventSink(t.db, { perLearnerLimit, daysOnFinish });
      more.forEach((e) => sink.add(e));
      sink.finish();
    })();
    events = [...events, ...more];
    expectDerivedMatch(t.db, courseId, userIds, events);
  });

  it("match after statements are voided (their events removed)", () => {
    const voided = new Set(events.filter((_, i) => i % 3 === 0).map((e) => e.statementId!));
    t.db.$client.transaction(() => {
      const sink = new EventSink(t.db, { perLearnerLimit, daysOnFinish });
      voided.forEach((id) => sink.removeStatement(id));
      sink.finish();
    })();
    events = events.filter((e) => !voided.has(e.statementId!));
    expectDerivedMatch(t.db, courseId, userIds, events);
    const zeroRows = t.db.$client.prepare(`SELECT COUNT(*) AS n FROM learner_item_day WHERE events <= 0`).get() as {
      n: number;
    };
    expect(zeroRows.n).toBe(0);
  });

  it("stamps the course's last_updated on every ingest", () => {
    const row = t.db.$client.prepare(`SELECT last_updated_at FROM courses WHERE id = ?`).get(courseId) as {
      last_updated_at: string | null;
    };
    expect(row.last_updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("moves the stamp on with every write, also two within one millisecond (caches are keyed on it)", () => {
    const stampOf = () =>
      t.db.$client.prepare(`SELECT last_updated_at FROM courses WHERE id = ?`).pluck().get(courseId) as string;
    const now = new Date(Date.parse(stampOf()) + 60_000);
    const write = () =>
      t.db.$client.transaction(() => {
        const sink = new EventSink(t.db);
        sink.add({
          userId: userIds[0]!,
          courseId,
          itemId: "stamp-item",
          kind: "video_play",
          ts: now.getTime() - 86_400_000,
        });
        sink.finish(now);
      })();
    write();
    const first = stampOf();
    write();
    const second = stampOf();
    expect(first).toBe(now.toISOString());
    expect(Date.parse(second)).toBeGreaterThan(Date.parse(first));
  });
});

describe("summaries touched by a write", () => {
  it("are marked stale in the write and brought up to date, all at once, by the next read", () => {
    const t = createTestDb();
    const { courseId, userIds } = seedCourse(t.db, { learners: 3 });
    ensureCourseFresh(t.db, courseId, AS_OF);
    const stale = () => t.db.$client.prepare(`SELECT user_id FROM stale_summary ORDER BY user_id`).pluck().all();
    const attempts = (u: string) =>
      (t.db.$client
        .prepare(`SELECT problem_attempts FROM learner_summary WHERE user_id = ?`)
        .pluck()
        .get(u) as number) ?? 0;
    addEvents(t.db, [
      { userId: userIds[0]!, courseId, itemId: "p1", kind: "problem_attempt", ts: daysBefore(AS_OF, 1), success: true },
      {
        userId: userIds[1]!,
        courseId,
        itemId: "p1",
        kind: "problem_attempt",
        ts: daysBefore(AS_OF, 2),
        success: false,
      },
    ]);
    // The write kept the per-day rows current and left the roster rows for the read.
    expect(stale()).toEqual([userIds[0], userIds[1]].sort());
    expect(attempts(userIds[0]!)).toBe(0);
    expect(t.db.$client.prepare(`SELECT COUNT(*) FROM learner_day WHERE course_id = ?`).pluck().get(courseId)).toBe(2);
    ensureCourseFresh(t.db, courseId, AS_OF);
    expect(stale()).toEqual([]);
    expect([attempts(userIds[0]!), attempts(userIds[1]!), attempts(userIds[2]!)]).toEqual([1, 1, 0]);
    t.close();
  });
});

describe("a new as-of day", () => {
  it("rebuilds the summaries for the new default window on the next read", () => {
    const t = createTestDb();
    const { courseId, userIds } = seedCourse(t.db, { learners: 1 });
    addEvents(t.db, [
      { userId: userIds[0]!, courseId, itemId: "p1", kind: "problem_attempt", ts: daysBefore(AS_OF, 1), success: true },
    ]);
    ensureCourseFresh(t.db, courseId, AS_OF);
    const read = () =>
      t.db.$client.prepare(`SELECT days_active, days_active_prev, segments FROM learner_summary`).get() as Record<
        string,
        number
      >;
    expect(read().days_active).toBe(1);
    // Eight days later the event sits in the week before the default window: disengaging.
    ensureCourseFresh(t.db, courseId, addDays(AS_OF, 7));
    expect(read()).toMatchObject({ days_active: 0, days_active_prev: 1 });
    expect(segmentsFromMask(read().segments ?? -1)).toEqual(["disengaging"]);
    t.close();
  });
});

describe("a read while another connection holds the write lock", () => {
  it("answers at once from the figures last refreshed instead of waiting", () => {
    const t = createTestDb();
    const { courseId, userIds } = seedCourse(t.db, { learners: 2 });
    addEvents(t.db, [
      { userId: userIds[0]!, courseId, itemId: "p1", kind: "problem_attempt", ts: daysBefore(AS_OF, 1), success: true },
    ]);
    const before = ensureCourseFresh(t.db, courseId, AS_OF);
    t.db.$client.prepare(`UPDATE course_state SET ranges_stale = 1`).run();
    const writer = openDb(t.file);
    writer.$client.exec("BEGIN IMMEDIATE");
    try {
      expect(ensureCourseFresh(t.db, courseId, AS_OF)).toEqual(before);
    } finally {
      writer.$client.exec("ROLLBACK");
      writer.$client.close();
    }
    // Once the writer is gone, the refresh happens.
    ensureCourseFresh(t.db, courseId, AS_OF);
    expect(
      (t.db.$client.prepare(`SELECT ranges_stale FROM course_state`).get() as { ranges_stale: number }).ranges_stale,
    ).toBe(0);
    t.close();
  });
});
