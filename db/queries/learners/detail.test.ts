import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { seedUser } from "@/lib/testing/factories";
import { addEvents, attemptsOn, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { enrolledLearnerId, getLearner, learnerTimelineByUsername, listLearners } from "../learners";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+DET+2026";

let db: Db;
let ids: Map<string, string>;
eachTestDb((d) => {
  db = d;
  ids = enrollLearners(db, COURSE, [
    { username: "ana", name: "Ana", cohort: "A", mode: "verified", enrolledAt: "2026-02-01T23:30:00.000Z" },
    { username: "left", name: "Left Early", isActive: false },
    { username: "idle" },
  ]);
  enrollLearners(db, "course-v1:Org+OTHER+2026", [{ username: "elsewhere" }]);
  seedUser(db, { username: "nobody" });
  addEvents(db, [
    ...attemptsOn({ userId: ids.get("ana")!, courseId: COURSE, itemId: "p1", ts: daysBefore(AS_OF, 3) }, [false, true]),
    { userId: ids.get("ana")!, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 1) },
    { userId: ids.get("left")!, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 20) },
  ]);
});

describe("getLearner", () => {
  it("is the learner's list entry", async () => {
    const [listed] = (await listLearners(db, COURSE, { asOf: AS_OF, textSearch: "ana", page: 1, pageSize: 1 })).results;
    const detail = await getLearner(db, COURSE, "ana", { asOf: AS_OF });
    expect(detail).toEqual(listed);
    expect(detail).toMatchObject({ enrollment_date: "2026-02-01", cohort: "A", enrollment_mode: "verified" });
    expect(detail!.engagements).toMatchObject({
      problems_attempted: 1,
      problems_completed: 1,
      videos_viewed: 1,
      problem_attempts_per_completed: 2,
    });
  });

  it("finds an unenrolled learner, in the unenrolled segment", async () => {
    expect((await getLearner(db, COURSE, "left", { asOf: AS_OF }))!.segments).toEqual(["inactive", "unenrolled"]);
    const page = await listLearners(db, COURSE, { asOf: AS_OF, segments: ["unenrolled"], page: 1, pageSize: 25 });
    expect(page.results.map((l) => l.username)).toEqual(["left"]);
  });

  it("is null for a user who does not exist, never enrolled here, or a course that does not exist", async () => {
    expect(await getLearner(db, COURSE, "ghost", { asOf: AS_OF })).toBeNull();
    expect(await getLearner(db, COURSE, "nobody", { asOf: AS_OF })).toBeNull();
    expect(await getLearner(db, COURSE, "elsewhere", { asOf: AS_OF })).toBeNull();
    expect(await getLearner(db, "no-such-course", "ana", { asOf: AS_OF })).toBeNull();
  });

  it("gives a custom window's figures and range", async () => {
    const window = { start: "2026-02-01", end: "2026-03-18" };
    const detail = await getLearner(db, COURSE, "left", { asOf: AS_OF, window });
    expect(detail!.engagements).toEqual({
      date_range: window,
      discussion_contributions: 0,
      problems_attempted: 0,
      problems_completed: 0,
      videos_viewed: 1,
      problem_attempts_per_completed: null,
    });
  });
});

describe("the timeline by username", () => {
  it("finds enrolled learners only", async () => {
    expect(await enrolledLearnerId(db, COURSE, "ana")).toBe(ids.get("ana"));
    expect(await enrolledLearnerId(db, COURSE, "left")).toBe(ids.get("left"));
    for (const u of ["ghost", "nobody", "elsewhere"]) {
      expect(await enrolledLearnerId(db, COURSE, u)).toBeNull();
      expect(await learnerTimelineByUsername(db, COURSE, u)).toBeNull();
    }
  });

  it("spans the active days, or the window given; an idle learner has none", async () => {
    const days = await learnerTimelineByUsername(db, COURSE, "ana");
    expect(days!.map((d) => d.date)).toEqual(["2026-03-17", "2026-03-18", "2026-03-19"]);
    expect(days![0]).toEqual({
      date: "2026-03-17",
      discussion_contributions: 0,
      problems_attempted: 1,
      problems_completed: 1,
      videos_viewed: 0,
      problem_attempts: 2,
    });
    expect(days![1]).toMatchObject({ problems_attempted: 0, videos_viewed: 0 });
    expect(await learnerTimelineByUsername(db, COURSE, "idle")).toEqual([]);
    const windowed = await learnerTimelineByUsername(db, COURSE, "idle", { start: "2026-03-01", end: "2026-03-03" });
    expect(windowed!.map((d) => [d.date, d.videos_viewed])).toEqual([
      ["2026-03-01", 0],
      ["2026-03-02", 0],
    ]);
  });
});
