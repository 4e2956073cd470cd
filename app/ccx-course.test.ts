import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { bearer, seedKeys, type Keys } from "@/lib/testing/http";
import { signInOverHttp } from "@/lib/testing/session";

/**
 * An Open edX CCX course (its key holds `@`) through every door that names a course: the import's
 * records over HTTP, each API route's course_id / li_id / sessionId, and the dashboard's pages.
 */

const CCX = "ccx-v1:Org+CS101+2026_T1+ccx@15";
const PROBLEM = "ccx-block-v1:Org+CS101+2026_T1+ccx@15+type@problem+block@loops1";
const ENROLLMENT = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
const GOAL = "0b7c9a2e-1d3f-4e5a-9b6c-7d8e9f0a1b2c";
const TITLE = "Programming (CCX 15)";
let app: TestApp;
let keys: Keys;
let adaId: string;

/** A problem answered in the CCX, as Open edX's event-routing-backends sends it: the statement creates the course. */
const statement = {
  id: "f0e1d2c3-b4a5-4968-8776-655443322110",
  actor: { objectType: "Agent", account: { homePage: "https://lms.example.com", name: "ada-anon" } },
  verb: { id: "https://w3id.org/xapi/acrossx/verbs/evaluated", display: { en: "evaluated" } },
  object: {
    id: `https://lms.example.com/xblock/${PROBLEM}`,
    objectType: "Activity",
    definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction" },
  },
  context: {
    contextActivities: {
      parent: [
        {
          id: `https://lms.example.com/course/${CCX}`,
          objectType: "Activity",
          definition: { type: "http://adlnet.gov/expapi/activities/course" },
        },
      ],
    },
  },
  result: { success: true, score: { scaled: 1 } },
  timestamp: "2026-03-18T10:00:00Z",
  version: "1.0.3",
};

const RECORDS = [
  { type: "statement", statement },
  // The course record names the course the statement created; it was refused for its `@`.
  { type: "course", id: CCX, title: TITLE, starts_at: "2026-01-05" },
  {
    type: "user",
    id: "ada-id",
    username: "ada",
    name: "Ada Lovelace",
    email: "ada@example.com",
    external_ids: ["ada-anon"],
  },
  { type: "user", username: "ccx-coach", name: "Coach", email: "coach@example.com", password: "coach-password" },
  { type: "staff", course_id: CCX, user: "ccx-coach", role: "instructor" },
  { type: "enrollment", course_id: CCX, user: "ada", id: ENROLLMENT, mode: "verified", cohort: "Group A" },
  { type: "objective", id: "lref-loops", name: "Loops" },
  { type: "item", course_id: CCX, id: PROBLEM, kind: "problem", title: "Loops 1", objectives: ["lref-loops"] },
  { type: "goal", id: GOAL, course_id: CCX, name: "Week 1", targets: ["lref-loops"] },
  {
    type: "graded_event",
    registration_id: ENROLLMENT,
    module_id: PROBLEM,
    interaction_end_time: "2026-03-18T11:00:00Z",
    is_correct: true,
  },
];

