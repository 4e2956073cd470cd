import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseStaff, itemObjectives, items, objectives } from "@/db/schema";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedCourse, seedUser } from "@/lib/testing/factories";
import { bearer, seedKeys, tableCounts, type Keys } from "@/lib/testing/http";
import { createApiKey } from "@/db/queries/api-keys";

/** Knewton scoped goals over HTTP, against the production build and a real database. */

const COURSE = "course-v1:Goals+G1+2026";
const OTHER = "course-v1:Goals+G2+2026";
let app: TestApp;
let keys: Keys;
let instructorKey: string;

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "goals");
  seedCourse(app.db, { courseId: COURSE, learners: 1 });
  seedCourse(app.db, { courseId: OTHER, learners: 0, prefix: "other" });
  app.db
    .insert(objectives)
    .values([
      { id: "lref-a", name: "A" },
      { id: "lref-b", name: "B" },
      { id: "lref-other", name: "Only the other course's" },
    ])
    .run();
  app.db
    .insert(items)
    .values([
      { courseId: COURSE, id: "p1", kind: "problem" },
      { courseId: COURSE, id: "p2", kind: "problem" },
      { courseId: OTHER, id: "q1", kind: "problem" },
    ])
    .run();
  app.db
    .insert(itemObjectives)
    .values([
      { courseId: COURSE, itemId: "p1", objectiveId: "lref-a" },
      { courseId: COURSE, itemId: "p2", objectiveId: "lref-b" },
      { courseId: OTHER, itemId: "q1", objectiveId: "lref-other" },
    ])
    .run();
  const teacher = seedUser(app.db, { username: "goals-teacher" });
  app.db.insert(courseStaff).values({ courseId: COURSE, userId: teacher, role: "instructor" }).run();
  instructorKey = (await createApiKey(app.db, teacher, "t")).key;
}, 120_000);
afterAll(async () => app?.close());

