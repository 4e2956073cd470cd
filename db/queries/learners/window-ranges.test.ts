import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDb } from "@/lib/testing/db";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { courseRanges } from "../engagement";
import { windowRanges } from "./window-ranges";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+WR101+2026_T1";
// Ten to three days before the as-of day: outside the default window (the last 7 days).
const WINDOW = { start: "2026-03-08", end: "2026-03-14" };

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

/** 12 learners; learner i plays i videos 10 days before the as-of day (learner 0 is idle), and everyone one video yesterday. */
function roster(): string[] {
  const ids = [
    ...enrollLearners(
      db,
      COURSE,
      Array.from({ length: 12 }, (_, i) => ({ username: `u${String(i).padStart(2, "0")}` })),
    ).values(),
  ];
  addEvents(db, [
    ...ids.flatMap((userId, i) =>
      Array.from({ length: i }, (_, k) => ({
        userId,
        courseId: COURSE,
        itemId: `v${k}`,
        kind: "video_play" as const,
        ts: daysBefore(AS_OF, 10),
      })),
    ),
    ...ids.map((userId) => ({
      userId,
      courseId: COURSE,
      itemId: "late",
      kind: "video_play" as const,
      ts: daysBefore(AS_OF, 1),
    })),
  ]);
  return ids;
}

describe("a custom window's ranges", () => {
  it("are docs/metrics.md's ranges over the learners active in that window, not the default window's", async () => {
    roster();
    // Learners 1–11 are active in the window, with 1…11 videos: p15 = 2.5, p85 = 9.5.
    const ranges = await windowRanges(db, COURSE, WINDOW, AS_OF);
    expect(ranges.videos_viewed).toEqual({ below_average: [0, 2.5], average: [2.5, 9.5], above_average: [9.5, null] });
    expect(ranges.problems_attempted).toEqual({ below_average: null, average: [0, null], above_average: null });
    // Over the default window everyone played one video.
    expect((await courseRanges(db, COURSE, AS_OF)).videos_viewed).toEqual({
      below_average: [0, 1],
      average: [1, null],
      above_average: null,
    });
  });

  it("follow a write: the kept ranges are dropped when anything changes", async () => {
    const ids = roster();
    const before = await windowRanges(db, COURSE, WINDOW, AS_OF);
    expect(before.videos_viewed.above_average).toEqual([9.5, null]);
    expect(await windowRanges(db, COURSE, WINDOW, AS_OF)).toBe(before);
    // Learners 9–11 play 40 more: the sorted values are 1…8, 49, 50, 51, and p85 moves to 49.5.
    const more = ids.slice(9).flatMap((userId) =>
      Array.from({ length: 40 }, (_, k) => ({
        userId,
        courseId: COURSE,
        itemId: `x${k}`,
        kind: "video_play" as const,
        ts: daysBefore(AS_OF, 9),
      })),
    );
    addEvents(db, more);
    expect((await windowRanges(db, COURSE, WINDOW, AS_OF)).videos_viewed.above_average).toEqual([49.5, null]);
  });
});
