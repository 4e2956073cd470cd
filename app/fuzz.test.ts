import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedKeys, type Keys } from "@/lib/testing/http";
import { seedCourse } from "@/lib/testing/factories";
import { startTestApp, type TestApp } from "@/lib/testing/app";

/**
 * A small bad-input fuzzer: every operation of the OpenAPI document (so a new route is fuzzed the
 * day it is documented), called with malformed path values, query values, headers and bodies, as
 * an administrator (past every access check) and anonymously. Any 5xx fails. Deterministic: the
 * values come from fixed lists and a seeded generator, so a failure reproduces.
 */
let app: TestApp;
let keys: Keys;
let courseId: string;

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "fuzz");
  ({ courseId } = seedCourse(app.db, { learners: 5 }));
});
afterAll(() => app.close());

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  contentTypes: string[];
  bodySchema: Record<string, unknown> | undefined;
}

const NASTY = [
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
  "%",
  "%25",
  "%00",
  "\u0000",
  "\u0000x",
  "é",
  "🙂",
  "\ud800",
  "x".repeat(5_000),
  "1".repeat(400),
  "2026-13-45",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31T99:99:99Z",
  "' OR 1=1 --",
  '"',
  "\\",
  "../../etc/passwd",
  "<script>",
  "a,b,,",
  ",,,",
  "*",
  "NEAR(a b)",
  '"unterminated',
  "course-v1:A+B+C@x",
  "-0",
  "1.5",
  "99999999999999999999",
];
// Path values as they are sent on the wire (already encoded, or deliberately not).
const PATH_VALUES = [
  "%FF",
  "%C0%AF",
  "%25",
  "%2525",
  "%00",
  "%2F..%2F",
  "..",
  "%E2%80%AE",
  "x".repeat(3_000),
  "a%20b",
  encodeURIComponent("course-v1:A+B+C"),
  "%ZZ",
];

/** A tiny seeded generator (mulberry32), so every run sends the same requests. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function operations(doc: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> } }
    >
  >;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!["get", "post", "put", "delete", "patch"].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      const first = Object.values(content)[0];
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        contentTypes: Object.keys(content),
        bodySchema: first?.schema,
      });
    }
  }
  return out;
}

/** Malformed bodies: not JSON, too deep, wrong types for each property the schema names. */
function bodies(op: Operation, random: () => number): string[] {
  const deep = "[".repeat(10_000) + "]".repeat(10_000);
  const out = [
    "",
    "{",
    "null",
    "[]",
    "0",
    '"x"',
    deep,
    `{"a":${deep}}`,
    "\u0000",
    '{"__proto__":{"x":1}}',
    "[".repeat(70) + "]".repeat(70),
  ];
  const props = Object.keys((op.bodySchema?.properties as Record<string, unknown> | undefined) ?? {});
  for (const prop of props) {
    for (const bad of [
      null,
      -1,
      1e308,
      "",
      "x".repeat(5_000),
      [],
      {},
      [[[]]],
      true,
      "\u0000",
      NASTY[Math.floor(random() * NASTY.length)],
    ]) {
      out.push(JSON.stringify({ [prop]: bad }));
    }
  }
  return out;
}

const realValue = (p: Parameter): string => (p.name === "course_id" || p.name === "li_id" ? courseId : "learner000");

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? "x");
}

interface Probe {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function probes(op: Operation, random: () => number): Probe[] {
  const out: Probe[] = [];
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const good = Object.fromEntries(pathParams.map((p) => [p.name, encodeURIComponent(realValue(p))]));
  const goodQuery = new URLSearchParams(
    queryParams.filter((p) => p.name === "course_id").map((p) => [p.name, courseId]),
  );
  const contentType = op.contentTypes[0] ?? "application/json";
  const base = { "content-type": contentType, "x-experience-api-version": "1.0.3" };
  const withBody = op.method === "POST" || op.method === "PUT" || op.method === "PATCH";
  const body = withBody ? "{}" : undefined;
  for (const p of pathParams) {
    for (const v of PATH_VALUES)
      out.push({
        method: op.method,
        url: `${fill(op.path, { ...good, [p.name]: v })}?${goodQuery}`,
        headers: base,
        body,
      });
  }
  for (const p of queryParams) {
    for (const v of NASTY) {
      const q = new URLSearchParams(goodQuery);
      q.set(p.name, v);
      out.push({ method: op.method, url: `${fill(op.path, good)}?${q}`, headers: base, body });
    }
    // Repeated and bracketed forms, as list-taking clients send them.
    out.push({
      method: op.method,
      url: `${fill(op.path, good)}?${goodQuery}&${p.name}=a&${p.name}=&${p.name}[]=b`,
      headers: base,
      body,
    });
  }
  for (const p of op.parameters.filter((x) => x.in === "header")) {
    for (const v of ["", "0.9", "1.0.3\u0000", "x".repeat(4_000), "9.9.9"])
      out.push({
        method: op.method,
        url: `${fill(op.path, good)}?${goodQuery}`,
        headers: { ...base, [p.name]: v.replace(/\u0000/g, "") },
        body,
      });
  }
  if (withBody) {
    for (const b of bodies(op, random))
      out.push({ method: op.method, url: `${fill(op.path, good)}?${goodQuery}`, headers: base, body: b });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "",
    ]) {
      out.push({
        method: op.method,
        url: `${fill(op.path, good)}?${goodQuery}`,
        headers: { ...base, "content-type": type },
        body: "a=1",
      });
    }
  }
  return out;
}

describe("bad-input fuzz over the OpenAPI document", () => {
  it("answers every malformed request with a 4xx (or a success), never a 5xx", { timeout: 600_000 }, async () => {
    const doc = await (await fetch(`${app.url}/api/openapi.json`)).json();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(25);
    const random = rng(20261204);
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      for (const probe of probes(op, random)) {
        const callers: Record<string, string>[] = [{ authorization: `Bearer ${keys.admin}` }, {}];
        for (const auth of callers) {
          const headers = { ...probe.headers, ...auth };
          const res = await fetch(`${app.url}${probe.url}`, { method: probe.method, headers, body: probe.body });
          await res.arrayBuffer();
          sent++;
          if (res.status >= 500)
            failures.push(`${res.status} ${probe.method} ${probe.url.slice(0, 200)} ${probe.body?.slice(0, 80) ?? ""}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(2_000);
    expect(failures).toEqual([]);
  });
});
