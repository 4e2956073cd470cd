import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { courseStaff, departments, goals, managedDepartments } from "@/db/schema";
import { seedCourse, seedUser } from "@/lib/testing/factories";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { problemEvaluated } from "@/lib/ingest/xapi/test-statements";

/**
 * Every route × every kind of caller, over HTTP against the running app. Later issues add their
 * routes as rows. Cells are the expected status.
 */
const CALLERS = [
  "anonymous",
  "bad_key",
  "learner",
  "other_instructor",
  "instructor",
  "department_admin",
  "admin",
] as const;
type CallerKind = (typeof CALLERS)[number];

interface Fixture {
  courseId: string;
  registrationId: string;
  statementId: string;
  goalId: string;
}

interface Row {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: (f: Fixture) => string;
  body?: (f: Fixture) => string;
  headers?: Record<string, string>;
  /** How the caller's key is sent, when not as `Authorization: Bearer <key>` (a token request's form). */
  send?: Send;
  expect: Record<CallerKind, number>;
}
type Send = (key: string) => { headers?: Record<string, string>; body?: string };
const asBearer: Send = (key) => ({ headers: { authorization: `Bearer ${key}` } });

const XAPI = { "x-experience-api-version": "1.0.3", "content-type": "application/json" };
const all = (status: number): Record<CallerKind, number> => ({
  anonymous: 401,
  bad_key: 401,
  learner: status,
  other_instructor: status,
  instructor: status,
  department_admin: status,
  admin: status,
});
const adminOnly = (ok: number): Record<CallerKind, number> => ({ ...all(403), admin: ok });

/** Course learner data: admins and the course's staff. */
const courseReaders = (ok: number): Record<CallerKind, number> => ({ ...all(403), instructor: ok, admin: ok });
const C = (f: Fixture) => encodeURIComponent(f.courseId);
const EDX_ROWS: Row[] = ["/api/v0", "/api/learner_analytics/v0"].flatMap((prefix): Row[] => [
  {
    name: `GET ${prefix}/learners/`,
    method: "GET",
    path: (f) => `${prefix}/learners/?course_id=${C(f)}`,
    expect: courseReaders(200),
  },
  {
    name: `GET ${prefix}/learners/ (CSV)`,
    method: "GET",
    path: (f) => `${prefix}/learners/?course_id=${C(f)}&format=csv`,
    expect: courseReaders(200),
  },
  {
    name: `GET ${prefix}/learners/{username}/`,
    method: "GET",
    path: (f) => `${prefix}/learners/learner000/?course_id=${C(f)}`,
    expect: courseReaders(200),
  },
  {
    name: `GET ${prefix}/engagement_timelines/{username}/`,
    method: "GET",
    path: (f) => `${prefix}/engagement_timelines/learner000/?course_id=${C(f)}`,
    expect: courseReaders(200),
  },
  {
    name: `GET ${prefix}/course_learner_metadata/{course_id}/`,
    method: "GET",
    path: (f) => `${prefix}/course_learner_metadata/${f.courseId}/`,
    expect: courseReaders(200),
  },
  // A course that does not exist: only an admin learns so (404); everyone else gets 403.
  {
    name: `GET ${prefix}/learners/ (no such course)`,
    method: "GET",
    path: () => `${prefix}/learners/?course_id=course-v1:No+Such+Course`,
    expect: { ...all(403), admin: 404 },
  },
]);

/** iSpring: a token for any key (the form holds the credentials); results for admins and department admins. */
const clientCredentials = (key: string) => {
  const dot = key.indexOf(".");
  const form = new URLSearchParams({
    client_id: key.slice(0, dot),
    client_secret: key.slice(dot + 1),
    grant_type: "client_credentials",
  });
  return { headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() };
};
const resultReaders: Record<CallerKind, number> = { ...all(403), department_admin: 200, admin: 200 };
const ISPRING_ROWS: Row[] = [
  {
    name: "POST /api/ispring/api/v3/token",
    method: "POST",
    path: () => "/api/ispring/api/v3/token",
    send: clientCredentials,
    expect: { ...all(200), anonymous: 400 },
  },
  {
    name: "GET /api/ispring/learners/results",
    method: "GET",
    path: () => "/api/ispring/learners/results",
    expect: resultReaders,
  },
  {
    name: "GET /api/ispring/learners/results (bare key)",
    method: "GET",
    path: () => "/api/ispring/learners/results",
    send: (key) => ({ headers: { authorization: key } }),
    expect: resultReaders,
  },
];

