import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "@/app/api/openapi.json/routes";
import { seedKeys, bearer, type Keys } from "@/lib/testing/http";
import { seedCourse } from "@/lib/testing/factories";
import { startTestApp, type TestApp } from "@/lib/testing/app";

/** Each malformed request the security review found answered with a 500, by cause. */
let app: TestApp;
let keys: Keys;
let courseId: string;

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "bad");
  ({ courseId } = seedCourse(app.db, { learners: 3 }));
});
afterAll(() => app.close());

/** The request line and headers sent as they are, for what fetch will not send (`OPTIONS *`). */
function raw(request: string): Promise<string> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.on("data", (c) => (data += c.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    setTimeout(() => socket.end(), 2_000);
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

/** Every documented path with each `{param}` replaced by `value`, as sent on the wire. */
const pathsWith = (value: string) =>
  ROUTES.filter((r) => r.path.includes("{")).map((r) => r.path.replace(/\{[^}]+\}/g, value));

describe("a path segment that is not UTF-8 once decoded", () => {
  it("is a 400 in the family's format on every route with a path value, before authentication", async () => {
    const paths = pathsWith("%FF");
    expect(paths.length).toBeGreaterThanOrEqual(12);
    for (const path of paths) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as Record<string, string>;
      expect(body.developer_message ?? body.message, path).toMatch(/not UTF-8/);
    }
  });
});

describe("path values are decoded once", () => {
  it("a literal % (sent as %25) is a value like any other, not a broken escape", async () => {
    for (const path of [
      "/api/v0/course_learner_metadata/%25",
      "/api/learner_analytics/v0/course_learner_metadata/%25/",
      "/api/v0/learning-instances/%25/scoped-goals",
      "/api/360learning/api/v1/paths/sessions/%25/stats/%25",
    ]) {
      const res = await fetch(`${app.url}${path}`, { headers: bearer(keys.admin) });
      expect(res.status, path).toBeLessThan(500);
      expect([400, 401, 403, 404], path).toContain(res.status);
    }
    const knewton = await fetch(`${app.url}/api/v0/learning-instances/%25/metrics/status-and-progress`, {
      method: "POST",
      headers: { ...bearer(keys.admin), "content-type": "application/json" },
      body: JSON.stringify({ goal_ids: [] }),
    });
    expect(knewton.status).toBeLessThan(500);
  });
  it("a course id encoded twice is not found, rather than read as the course", async () => {
    const twice = encodeURIComponent(encodeURIComponent(courseId));
    const res = await fetch(`${app.url}/api/v0/course_learner_metadata/${twice}/`, { headers: bearer(keys.admin) });
    expect(res.status).toBe(404);
    const once = await fetch(`${app.url}/api/v0/course_learner_metadata/${encodeURIComponent(courseId)}/`, {
      headers: bearer(keys.admin),
    });
    expect(once.status).toBe(200);
  });
});

describe("JSON nested too deep", () => {
  const nest = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
  it("xAPI extensions 5,000 levels deep: a 400 naming the nesting, nothing stored", async () => {
    const statement = `{"actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"http://example.com/a"},"context":{"extensions":{"http://example.com/x":${nest(5_000)}}}}`;
    const res = await fetch(`${app.url}/xapi/statements`, {
      method: "POST",
      headers: { ...bearer(keys.admin), "content-type": "application/json", "x-experience-api-version": "1.0.3" },
      body: statement,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { developer_message: string }).developer_message).toMatch(/64 levels/);
    expect(app.db.$client.prepare(`SELECT count(*) AS n FROM statements`).get()).toEqual({ n: 0 });
  });
  it("a Knewton status-and-progress body 10,000 levels deep (echoed back as `query`): a 400", async () => {
    const goal = "0b6f5a4e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    const records = [
      { type: "item", course_id: courseId, id: "p1", kind: "problem" },
      { type: "goal", id: goal, course_id: courseId, name: "G", targets: ["p1"] },
    ];
    const load = await fetch(`${app.url}/api/v0/import`, {
      method: "POST",
      headers: { ...bearer(keys.admin), "content-type": "application/x-ndjson" },
      body: records.map((r) => JSON.stringify(r)).join("\n"),
    });
    expect(load.status).toBe(200);
    const res = await fetch(
      `${app.url}/api/v0/learning-instances/${encodeURIComponent(courseId)}/metrics/status-and-progress`,
      {
        method: "POST",
        headers: { ...bearer(keys.admin), "content-type": "application/json" },
        body: `{"goal_ids":["${goal}"],"echo":${nest(10_000)}}`,
      },
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { developer_message: string }).developer_message).toMatch(/64 levels/);
  });
  it("an import line 5,000 levels deep: refused with its line number", async () => {
    const res = await fetch(`${app.url}/api/v0/import`, {
      method: "POST",
      headers: { ...bearer(keys.admin), "content-type": "application/x-ndjson" },
      body: `{"type":"course","id":"c","x":${nest(5_000)}}\n`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/line 1: json: nests objects and arrays more than 64 levels deep/);
  });
});

describe("methods and request targets no route serves", () => {
  it("TRACE (and other unknown methods) on every route is a 405 with Allow", async () => {
    // fetch will not send TRACE, so these go over a socket as written.
    for (const path of [...ROUTES.map((r) => r.path.replace(/\{[^}]+\}/g, "x")), "/", "/sign-in", "/courses"]) {
      const res = await raw(`TRACE ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(statusOf(res), path).toBe(405);
      expect(res, path).toMatch(/\r\nAllow: GET, HEAD, POST/i);
    }
    expect((await fetch(`${app.url}/api/v0/learners/`, { method: "PROPFIND" })).status).toBe(405);
  });
  it("the request target * is a 400", async () => {
    const res = await raw("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    expect(statusOf(res)).toBe(400);
  });
  it("an absolute-form target is served as its path", async () => {
    const res = await raw(`GET ${app.url}/xapi/about HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(statusOf(res)).toBe(200);
  });
});

describe("text_search", () => {
  it("a NUL byte (or any control character) separates terms like a space, no FTS5 syntax error", async () => {
    for (const q of ["a\u0000b", "\u0000", "learner\u0000000", "lea\u0007rner", '"\u0000"']) {
      const res = await fetch(
        `${app.url}/api/v0/learners/?course_id=${encodeURIComponent(courseId)}&text_search=${encodeURIComponent(q)}`,
        { headers: bearer(keys.admin) },
      );
      expect(res.status, JSON.stringify(q)).toBe(200);
    }
    const res = await fetch(
      `${app.url}/api/v0/learners/?course_id=${encodeURIComponent(courseId)}&text_search=${encodeURIComponent("learner\u0000001")}`,
      { headers: bearer(keys.admin) },
    );
    expect(((await res.json()) as { count: number }).count).toBe(1);
  });
});

describe("unknown paths under /api/ and /xapi/", () => {
  it("answer the family's JSON 404, never HTML and never a 304", async () => {
    for (const [path, shape] of [
      ["/api/v0/course_learner_metadata/", "error_code"],
      ["/api/v0/nothing/here", "error_code"],
      ["/api/ispring/nothing", "code"],
      ["/api/360learning/api/v1/nothing", "error"],
      ["/xapi/activities/state", "error_code"],
    ] as const) {
      const res = await fetch(`${app.url}${path}`, { headers: { "if-none-match": "*" } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(Object.keys((await res.json()) as object), path).toContain(shape);
    }
    const xapi = await fetch(`${app.url}/xapi/nothing`);
    expect(xapi.headers.get("x-experience-api-version")).toBe("1.0.3");
  });
});
