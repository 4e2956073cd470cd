import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { addEvents, attemptsOn, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { listLearners, type LearnerObject, type LearnerSelection } from "../learners";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+FLT+2026";

let db: Db;
eachTestDb((d) => {
  db = d;
  const ids = enrollLearners(db, COURSE, [
    { username: "armadillo7", name: "Dana Shell", email: "dana@zoo.org", mode: "honor", cohort: "BestAnimals" },
    { username: "dshell", name: "Armand Dillon", email: "ad@example.com", mode: "verified", cohort: "BestAnimals" },
    { username: "zed", name: "Zed Quiet", email: "ZED@Armadillo.IO", mode: "honor", cohort: "Others" },
    { username: "Émile", name: "Émile Zola", email: null, mode: "audit" },
    { username: "gone", name: "Gone Away", email: "gone@example.com", mode: "honor", isActive: false },
    { username: "ox", name: "O X", email: "ox@ex.io", mode: "audit", cohort: "Others" },
  ]);
  const at = (u: string, item: string, days: number) => ({
    userId: ids.get(u)!,
    courseId: COURSE,
    itemId: item,
    ts: daysBefore(AS_OF, days),
  });
  addEvents(db, [
    // armadillo7 and dshell active this week; zed only the week before (disengaging); the rest inactive.
    ...attemptsOn(at("armadillo7", "p1", 1), [true]),
    ...attemptsOn(at("armadillo7", "p2", 2), [true]),
    { ...at("armadillo7", "v1", 2), kind: "video_play" },
    ...attemptsOn(at("dshell", "p1", 3), [false, false, false, false]),
    { ...at("zed", "v1", 10), kind: "video_play" },
  ]);
});

const find = (sel: Partial<LearnerSelection>) =>
  listLearners(db, COURSE, { asOf: AS_OF, page: 1, pageSize: 100, ...sel });
const names = async (sel: Partial<LearnerSelection>) => (await find(sel)).results.map((l: LearnerObject) => l.username);

describe("text_search", () => {
  it("matches a term in the username, the name or the email, case-insensitively", async () => {
    expect(await names({ textSearch: "ARMADILLO" })).toEqual(["armadillo7", "zed"]);
    expect(await names({ textSearch: "dill" })).toEqual(["armadillo7", "dshell", "zed"]);
    expect(await names({ textSearch: "zoo.org" })).toEqual(["armadillo7"]);
    expect(await names({ textSearch: "émile" })).toEqual(["Émile"]);
  });

  it("requires every whitespace-separated term, each in any of the three", async () => {
    expect(await names({ textSearch: "  armand   example " })).toEqual(["dshell"]);
    expect(await names({ textSearch: "dana shell" })).toEqual(["armadillo7"]);
    expect(await names({ textSearch: "dana quiet" })).toEqual([]);
    // A term does not span two fields.
    expect(await names({ textSearch: "shelldana" })).toEqual([]);
  });

  it("handles terms shorter than three characters, alone or with longer ones", async () => {
    expect(await names({ textSearch: "ox" })).toEqual(["ox"]);
    expect(await names({ textSearch: "O" })).toEqual(["armadillo7", "dshell", "gone", "ox", "zed", "Émile"]);
    expect(await names({ textSearch: "ad zoo" })).toEqual(["armadillo7"]);
    expect(await names({ textSearch: "EX ad" })).toEqual(["dshell"]);
    expect(await names({ textSearch: "Q zed" })).toEqual(["zed"]);
    expect(await names({ textSearch: "Zo" })).toEqual(["armadillo7", "Émile"]);
    expect(await find({ textSearch: "qq" })).toEqual({ count: 0, results: [] });
  });

  it("takes quotes and FTS syntax as plain text, and a blank search as no filter", async () => {
    expect(await names({ textSearch: '"dana' })).toEqual([]);
    expect(await names({ textSearch: "dana OR zed" })).toEqual([]);
    expect(await names({ textSearch: "shel*" })).toEqual([]);
    expect((await find({ textSearch: "   " })).count).toBe(6);
  });

  it("counts exactly and combines with the other filters and sorts", async () => {
    const page = await find({
      textSearch: "dill",
      cohort: "BestAnimals",
      orderBy: "problems_attempted",
      sortOrder: "desc",
    });
    expect(page.count).toBe(2);
    expect(page.results.map((l) => l.username)).toEqual(["armadillo7", "dshell"]);
    expect((await listLearners(db, COURSE, { asOf: AS_OF, textSearch: "dill", page: 2, pageSize: 2 })).count).toBe(3);
  });

  it("finds a learner by a name changed after enrolment", async () => {
    db.$client.prepare(`UPDATE users SET name = 'Pangolin Person' WHERE username = 'ox'`).run();
    expect(await names({ textSearch: "pangolin" })).toEqual(["ox"]);
    db.$client.prepare(`DELETE FROM users WHERE username = 'zed'`).run();
    expect(await names({ textSearch: "armadillo" })).toEqual(["armadillo7"]);
  });
});

describe("segment, cohort and mode filters", () => {
  it("puts each learner in the segments of the as-of day", async () => {
    const all = (await find({})).results;
    expect(Object.fromEntries(all.map((l) => [l.username, l.segments]))).toEqual({
      armadillo7: ["highly_engaged"],
      dshell: ["struggling"],
      zed: ["disengaging"],
      Émile: ["inactive"],
      gone: ["inactive", "unenrolled"],
      ox: ["inactive"],
    });
  });

  it("keeps learners in any of the segments given", async () => {
    expect(await names({ segments: ["struggling", "disengaging"] })).toEqual(["dshell", "zed"]);
    expect(await names({ segments: ["unenrolled"] })).toEqual(["gone"]);
    expect((await find({ segments: ["highly_engaged", "inactive"] })).count).toBe(4);
  });

  it("drops learners in any of the ignored segments", async () => {
    expect(await names({ ignoreSegments: ["inactive"] })).toEqual(["armadillo7", "dshell", "zed"]);
    expect(await names({ ignoreSegments: ["inactive", "struggling", "highly_engaged"] })).toEqual(["zed"]);
  });

  it("filters on an exact cohort and mode, alone or together", async () => {
    expect(await names({ cohort: "BestAnimals" })).toEqual(["armadillo7", "dshell"]);
    expect(await names({ cohort: "bestanimals" })).toEqual([]);
    expect(await names({ enrollmentMode: "honor" })).toEqual(["armadillo7", "gone", "zed"]);
    expect(await names({ cohort: "Others", enrollmentMode: "honor" })).toEqual(["zed"]);
    expect(await names({ cohort: "Others", enrollmentMode: "honor", segments: ["inactive"] })).toEqual([]);
  });

  it("treats empty values as no filter", async () => {
    expect(
      (await find({ cohort: "", enrollmentMode: "", segments: [], ignoreSegments: [], textSearch: "" })).count,
    ).toBe(6);
  });

  it("counts exactly for every combination, page after page", async () => {
    const p = await listLearners(db, COURSE, {
      asOf: AS_OF,
      enrollmentMode: "honor",
      ignoreSegments: ["unenrolled"],
      page: 2,
      pageSize: 1,
    });
    expect(p.count).toBe(2);
    expect(p.results.map((l) => l.username)).toEqual(["zed"]);
  });
});

describe("the learner object", () => {
  it("has every field of docs/edx-api.md", async () => {
    process.env.LANTERN_LMS_ACCOUNT_URL = "https://lms.example.org/u/";
    try {
      const [a] = (await find({ textSearch: "armadillo7" })).results;
      const lastUpdated = db.$client.prepare(`SELECT last_updated_at FROM courses WHERE id = ?`).pluck().get(COURSE);
      expect(a).toEqual({
        username: "armadillo7",
        name: "Dana Shell",
        email: "dana@zoo.org",
        account_url: "https://lms.example.org/u/armadillo7",
        enrollment_mode: "honor",
        enrollment_date: "2026-01-05",
        cohort: "BestAnimals",
        segments: ["highly_engaged"],
        last_updated: lastUpdated,
        engagements: {
          date_range: { start: "2026-03-13", end: "2026-03-20" },
          discussion_contributions: 0,
          problems_attempted: 2,
          problems_completed: 2,
          videos_viewed: 1,
          problem_attempts_per_completed: 1,
        },
        // Open edX's profile fields: the roster helper sets none of them.
        user_id: db.$client.prepare(`SELECT id FROM users WHERE username = 'armadillo7'`).pluck().get(),
        language: null,
        location: null,
        year_of_birth: null,
        level_of_education: null,
        gender: null,
        mailing_address: null,
        city: null,
        country: null,
        goals: null,
      });
      expect(lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    } finally {
      delete process.env.LANTERN_LMS_ACCOUNT_URL;
    }
    const [e] = (await find({ textSearch: "émile" })).results;
    expect(e).toMatchObject({ account_url: null, email: null, cohort: null });
    expect(e!.engagements).toMatchObject({ problems_attempted: 0, problem_attempts_per_completed: null });
  });

  it("gives a null ratio with attempts and no completion", async () => {
    const [d] = (await find({ textSearch: "dshell" })).results;
    expect(d!.engagements).toMatchObject({
      problems_attempted: 1,
      problems_completed: 0,
      problem_attempts_per_completed: null,
    });
  });
});