const JSON_BODY = { "content-type": "application/json" };
const GOALS = (f: Fixture) => `/api/v0/learning-instances/${C(f)}/scoped-goals`;
const KNEWTON_ROWS: Row[] = [
  { name: "GET …/scoped-goals", method: "GET", path: GOALS, expect: courseReaders(200) },
  {
    name: "POST …/scoped-goals",
    method: "POST",
    path: GOALS,
    body: () => JSON.stringify({ name: "Matrix", targets: ["problem-1"] }),
    headers: JSON_BODY,
    expect: courseReaders(201),
  },
  {
    name: "GET …/scoped-goals/{goal_id}",
    method: "GET",
    path: (f) => `${GOALS(f)}/${f.goalId}`,
    expect: courseReaders(200),
  },
  {
    name: "PUT …/scoped-goals/{goal_id}",
    method: "PUT",
    path: (f) => `${GOALS(f)}/${f.goalId}`,
    body: () => JSON.stringify({ name: "Matrix", targets: ["problem-1"] }),
    headers: JSON_BODY,
    expect: courseReaders(200),
  },
  {
    name: "POST …/learning-instances/{li_id}/metrics/status-and-progress",
    method: "POST",
    path: (f) => `/api/v0/learning-instances/${C(f)}/metrics/status-and-progress`,
    body: (f) => JSON.stringify({ goal_ids: [f.goalId] }),
    headers: JSON_BODY,
    expect: courseReaders(200),
  },
  {
    // The registration is the learner's own: they may read it, as may the course's staff.
    name: "POST /api/v0/registrations/{reg_id}/metrics/status-and-progress",
    method: "POST",
    path: (f) => `/api/v0/registrations/${f.registrationId}/metrics/status-and-progress`,
    body: (f) => JSON.stringify({ goal_ids: [f.goalId] }),
    headers: JSON_BODY,
    expect: { ...courseReaders(200), learner: 200 },
  },
  {
    name: "POST /api/v0/registrations/{reg_id}/metrics/status-and-progress (none such)",
    method: "POST",
    path: () => `/api/v0/registrations/00000000-0000-4000-8000-000000000000/metrics/status-and-progress`,
    body: (f) => JSON.stringify({ goal_ids: [f.goalId] }),
    headers: JSON_BODY,
    expect: { ...all(403), admin: 404 },
  },
  {
    name: "DELETE …/scoped-goals/{goal_id} (none such)",
    method: "DELETE",
    path: (f) => `${GOALS(f)}/00000000-0000-4000-8000-000000000000`,
    expect: courseReaders(404),
  },
];

/** 360Learning: administrators only, whatever the session (no 404 to anyone else). */
const STATS_360 = (session: string) =>
  `/api/360learning/api/v1/paths/sessions/${encodeURIComponent(session)}/stats/learner000@example.com`;
const LEARNING360_ROWS: Row[] = [
  {
    name: "GET /api/360learning/…/paths/sessions/{sessionId}/stats/{userEmailOrId}",
    method: "GET",
    path: (f) => STATS_360(f.courseId),
    expect: adminOnly(200),
  },
  {
    name: "GET /api/360learning/…/stats/{userEmailOrId} (no such session)",
    method: "GET",
    path: () => STATS_360("course-v1:No+Such+Session"),
    expect: adminOnly(404),
  },
];

