import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openDb } from "@/db/client";
import { courseRanges } from "@/db/queries/engagement";
import { withClassRanks } from "@/lib/analytics/ranges";
import { eachTestDb } from "@/lib/testing/db";
import { addEvents, attemptsOn, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { cohortExists, courseExists, courseLearnerMetadata, listLearners, modeExists } from "../learners";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+META+2026";

let db: Db;
let ids: Map<string, string>;
eachTestDb((d) => {
  db = d;
  ids = enrollLearners(db, COURSE, [
    { username: "a1", cohort: "Red", mode: "verified" },
    { username: "a2", cohort: "Red", mode: "audit" },
    { username: "a3", cohort: "Blue", mode: "audit" },
    { username: "a4", mode: "honor", isActive: false },
  ]);
  db.$client.prepare(`INSERT INTO cohorts (course_id, name) VALUES (?, 'Empty')`).run(COURSE);
  addEvents(db, [
    ...attemptsOn({ userId: ids.get("a1")!, courseId: COURSE, itemId: "p1", ts: daysBefore(AS_OF, 2) }, [
      false,
      false,
      true,
    ]),
  ]);
});

describe("courseLearnerMetadata", () => {
  it("counts every cohort (empty ones as 0), every mode, and all five segments zero-filled", async () => {
    const meta = await courseLearnerMetadata(db, COURSE, AS_OF);
    expect(meta).toMatchObject({
      cohorts: { Blue: 1, Empty: 0, Red: 2 },
      enrollment_modes: { audit: 2, honor: 1, verified: 1 },
      segments: { highly_engaged: 0, struggling: 0, disengaging: 0, inactive: 3, unenrolled: 1 },
    });
    expect(Object.keys(meta!.segments)).toEqual([
      "highly_engaged",
      "struggling",
      "disengaging",
      "inactive",
      "unenrolled",
    ]);
  });

  it("has the default window and the course's engagement ranges", async () => {
    const meta = await courseLearnerMetadata(db, COURSE, AS_OF);
    const { date_range, ...ranges } = meta!.engagement_ranges;
    expect(date_range).toEqual({ start: "2026-03-13", end: "2026-03-20" });
    expect(ranges).toEqual(withClassRanks(await courseRanges(db, COURSE, AS_OF)));
    expect(ranges.problems_attempted).toEqual({
      below_average: [0, 1],
      average: [1, null],
      above_average: null,
      class_rank_bottom: [0, 1],
      class_rank_average: [1, null],
      class_rank_top: null,
    });
  });

  it("follows new activity and enrollments", async () => {
    enrollLearners(db, COURSE, [{ username: "a5", cohort: "Blue", mode: "audit" }]);
    addEvents(db, [
      { userId: ids.get("a3")!, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 9) },
    ]);
    const meta = await courseLearnerMetadata(db, COURSE, AS_OF);
    expect(meta).toMatchObject({
      cohorts: { Blue: 2, Empty: 0, Red: 2 },
      enrollment_modes: { audit: 3, honor: 1, verified: 1 },
      segments: { disengaging: 1, inactive: 3, unenrolled: 1 },
    });
    expect((await listLearners(db, COURSE, { asOf: AS_OF, segments: ["inactive"], page: 1, pageSize: 25 })).count).toBe(
      3,
    );
  });

  it("is null for an unknown course", async () => {
    expect(await courseLearnerMetadata(db, "nope", AS_OF)).toBeNull();
  });
});

describe("while another connection holds the write lock", () => {
  it("counts from the rows as they are, so counts and pages agree", async () => {
    await courseLearnerMetadata(db, COURSE, AS_OF);
    // An ingest leaves the course's ranges, stored counts and the new learner's summary pending
    // for the next read; a long write then holds the lock, so that read cannot bring them up to date.
    enrollLearners(db, COURSE, [{ username: "a6", cohort: "Red", mode: "audit" }]);
    const writer = openDb(db.$client.name);
    writer.$client.exec("BEGIN IMMEDIATE");
    try {
      const page = await listLearners(db, COURSE, { asOf: AS_OF, cohort: "Red", page: 1, pageSize: 25 });
      expect(page.count).toBe(2);
      expect(page.results.map((l) => l.username)).toEqual(["a1", "a2"]);
      expect((await courseLearnerMetadata(db, COURSE, AS_OF))!.cohorts).toMatchObject({ Red: 2 });
    } finally {
      writer.$client.exec("ROLLBACK");
      writer.$client.close();
    }
    // Once the lock is free, the next read brings everything up to date.
    const page = await listLearners(db, COURSE, { asOf: AS_OF, cohort: "Red", page: 1, pageSize: 25 });
    expect(page.count).toBe(3);
    expect(page.results.map((l) => l.username)).toEqual(["a1", "a2", "a6"]);
    expect((await courseLearnerMetadata(db, COURSE, AS_OF))!.cohorts).toMatchObject({ Red: 3 });
  });
});

describe("existence checks", () => {
  it("knows courses, cohorts (declared or held) and modes", async () => {
    expect(await courseExists(db, COURSE)).toBe(true);
    expect(await courseExists(db, "nope")).toBe(false);
    expect(await cohortExists(db, COURSE, "Empty")).toBe(true);
    expect(await cohortExists(db, COURSE, "Red")).toBe(true);
    expect(await cohortExists(db, COURSE, "red")).toBe(false);
    expect(await cohortExists(db, "nope", "Red")).toBe(false);
    expect(await modeExists(db, COURSE, "honor")).toBe(true);
    expect(await modeExists(db, COURSE, "professional")).toBe(false);
  });
});