const get = (path: string, key = keys.admin) => fetch(app.url + path, { headers: bearer(key), redirect: "manual" });
const post = (path: string, body: unknown) =>
  fetch(app.url + path, {
    method: "POST",
    headers: { ...bearer(keys.admin), "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function ok<T = Record<string, unknown>>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "ccx");
  const res = await fetch(`${app.url}/api/v0/import`, {
    method: "POST",
    headers: { ...bearer(keys.admin), "content-type": "application/x-ndjson" },
    body: RECORDS.map((r) => JSON.stringify(r)).join("\n"),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  adaId = app.db.$client.prepare(`SELECT id FROM users WHERE username = 'ada'`).pluck().get() as string;
}, 120_000);
afterAll(async () => app?.close());

describe("a CCX course id (with @)", () => {
  it("is taken by every record of the import, on the course the statement created", async () => {
    expect(app.db.$client.prepare(`SELECT id, title FROM courses`).all()).toEqual([{ id: CCX, title: TITLE }]);
    expect(app.db.$client.prepare(`SELECT course_id, id FROM items`).all()).toEqual([{ course_id: CCX, id: PROBLEM }]);
    expect(app.db.$client.prepare(`SELECT course_id, id FROM goals`).all()).toEqual([{ course_id: CCX, id: GOAL }]);
    expect(
      app.db.$client
        .prepare(`SELECT e.course_id, e.id, u.username FROM enrollments e JOIN users u ON u.id = e.user_id`)
        .all(),
    ).toEqual([{ course_id: CCX, id: ENROLLMENT, username: "ada" }]);
  });

  it("is read by every Open edX route, the id encoded or written as is", async () => {
    const q = `course_id=${encodeURIComponent(CCX)}`;
    for (const prefix of ["/api/v0", "/api/learner_analytics/v0"]) {
      const list = await ok<{ results: { username: string; engagements: { problems_attempted: number } }[] }>(
        get(`${prefix}/learners/?${q}`),
      );
      expect(list.results.map((l) => [l.username, l.engagements.problems_attempted])).toEqual([["ada", 1]]);
      expect((await ok(get(`${prefix}/learners/ada/?${q}`))).username).toBe("ada");
      const timeline = await ok<{ days: { date: string }[] }>(get(`${prefix}/engagement_timelines/ada/?${q}`));
      expect(timeline.days.some((d) => d.date === "2026-03-18")).toBe(true);
      for (const path of [encodeURIComponent(CCX), CCX]) {
        const meta = await ok<{ cohorts: Record<string, number> }>(get(`${prefix}/course_learner_metadata/${path}/`));
        expect(meta.cohorts).toEqual({ "Group A": 1 });
      }
    }
  });

  it("is a Knewton learning instance and a 360Learning path session", async () => {
    const li = `/api/v0/learning-instances/${encodeURIComponent(CCX)}`;
    const goals = await ok<{ results: { id: string }[] }>(get(`${li}/scoped-goals`));
    expect(goals.results.map((g) => g.id)).toEqual([GOAL]);
    const created = await ok<{ id: string }>(
      post(`${li}/scoped-goals`, { name: "Week 2", targets: ["lref-loops"] }),
      201,
    );
    expect((await ok<{ name: string }>(get(`${li}/scoped-goals/${created.id}`))).name).toBe("Week 2");
    const status = await ok<{ data: { registration_id: string }[] }>(
      post(`${li}/metrics/status-and-progress`, { goal_ids: [GOAL] }),
    );
    expect(status.data.map((r) => r.registration_id)).toEqual([ENROLLMENT]);
    for (const session of [encodeURIComponent(CCX), CCX]) {
      const stats = await ok<{ progress: number }>(
        get(`/api/360learning/api/v1/paths/sessions/${session}/stats/${adaId}`),
      );
      expect(stats.progress).toBeTypeOf("number");
    }
  });

  it("opens every dashboard page of the course for its instructor", async () => {
    const { ok: signedIn, cookie } = await signInOverHttp(app.url, "ccx-coach", "coach-password");
    expect(signedIn).toBe(true);
    const course = `/courses/${encodeURIComponent(CCX)}`;
    // Each page with something only it shows once it has found the course (and the learner, the goal).
    const pages: [string, string][] = [
      [course, "Engagement ranges"],
      [`${course}/learners`, "Ada Lovelace"],
      [`${course}/learners/ada`, "Ada Lovelace"],
      [`${course}/goals`, "Week 1"],
      [`${course}/goals/${GOAL}`, "Week 1"],
    ];
    for (const [page, text] of pages) {
      const res = await fetch(app.url + page, { headers: { cookie }, redirect: "manual" });
      const html = await res.text();
      expect(res.status, page).toBe(200);
      expect(html, page).toContain(`<h1>${TITLE}</h1>`);
      expect(html, page).toContain(text);
    }
  });
});
