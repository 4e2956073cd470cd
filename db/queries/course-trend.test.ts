import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { addEvents, attemptsOn, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { addDays } from "@/lib/time";
import { courseTrend } from "./course-trend";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+TRD+2026";
let db: Db;
let ids: Map<string, string>;

eachTestDb((d) => {
  db = d;
  ids = enrollLearners(db, COURSE, [{ username: "ana" }, { username: "bo" }]);
});

describe("courseTrend", () => {
  it("sums the learners' per-day figures from the first active day to the day before the as-of day, zeros between", async () => {
    const ana = ids.get("ana")!;
    const bo = ids.get("bo")!;
    addEvents(db, [
      ...attemptsOn({ userId: ana, courseId: COURSE, itemId: "p1", ts: daysBefore(AS_OF, 4) }, [false, true]),
      ...attemptsOn({ userId: bo, courseId: COURSE, itemId: "p1", ts: daysBefore(AS_OF, 4) }, [false]),
      { userId: bo, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 2) },
      { userId: bo, courseId: COURSE, itemId: "d1", kind: "discussion_post", ts: daysBefore(AS_OF, 2) },
      // On the as-of day itself: not part of "so far".
      { userId: ana, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 0) },
    ]);
    const days = await courseTrend(db, COURSE, AS_OF);
    expect(days.map((d) => d.date)).toEqual([4, 3, 2, 1].map((n) => addDays(AS_OF, -n)));
    expect(days[0]).toMatchObject({
      active_learners: 2,
      problems_attempted: 2,
      problems_completed: 1,
      problem_attempts: 3,
      videos_viewed: 0,
    });
    expect(days[1]).toMatchObject({ active_learners: 0, problem_attempts: 0 });
    expect(days[2]).toMatchObject({ active_learners: 1, videos_viewed: 1, discussion_contributions: 1 });
  });

  it("starts at the course's start when it has one, and is recomputed when data arrives", async () => {
    db.$client.prepare(`UPDATE courses SET starts_at = ? WHERE id = ?`).run(`${addDays(AS_OF, -3)}T00:00:00Z`, COURSE);
    expect((await courseTrend(db, COURSE, AS_OF)).map((d) => d.active_learners)).toEqual([0, 0, 0]);
    addEvents(db, [
      { userId: ids.get("ana")!, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 1) },
    ]);
    expect((await courseTrend(db, COURSE, AS_OF)).map((d) => d.active_learners)).toEqual([0, 0, 1]);
  });

  it("is empty for a course with no activity and no start, or no such course", async () => {
    expect(await courseTrend(db, COURSE, AS_OF)).toEqual([]);
    expect(await courseTrend(db, "nope", AS_OF)).toEqual([]);
  });
});