const base = (course = COURSE) => `${app.url}/api/v0/learning-instances/${encodeURIComponent(course)}/scoped-goals`;
const json = (key: string, method: string, body?: unknown) => ({
  method,
  headers: { "content-type": "application/json", ...bearer(key) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

async function refused(status: number, res: Promise<Response>): Promise<string> {
  const before = tableCounts(app.db);
  const r = await res;
  const body = (await r.json()) as { error_code: string; developer_message: string };
  expect(r.status, body.developer_message).toBe(status);
  expect(tableCounts(app.db)).toEqual(before);
  return `${body.error_code}: ${body.developer_message}`;
}

describe("scoped goals", () => {
  it("creates a goal with defaults, lists, reads, replaces and deletes it", async () => {
    const created = await fetch(
      base(),
      json(instructorKey, "POST", {
        name: "Unit 1",
        targets: ["lref-a", "lref-b"],
        topics: [{ topic_id: "t1", targets: ["lref-a"] }],
      }),
    );
    expect(created.status).toBe(201);
    const goal = (await created.json()) as { id: string };
    expect(goal).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      learning_instance_id: COURSE,
      name: "Unit 1",
      targets: ["lref-a", "lref-b"],
      target_type: "learning_objective",
      topics: [{ topic_id: "t1", targets: ["lref-a"] }],
      completion_criteria: {
        min_predicted_mastery: 0.95,
        min_consecutive_correct: null,
        min_work_per_target: 0,
        max_work_on_goal: null,
      },
    });
    const list = (await (await fetch(base(), json(keys.admin, "GET"))).json()) as { results: { id: string }[] };
    expect(list.results.map((g) => g.id)).toEqual([goal.id]);
    expect(await (await fetch(`${base()}/${goal.id}/`, json(instructorKey, "GET"))).json()).toEqual(goal);

    const replaced = await fetch(
      `${base()}/${goal.id}`,
      json(instructorKey, "PUT", {
        name: "Unit 1 items",
        targets: ["p1", "p2"],
        completion_criteria: { max_work_on_goal: 12 },
      }),
    );
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      id: goal.id,
      name: "Unit 1 items",
      target_type: "module",
      topics: null,
      completion_criteria: {
        min_predicted_mastery: 0.95,
        min_consecutive_correct: null,
        min_work_per_target: 0,
        max_work_on_goal: 12,
      },
    });

    expect((await fetch(`${base()}/${goal.id}`, json(instructorKey, "DELETE"))).status).toBe(204);
    expect(await refused(404, fetch(`${base()}/${goal.id}`, json(instructorKey, "GET")))).toMatch(/^goal_not_found/);
    expect(await refused(404, fetch(`${base()}/${goal.id}`, json(instructorKey, "DELETE")))).toMatch(/^goal_not_found/);
  });

  it("round-trips a streak goal: min_consecutive_correct stored and shown, the mastery threshold 0 unless given, PUT replacing it", async () => {
    const created = await fetch(
      base(),
      json(instructorKey, "POST", {
        name: "3 in a row",
        targets: ["lref-a"],
        completion_criteria: { min_consecutive_correct: 3 },
      }),
    );
    expect(created.status).toBe(201);
    const goal = (await created.json()) as { id: string; completion_criteria: unknown };
    expect(goal.completion_criteria).toEqual({
      min_predicted_mastery: 0,
      min_consecutive_correct: 3,
      min_work_per_target: 0,
      max_work_on_goal: null,
    });
    expect(await (await fetch(`${base()}/${goal.id}`, json(instructorKey, "GET"))).json()).toEqual(goal);
    const both = { min_consecutive_correct: 2, min_predicted_mastery: 0.9 };
    const replaced = await fetch(
      `${base()}/${goal.id}`,
      json(instructorKey, "PUT", { name: "2 in a row at 0.9", targets: ["lref-a"], completion_criteria: both }),
    );
    expect(((await replaced.json()) as { completion_criteria: unknown }).completion_criteria).toEqual({
      ...both,
      min_work_per_target: 0,
      max_work_on_goal: null,
    });
    // Replacing without it drops the streak: the whole goal is replaced.
    const plain = await fetch(
      `${base()}/${goal.id}`,
      json(instructorKey, "PUT", { name: "plain", targets: ["lref-a"] }),
    );
    expect(((await plain.json()) as { completion_criteria: unknown }).completion_criteria).toMatchObject({
      min_predicted_mastery: 0.95,
      min_consecutive_correct: null,
    });
    expect((await fetch(`${base()}/${goal.id}`, json(instructorKey, "DELETE"))).status).toBe(204);
  });

  it("refuses a streak of 0, a negative or fractional one, one on item targets and unknown criteria, with a 400 naming the field", async () => {
    const post = (completion_criteria: unknown, targets = ["lref-a"]) =>
      refused(400, fetch(base(), json(keys.admin, "POST", { name: "x", targets, completion_criteria })));
    expect(await post({ min_consecutive_correct: 0 })).toBe(
      "invalid_request: Invalid body: completion_criteria.min_consecutive_correct: must be at least 1",
    );
    expect(await post({ min_consecutive_correct: -3 })).toBe(
      "invalid_request: Invalid body: completion_criteria.min_consecutive_correct: must be at least 1",
    );
    expect(await post({ min_consecutive_correct: 1.5 })).toBe(
      "invalid_request: Invalid body: completion_criteria.min_consecutive_correct: must be a whole number",
    );
    expect(await post({ min_consecutive_correct: 3 }, ["p1"])).toMatch(
      /^invalid_request: completion_criteria\.min_consecutive_correct: applies to learning objective targets only/,
    );
    expect(await post({ in_a_row: 3 })).toMatch(/in_a_row/);
  });

  it("refuses a bad body with a 400 naming the problem, and stores nothing", async () => {
    expect(await refused(400, fetch(base(), json(keys.admin, "POST", { targets: ["lref-a"] })))).toMatch(/name/);
    expect(await refused(400, fetch(base(), json(keys.admin, "POST", { name: "x", targets: [] })))).toMatch(/targets/);
    expect(
      await refused(400, fetch(base(), json(keys.admin, "POST", { name: "x", targets: ["lref-a", "p2"] }))),
    ).toMatch(/not both/);
    expect(
      await refused(
        400,
        fetch(
          base(),
          json(keys.admin, "POST", {
            name: "x",
            targets: ["lref-a"],
            topics: [{ topic_id: "t", targets: ["lref-b"] }],
          }),
        ),
      ),
    ).toMatch(/topics\[0\]\.targets.*lref-b/);
    expect(await refused(400, fetch(base(), json(keys.admin, "POST", { name: "x", targets: ["lref-nope"] })))).toMatch(
      /lref-nope/,
    );
    expect(
      await refused(
        400,
        fetch(
          base(),
          json(keys.admin, "POST", {
            name: "x",
            targets: ["lref-a"],
            completion_criteria: { min_predicted_mastery: 2 },
          }),
        ),
      ),
    ).toMatch(/min_predicted_mastery/);
    expect(
      await refused(400, fetch(base(), json(keys.admin, "POST", { name: "x", targets: ["lref-a"], id: "mine" }))),
    ).toMatch(/id/);
    expect(await refused(400, fetch(base(), { method: "POST", headers: bearer(keys.admin), body: "{}" }))).toMatch(
      /Content-Type/,
    );
  });

  it("refuses targets another course's items assess (its learners' mastery is not this course's to read), and stores nothing", async () => {
    // The attack: the instructor of COURSE aims a goal at OTHER's objective to read its learners' mastery.
    const attack = await refused(
      400,
      fetch(base(), json(instructorKey, "POST", { name: "Peek", targets: ["lref-other"] })),
    );
    expect(attack).toMatch(
      /^invalid_request: targets: objective lref-other is not assessed by any item of course course-v1:Goals\+G1\+2026/,
    );
    expect(
      await refused(400, fetch(base(), json(keys.admin, "POST", { name: "Peek", targets: ["lref-a", "lref-other"] }))),
    ).toMatch(/lref-other/);
    expect(await refused(400, fetch(base(), json(instructorKey, "POST", { name: "Peek", targets: ["q1"] })))).toMatch(
      /^invalid_request: .*q1/,
    );
    // Nor can an existing goal be turned on them.
    const own = await fetch(base(), json(instructorKey, "POST", { name: "Own", targets: ["lref-a", "lref-b"] }));
    expect(own.status).toBe(201);
    const goal = (await own.json()) as { id: string };
    expect(
      await refused(
        400,
        fetch(`${base()}/${goal.id}`, json(instructorKey, "PUT", { name: "Peek", targets: ["lref-other"] })),
      ),
    ).toMatch(/lref-other/);
    expect(await (await fetch(`${base()}/${goal.id}`, json(instructorKey, "GET"))).json()).toMatchObject({
      name: "Own",
      targets: ["lref-a", "lref-b"],
    });
    // The other course's own staff may still aim at it.
    expect(
      (await fetch(base(OTHER), json(keys.admin, "POST", { name: "Theirs", targets: ["lref-other"] }))).status,
    ).toBe(201);
  });

  it("keeps goals to their learning instance: another course's goal is not found there", async () => {
    const res = await fetch(base(), json(keys.admin, "POST", { name: "Here", targets: ["p1"] }));
    const { id } = (await res.json()) as { id: string };
    expect(await refused(404, fetch(`${base(OTHER)}/${id}`, json(keys.admin, "GET")))).toMatch(/^goal_not_found/);
    expect(await refused(404, fetch(`${base("course-v1:None+N+1")}/${id}`, json(keys.admin, "GET")))).toMatch(
      /^learning_instance_not_found/,
    );
    expect(await refused(403, fetch(`${base("course-v1:None+N+1")}`, json(instructorKey, "GET")))).toMatch(
      /^forbidden/,
    );
    expect(await refused(403, fetch(base(), json(keys.user, "POST", { name: "x", targets: ["p1"] })))).toMatch(
      /^forbidden/,
    );
  });
});
