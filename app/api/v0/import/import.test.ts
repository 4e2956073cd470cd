import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { ensureCourseFresh } from "@/db/queries/derived";
import { agent, problemEvaluated } from "@/lib/ingest/xapi/test-statements";
import { startTestApp, TEST_AS_OF, type TestApp } from "@/lib/testing/app";
import { BAD_KEY, bearer, chunkedBody, seedKeys, tableCounts, type Keys } from "@/lib/testing/http";

/** The JSON Lines import over HTTP, against the production build and a real database. */

// Small, so that the import's own body limit (and its variable) can be tested quickly.
const MAX_IMPORT_BYTES = 50_000;

let app: TestApp;
let keys: Keys;

beforeAll(async () => {
  app = await startTestApp({ LANTERN_MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES) });
  keys = await seedKeys(app.db, "import");
}, 120_000);
afterAll(async () => app?.close());

const adminId = () =>
  (app.db.$client.prepare(`SELECT id FROM users WHERE username = ?`).get(keys.adminName) as { id: string }).id;

const NDJSON = { "content-type": "application/x-ndjson" };
const lines = (records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;

function importBody(
  body: string | Blob | { body: ReadableStream<Uint8Array>; duplex: "half" },
  init: { key?: string | null; headers?: Record<string, string>; path?: string } = {},
) {
  const { key = keys.admin, headers = NDJSON, path = "/api/v0/import" } = init;
  const auth = key ? bearer(key) : {};
  const request = typeof body === "string" || body instanceof Blob ? { body } : body;
  return fetch(app.url + path, { method: "POST", redirect: "manual", headers: { ...headers, ...auth }, ...request });
}

/** Expects `status`, returns the body, and checks that nothing was changed. */
async function refused(status: number, res: Promise<Response>): Promise<Record<string, unknown>> {
  const before = tableCounts(app.db);
  const r = await res;
  const body = (await r.json()) as Record<string, unknown>;
  expect(r.status, JSON.stringify(body)).toBe(status);
  expect(tableCounts(app.db)).toEqual(before);
  return body;
}

function catalog(course: string, learner: string) {
  return [
    { type: "course", id: course, title: "Imported" },
    {
      type: "user",
      username: learner,
      name: "Imported Learner",
      email: `${learner}@example.com`,
      external_ids: [`anon-${learner}`],
    },
    { type: "enrollment", course_id: course, user: learner, mode: "verified", enrolled_at: "2026-01-06T09:00:00Z" },
    { type: "item", course_id: course, id: "problem-1", kind: "problem" },
  ];
}

const attempt = (course: string, learner: string) =>
  problemEvaluated(
    {},
    {
      id: randomUUID(),
      actor: agent(`anon-${learner}`),
      timestamp: "2026-03-18T10:00:00Z",
      context: {
        contextActivities: { parent: [{ id: `https://lms.example.com/course/${course}`, objectType: "Activity" }] },
      },
    },
  );

describe("POST /api/v0/import", () => {
  it("imports every record type it is given and answers the counts; the figures follow on the next read", async () => {
    const course = "course-v1:Import+I1+2026";
    const res = await importBody(
      lines([...catalog(course, "imp-ada"), { type: "statement", statement: attempt(course, "imp-ada") }]),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      counts: {
        department: 0,
        user: 1,
        course: 1,
        staff: 0,
        enrollment: 1,
        objective: 0,
        item: 1,
        goal: 0,
        statement: 1,
        graded_event: 0,
      },
    });
    ensureCourseFresh(app.db, course, TEST_AS_OF);
    expect(
      app.db.$client
        .prepare(`SELECT username, mode, problems_attempted FROM learner_summary WHERE course_id = ?`)
        .all(course),
    ).toEqual([{ username: "imp-ada", mode: "verified", problems_attempted: 1 }]);
  });

  it("reads the body as it streams, lines split across chunks (application/jsonl), at the path with a slash too", async () => {
    const text = lines(catalog("course-v1:Import+I2+2026", "imp-bo"));
    const parts = [text.slice(0, 7), text.slice(7, 60), text.slice(60, 61), text.slice(61)];
    const res = await importBody(chunkedBody(parts, 20), {
      headers: { "content-type": "application/jsonl; charset=utf-8" },
      path: "/api/v0/import/",
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { counts: Record<string, number> }).counts).toMatchObject({
      course: 1,
      user: 1,
      enrollment: 1,
      item: 1,
    });
  });

  it("400 invalid_import with every error, line by line, and nothing changed", async () => {
    const body = [
      JSON.stringify({ type: "course", id: "course-v1:Import+Bad+2026", title: "Never" }),
      "{not json",
      JSON.stringify({ type: "planet", id: "mars" }),
      JSON.stringify({ type: "enrollment", course_id: "course-v1:Import+Bad+2026", user: "nobody-at-all" }),
    ].join("\n");
    const result = await refused(400, importBody(body));
    expect(result.error_code).toBe("invalid_import");
    expect(result.errors).toEqual([
      expect.stringMatching(/^line 2: json: not valid JSON/),
      'line 3: type: unknown record type "planet"',
      expect.stringMatching(/^line 4: .*user.*nobody-at-all/),
    ]);
  });

  it.each([
    ["application/json", /got Content-Type application\/json/],
    ["text/plain", /got Content-Type text\/plain/],
    ["", /got no Content-Type/],
  ])("400 for Content-Type %j, naming the types it takes", async (type, message) => {
    // A string body would get text/plain from fetch; an untyped Blob goes without a Content-Type.
    const bytes = new Blob([lines(catalog("course-v1:Import+T+2026", "imp-type"))]);
    const body = await refused(400, importBody(bytes, { headers: type ? { "content-type": type } : {} }));
    expect(body.developer_message).toMatch(/application\/x-ndjson or application\/jsonl or application\/x-jsonlines/);
    expect(body.developer_message).toMatch(message);
  });

  it("413 past LANTERN_MAX_IMPORT_BYTES, declared or streamed, and nothing changed", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      type: "objective",
      id: `obj-${i}`,
      name: "Objective with a long enough name",
    }));
    const text = lines(many);
    expect(text.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    await refused(413, importBody(text));
    const parts = Array.from({ length: Math.ceil(text.length / 8192) }, (_, i) => text.slice(i * 8192, (i + 1) * 8192));
    expect((await refused(413, importBody(chunkedBody(parts)))).error_code).toBe("payload_too_large");
  });

  it("401 without credentials or with a bad key; 403 for a non-admin before the body is read", async () => {
    const body = lines(catalog("course-v1:Import+A+2026", "imp-auth"));
    await refused(401, importBody(body, { key: null }));
    await refused(401, importBody(body, { key: BAD_KEY }));
    await refused(403, importBody(body, { key: keys.user }));
    await refused(403, importBody("{not json", { key: keys.user, headers: { "content-type": "text/plain" } }));
  });

  it("while an upload is open, the server keeps answering and other writes wait their turn", async () => {
    const course = "course-v1:Import+Slow+2026";
    const text = lines([...catalog(course, "imp-slow"), { type: "statement", statement: attempt(course, "imp-slow") }]);
    // A key's first use records it; that must not wait for the import's write lock either.
    const fresh = (await createApiKey(app.db, adminId(), "fresh")).key;
    const done: string[] = [];
    const slow = importBody(chunkedBody([text.slice(0, 40), text.slice(40)], 1000)).then(
      (r) => (done.push("import"), r),
    );
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    expect((await fetch(`${app.url}/xapi/about`)).status).toBe(200);
    const read = await fetch(`${app.url}/xapi/statements?statementId=${randomUUID()}`, {
      headers: { "x-experience-api-version": "1.0.3", ...bearer(fresh) },
    });
    expect(read.status).toBe(404);
    expect(Date.now() - t0).toBeLessThan(500);
    const write = fetch(`${app.url}/xapi/statements`, {
      method: "POST",
      headers: { "x-experience-api-version": "1.0.3", "content-type": "application/json", ...bearer(keys.admin) },
      body: JSON.stringify(attempt(course, "imp-later")),
    }).then((r) => (done.push("xapi"), r));
    const [imported, written] = await Promise.all([slow, write]);
    expect([imported.status, written.status]).toEqual([200, 200]);
    expect(done).toEqual(["import", "xapi"]);
  });
});
