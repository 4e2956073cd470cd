import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { bearer, seedKeys, type Keys } from "@/lib/testing/http";

/**
 * What a client written against the Open edX data API's last version reads beyond the seed, over
 * HTTP: the learner's profile fields and the `class_rank_*` names of the engagement ranges.
 */

const COURSE = "course-v1:Org+Profile+2026";
const Q = `course_id=${encodeURIComponent(COURSE)}`;
let app: TestApp;
let keys: Keys;

const PROFILE = {
  language: "es",
  location: "Madrid, near the Retiro",
  year_of_birth: 1990,
  level_of_education: "m",
  gender: "f",
  mailing_address: "Calle Mayor 1\n28013 Madrid",
  city: "Madrid",
  country: "ES",
  goals: "Learn to program for my lab",
};
const NO_PROFILE = {
  language: null,
  location: null,
  year_of_birth: null,
  level_of_education: null,
  gender: null,
  mailing_address: null,
  city: null,
  country: null,
  goals: null,
};

/** Problems attempted 1, 2, 3, 4 and attempts per correct problem 1, 1.5, 2.67, 5: every range of both metrics is there. */
const WORK: Record<string, [problem: string, correct: boolean][]> = {
  ana: [["p1", true]],
  ben: [
    ["p1", false],
    ["p1", true],
    ["p2", true],
  ],
  cy: [
    ["p1", false],
    ["p1", true],
    ["p2", false],
    ["p2", false],
    ["p2", true],
    ["p3", false],
    ["p3", false],
    ["p3", true],
  ],
  dee: [
    ["p1", false],
    ["p2", false],
    ["p3", false],
    ["p4", false],
    ["p4", true],
  ],
};
const ENROLLMENT = (i: number) => `6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4${i}`;

function records(): unknown[] {
  const out: unknown[] = [{ type: "course", id: COURSE, title: "Profiles" }];
  for (const p of ["p1", "p2", "p3", "p4"]) out.push({ type: "item", course_id: COURSE, id: p, kind: "problem" });
  Object.entries(WORK).forEach(([username, work], i) => {
    // ana's record carries every profile field and the LMS's own user id; the others carry none.
    out.push(
      username === "ana"
        ? { type: "user", id: "4242", username, name: "Ana", ...PROFILE }
        : { type: "user", username, name: username },
    );
    out.push({ type: "enrollment", course_id: COURSE, user: username, id: ENROLLMENT(i), enrolled_at: "2026-02-01" });
    work.forEach(([module_id, is_correct], n) => {
      out.push({
        type: "graded_event",
        registration_id: ENROLLMENT(i),
        module_id,
        is_correct,
        interaction_end_time: `2026-03-18T10:${String(n).padStart(2, "0")}:00Z`,
      });
    });
  });
  return out;
}

async function json<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await fetch(app.url + path, { headers: bearer(keys.admin) });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "profile");
  const res = await fetch(`${app.url}/api/v0/import`, {
    method: "POST",
    headers: { ...bearer(keys.admin), "content-type": "application/x-ndjson" },
    body: records()
      .map((r) => JSON.stringify(r))
      .join("\n"),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => app?.close());

describe("the learner's profile fields", () => {
  it("are in every list result and the detail, null when unknown, the user id the LMS's own", async () => {
    const list = await json<{ results: Record<string, unknown>[] }>(`/api/v0/learners/?${Q}&order_by=username`);
    expect(list.results.map((l) => l.username)).toEqual(["ana", "ben", "cy", "dee"]);
    expect(list.results[0]).toMatchObject({ user_id: "4242", ...PROFILE });
    const benId = app.db.$client.prepare(`SELECT id FROM users WHERE username = 'ben'`).pluck().get();
    expect(list.results[1]).toMatchObject({ user_id: benId, ...NO_PROFILE });
    for (const prefix of ["/api/v0", "/api/learner_analytics/v0"]) {
      expect(await json(`${prefix}/learners/ana/?${Q}`)).toMatchObject({
        username: "ana",
        user_id: "4242",
        ...PROFILE,
      });
    }
    const windowed = await json<{ results: Record<string, unknown>[] }>(
      `/api/v0/learners/?${Q}&order_by=problems_attempted&start_date=2026-03-01&end_date=2026-03-19`,
    );
    expect(windowed.results.find((l) => l.username === "ana")).toMatchObject({ user_id: "4242", ...PROFILE });
  });

  it("stay out of the default CSV, and are columns when fields= names them", async () => {
    const csv = async (query: string) =>
      (
        await (
          await fetch(`${app.url}/api/v0/learners/?${Q}&format=csv&order_by=username${query}`, {
            headers: bearer(keys.admin),
          })
        ).text()
      ).split("\r\n");
    const all = await csv("");
    expect(all[0]).toBe(
      "username,name,email,enrollment_mode,enrollment_date,cohort,segments,engagements.date_range.start,engagements.date_range.end,engagements.discussion_contributions,engagements.problems_attempted,engagements.problems_completed,engagements.videos_viewed,engagements.problem_attempts_per_completed,last_updated,account_url",
    );
    const picked = await csv("&fields=username,user_id,country,year_of_birth,mailing_address");
    expect(picked.slice(0, 3)).toEqual([
      "username,user_id,country,year_of_birth,mailing_address",
      `ana,4242,ES,1990,"Calle Mayor 1\n28013 Madrid"`,
      expect.stringMatching(/^ben,[0-9a-f-]{36},,,$/),
    ]);
  });
});

describe("/api/openapi.json", () => {
  it("describes the profile fields and the class_rank_* ranges", async () => {
    type Schema = { properties: Record<string, { properties?: Record<string, Schema> } & Schema>; required?: string[] };
    const doc = await json<{ components: { schemas: Record<string, Schema> } }>("/api/openapi.json");
    const learner = doc.components.schemas.Learner!;
    expect(learner.required).toEqual(expect.arrayContaining(["user_id", ...Object.keys(NO_PROFILE)]));
    const ranges =
      doc.components.schemas.CourseLearnerMetadata!.properties.engagement_ranges!.properties!
        .problem_attempts_per_completed!;
    expect(Object.keys(ranges.properties)).toEqual([
      "below_average",
      "average",
      "above_average",
      "class_rank_bottom",
      "class_rank_average",
      "class_rank_top",
    ]);
  });
});

describe("engagement_ranges' class_rank_* names", () => {
  it("are the seed's ranges, the ratio's top being its low side", async () => {
    type Ranged = Record<string, [number, number | null] | null>;
    const meta = await json<{ engagement_ranges: Record<string, Ranged> }>(
      `/api/v0/course_learner_metadata/${encodeURIComponent(COURSE)}/`,
    );
    for (const [metric, r] of Object.entries(meta.engagement_ranges)) {
      if (metric === "date_range") continue;
      expect(r.class_rank_average, metric).toEqual(r.average);
      const [bottom, top] =
        metric === "problem_attempts_per_completed"
          ? [r.above_average, r.below_average]
          : [r.below_average, r.above_average];
      expect([r.class_rank_bottom, r.class_rank_top], metric).toEqual([bottom, top]);
    }
    const ratio = meta.engagement_ranges.problem_attempts_per_completed!;
    // The ratio's top is the learners with the fewest attempts per correct problem.
    expect(ratio.class_rank_top).toEqual([0, 1.225]);
    expect(ratio.class_rank_bottom).toEqual([3.95, null]);
    const attempted = meta.engagement_ranges.problems_attempted!;
    expect(attempted.class_rank_top).toEqual([3.55, null]);
    expect(attempted.class_rank_bottom).toEqual([0, 1.45]);
  });
});