const ROWS: Row[] = [
  ...EDX_ROWS,
  ...KNEWTON_ROWS,
  ...LEARNING360_ROWS,
  { name: "GET /api/v0/api-keys", method: "GET", path: () => "/api/v0/api-keys", expect: all(200) },
  {
    name: "POST /api/v0/api-keys",
    method: "POST",
    path: () => "/api/v0/api-keys/",
    body: () => JSON.stringify({ name: "matrix" }),
    headers: { "content-type": "application/json" },
    expect: all(201),
  },
  {
    name: "DELETE /api/v0/api-keys/{id} (not theirs)",
    method: "DELETE",
    path: () => "/api/v0/api-keys/lk_nosuchkey",
    expect: all(404),
  },
  {
    name: "GET /xapi/about",
    method: "GET",
    path: () => "/xapi/about",
    expect: { ...all(200), anonymous: 200, bad_key: 200 },
  },
  {
    name: "GET /api/openapi.json",
    method: "GET",
    path: () => "/api/openapi.json",
    expect: { ...all(200), anonymous: 200, bad_key: 200 },
  },
  {
    name: "GET /api/health",
    method: "GET",
    path: () => "/api/health",
    expect: { ...all(200), anonymous: 200, bad_key: 200 },
  },
  {
    name: "POST /xapi/statements",
    method: "POST",
    path: () => "/xapi/statements",
    body: () => JSON.stringify(problemEvaluated()),
    headers: XAPI,
    expect: adminOnly(200),
  },
  {
    name: "PUT /xapi/statements",
    method: "PUT",
    path: (f) => `/xapi/statements?statementId=${f.statementId}`,
    body: (f) => JSON.stringify({ ...problemEvaluated(), id: f.statementId }),
    headers: XAPI,
    expect: adminOnly(204),
  },
  {
    name: "GET /xapi/statements",
    method: "GET",
    path: (f) => `/xapi/statements?statementId=${f.statementId}`,
    headers: XAPI,
    expect: adminOnly(200),
  },
  {
    name: "POST /api/v0/import",
    method: "POST",
    path: () => "/api/v0/import",
    body: () => `${JSON.stringify({ type: "objective", id: "lref-matrix", name: "Matrix" })}\n`,
    headers: { "content-type": "application/x-ndjson" },
    expect: adminOnly(200),
  },
  {
    name: "POST /api/v0/registrations/{id}/graded-events",
    method: "POST",
    path: (f) => `/api/v0/registrations/${f.registrationId}/graded-events`,
    body: () =>
      JSON.stringify({ module_id: "problem-1", interaction_end_time: "2026-03-18T10:00:00Z", is_correct: true }),
    headers: { "content-type": "application/json" },
    expect: adminOnly(204),
  },
  ...ISPRING_ROWS,
];

let app: TestApp;
const keys = {} as Record<CallerKind, string | null>;
const fixture: Fixture = {
  courseId: "course-v1:Matrix+M1+2026",
  registrationId: "",
  statementId: randomUUID(),
  goalId: randomUUID(),
};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db;
  const { userIds } = seedCourse(db, { courseId: fixture.courseId, learners: 1 });
  seedCourse(db, { courseId: "course-v1:Matrix+M2+2026", learners: 0 });
  db.$client
    .prepare(`INSERT INTO items (course_id, id, kind) VALUES (?, 'problem-1', 'problem')`)
    .run(fixture.courseId);
  db.insert(goals)
    .values({
      id: fixture.goalId,
      courseId: fixture.courseId,
      name: "Matrix",
      targetKind: "item",
      targets: ["problem-1"],
    })
    .run();
  fixture.registrationId = (
    db.$client.prepare(`SELECT id FROM enrollments WHERE user_id = ?`).get(userIds[0]) as { id: string }
  ).id;
  db.insert(departments).values({ id: "dept", name: "Dept" }).run();
  const ids: Record<Exclude<CallerKind, "anonymous" | "bad_key">, string> = {
    learner: userIds[0]!,
    other_instructor: seedUser(db, { username: "other-instructor" }),
    instructor: seedUser(db, { username: "instructor" }),
    department_admin: seedUser(db, { username: "dept-admin", role: "department_admin" }),
    admin: seedUser(db, { username: "admin", role: "admin" }),
  };
  db.insert(courseStaff)
    .values([
      { courseId: fixture.courseId, userId: ids.instructor, role: "instructor" },
      { courseId: "course-v1:Matrix+M2+2026", userId: ids.other_instructor, role: "instructor" },
    ])
    .run();
  db.insert(managedDepartments).values({ userId: ids.department_admin, departmentId: "dept" }).run();
  keys.anonymous = null;
  keys.bad_key = "lk_doesnotexist.notasecret";
  for (const [kind, id] of Object.entries(ids)) keys[kind as CallerKind] = (await createApiKey(db, id, "matrix")).key;
  // The statement GET reads must exist.
  const put = await fetch(`${app.url}/xapi/statements?statementId=${fixture.statementId}`, {
    method: "PUT",
    headers: { ...XAPI, authorization: `Bearer ${keys.admin}` },
    body: JSON.stringify({ ...problemEvaluated(), id: fixture.statementId }),
  });
  expect(put.status).toBe(204);
}, 120_000);

afterAll(async () => app?.close());

describe.each(ROWS)("$name", (row) => {
  it.each(CALLERS)("as %s", async (kind) => {
    const key = keys[kind];
    const sent: ReturnType<Send> = key ? (row.send ?? asBearer)(key) : {};
    const res = await fetch(app.url + row.path(fixture), {
      method: row.method,
      headers: { ...row.headers, ...sent.headers },
      body: sent.body ?? row.body?.(fixture),
      redirect: "manual",
    });
    expect(res.status, await res.text()).toBe(row.expect[kind]);
  });
});
