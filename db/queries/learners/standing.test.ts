import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { seedUser } from "@/lib/testing/factories";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { addDays } from "@/lib/time";
import { learnerStanding } from "./standing";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+STD+2026";
const OTHER = "course-v1:Org+OTHER+2026";

let db: Db;
let ids: Map<string, string>;
eachTestDb((d) => {
  db = d;
  ids = enrollLearners(db, COURSE, [{ username: "ana" }, { username: "left", isActive: false }, { username: "idle" }]);
  enrollLearners(db, OTHER, [{ username: "ana" }, { username: "elsewhere" }]);
  seedUser(db, { username: "nobody" });
});

describe("learnerStanding", () => {
  it("gives the last active day in this course, whatever the window, and follows new activity", async () => {
    const ana = ids.get("ana")!;
    addEvents(db, [
      { userId: ana, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 30) },
      { userId: ana, courseId: OTHER, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 1) },
    ]);
    expect(await learnerStanding(db, COURSE, "ana", AS_OF)).toEqual({
      lastActiveDay: addDays(AS_OF, -30),
      enrolled: true,
      unenrolledAt: null,
    });
    addEvents(db, [{ userId: ana, courseId: COURSE, itemId: "d1", kind: "discussion_post", ts: daysBefore(AS_OF, 3) }]);
    expect((await learnerStanding(db, COURSE, "ana", AS_OF))!.lastActiveDay).toBe(addDays(AS_OF, -3));
  });

  it("is never active for a learner without events", async () => {
    expect(await learnerStanding(db, COURSE, "idle", AS_OF)).toEqual({
      lastActiveDay: null,
      enrolled: true,
      unenrolledAt: null,
    });
  });

  it("says when an unenrolled learner left, when that is known", async () => {
    expect(await learnerStanding(db, COURSE, "left", AS_OF)).toEqual({
      lastActiveDay: null,
      enrolled: false,
      unenrolledAt: null,
    });
    db.$client
      .prepare(`UPDATE enrollments SET unenrolled_at = ? WHERE user_id = ?`)
      .run("2026-03-02T09:00:00.000Z", ids.get("left"));
    expect((await learnerStanding(db, COURSE, "left", AS_OF))!.unenrolledAt).toBe("2026-03-02T09:00:00.000Z");
  });

  it("is null for a user who does not exist or never enrolled in the course", async () => {
    for (const u of ["ghost", "nobody", "elsewhere"]) expect(await learnerStanding(db, COURSE, u, AS_OF)).toBeNull();
  });
});
