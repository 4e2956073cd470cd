import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCourseFresh } from "@/db/queries/derived";
import { goals, items } from "@/db/schema";
import { startTestApp, TEST_AS_OF, type TestApp } from "@/lib/testing/app";
import { seedCourse } from "@/lib/testing/factories";
import { BAD_KEY, bearer, seedKeys, tableCounts, type Keys } from "@/lib/testing/http";

/** Knewton graded events over HTTP, against the production build and a real database. */

const COURSE = "course-v1:Knewton+K1+2026";
// Small, so that the body limit (and its variable) can be tested without megabytes.
const MAX_BODY_BYTES = 4096;

let app: TestApp;
let keys: Keys;
let registrations: string[];
let userIds: string[];

beforeAll(async () => {
  app = await startTestApp({ LANTERN_MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
  keys = await seedKeys(app.db, "knewton");
  const seeded = seedCourse(app.db, { courseId: COURSE, learners: 4 });
  userIds = seeded.userIds;
  registrations = userIds.map(
    (u) => (app.db.$client.prepare(`SELECT id FROM enrollments WHERE user_id = ?`).get(u) as { id: string }).id,
  );
  app.db
    .insert(items)
    .values([
      { courseId: COURSE, id: "problem-1", kind: "problem" },
      { courseId: COURSE, id: "problem-2", kind: "problem" },
    ])
    .run();
  app.db
    .insert(goals)
    .values({ id: "goal-1", courseId: COURSE, name: "Goal", targetKind: "item", targets: ["problem-1"] })
    .run();
  seedCourse(app.db, { courseId: "course-v1:Other+O1+2026", learners: 0 });
  app.db
    .insert(goals)
    .values({
      id: "goal-elsewhere",
      courseId: "course-v1:Other+O1+2026",
      name: "Elsewhere",
      targetKind: "item",
      targets: [],
    })
    .run();
}, 120_000);
afterAll(async () => app?.close());

const event = (over: Record<string, unknown> = {}) => ({
  module_id: "problem-1",
  interaction_end_time: "2026-03-18T10:00:00Z",
  is_correct: true,
  ...over,
});

function send(
  registration: string,
  body: unknown,
  init: { key?: string | null; headers?: Record<string, string>; raw?: string; slash?: boolean } = {},
) {
  const { key = keys.admin, headers = {}, raw, slash = false } = init;
  return fetch(`${app.url}/api/v0/registrations/${registration}/graded-events${slash ? "/" : ""}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/json", ...(key ? bearer(key) : {}), ...headers },
    body: raw ?? JSON.stringify(body),
  });
}

/** Expects `status` with a Knewton error body, and checks that nothing was stored. */
async function refused(status: number, res: Promise<Response>): Promise<string> {
  const before = tableCounts(app.db);
  const r = await res;
  const body = (await r.json()) as { error_code: string; developer_message: string };
  expect(r.status, body.developer_message).toBe(status);
  expect(Object.keys(body).sort()).toEqual(["developer_message", "error_code"]);
  expect(tableCounts(app.db)).toEqual(before);
  return body.developer_message;
}

function attemptsOf(userId: string) {
  return app.db.$client
    .prepare(`SELECT item_id, kind, success, score, duration_ms, goal_id FROM events WHERE user_id = ? ORDER BY id`)
    .all(userId);
}

describe("POST /api/v0/registrations/{reg_id}/graded-events", () => {
  it("stores one graded event as a problem attempt (204), reflected in the figures on the next read", async () => {
    const res = await send(
      registrations[0]!,
      event({ duration: "PT45S", goal_id: "goal-1", is_complete: true, instance_hash: "abc" }),
    );
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(attemptsOf(userIds[0]!)).toEqual([
      { item_id: "problem-1", kind: "problem_attempt", success: 1, score: 1, duration_ms: 45_000, goal_id: "goal-1" },
    ]);
    ensureCourseFresh(app.db, COURSE, TEST_AS_OF);
    const summary = app.db.$client
      .prepare(`SELECT problems_attempted, problems_completed FROM learner_summary WHERE user_id = ?`)
      .get(userIds[0]);
    expect(summary).toEqual({ problems_attempted: 1, problems_completed: 1 });
  });

  it("stores an array, all of it, and answers at the path with a trailing slash too", async () => {
    const res = await send(
      registrations[1]!,
      [event(), event({ module_id: "problem-2", is_correct: false, duration: 12.5 })],
      { slash: true },
    );
    expect(res.status).toBe(204);
    expect(attemptsOf(userIds[1]!)).toMatchObject([
      { item_id: "problem-1", success: 1 },
      { item_id: "problem-2", success: 0, score: 0, duration_ms: 12_500 },
    ]);
  });

  it.each<[string, () => Promise<Response>, RegExp]>([
    ["malformed JSON", () => send(registrations[2]!, undefined, { raw: "{" }), /not valid JSON/],
    [
      "a missing field",
      () => send(registrations[2]!, { module_id: "problem-1", is_correct: true }),
      /^interaction_end_time: required$/,
    ],
    [
      "a wrong type",
      () => send(registrations[2]!, event({ is_correct: "yes" })),
      /^is_correct: expected boolean, got string$/,
    ],
    ["an unknown field", () => send(registrations[2]!, event({ score: 1 })), /^score: unknown field$/],
    [
      "a bad element of an array",
      () => send(registrations[2]!, [event(), event({ duration: "soon" })]),
      /^event 1: duration: /,
    ],
    ["an empty array", () => send(registrations[2]!, []), /empty array/],
    [
      "a body that is not JSON",
      () => send(registrations[2]!, event(), { headers: { "content-type": "text/plain" } }),
      /application\/json; got Content-Type text\/plain/,
    ],
  ])("400 for %s, storing nothing", async (_what, res, message) => {
    expect(await refused(400, res())).toMatch(message);
  });

  it.each<[string, () => Promise<Response>, RegExp]>([
    ["an unknown registration", () => send(randomUUID(), event()), /^registration_id: no registration /],
    [
      "an unknown module",
      () => send(registrations[2]!, [event(), event({ module_id: "nope" })]),
      /^event 1: module_id: no module nope in course /,
    ],
    [
      "an unknown goal",
      () => send(registrations[2]!, event({ goal_id: "goal-missing" })),
      /^goal_id: no goal goal-missing/,
    ],
    [
      "a goal of another course",
      () => send(registrations[2]!, event({ goal_id: "goal-elsewhere" })),
      /^goal_id: no goal goal-elsewhere/,
    ],
  ])("404 for %s, storing nothing", async (_what, res, message) => {
    expect(await refused(404, res())).toMatch(message);
  });

  it("413 for a body over LANTERN_MAX_BODY_BYTES", async () => {
    const events = Array.from({ length: 60 }, () => event());
    expect(JSON.stringify(events).length).toBeGreaterThan(MAX_BODY_BYTES);
    expect(await refused(413, send(registrations[2]!, events))).toBe(
      `The request body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes.`,
    );
  });

  it("401 without credentials or with a bad key", async () => {
    await refused(401, send(registrations[2]!, event(), { key: null }));
    await refused(401, send(registrations[2]!, event(), { key: BAD_KEY }));
  });

  it("403 for a non-admin, the same whether or not the registration exists (nothing is looked up first)", async () => {
    const existing = await refused(403, send(registrations[2]!, event(), { key: keys.user }));
    const missing = await refused(403, send(randomUUID(), event(), { key: keys.user }));
    const bad = await refused(403, send(randomUUID(), "not an event", { key: keys.user }));
    expect(new Set([existing, missing, bad]).size).toBe(1);
  });
});
