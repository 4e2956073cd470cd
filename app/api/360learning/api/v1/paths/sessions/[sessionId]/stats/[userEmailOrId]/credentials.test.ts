import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyId } from "@/lib/api/360learning/credentials";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedCourse } from "@/lib/testing/factories";
import { BAD_KEY, basic, bearer, seedKeys, type Keys } from "@/lib/testing/http";

/** 360Learning's three credential forms and the company id, over HTTP against the production build. */

const COURSE = "course-v1:L360+AUTH+2026";
const COMPANY = "acme-learning";
const PATH = `/api/360learning/api/v1/paths/sessions/${encodeURIComponent(COURSE)}/stats/learner000@example.com`;

let app: TestApp;
let keys: Keys;

beforeAll(async () => {
  app = await startTestApp({ LANTERN_COMPANY_ID: COMPANY });
  keys = await seedKeys(app.db, "auth360");
  seedCourse(app.db, { courseId: COURSE, learners: 1 });
}, 120_000);
afterAll(async () => app?.close());

function call(query: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  const qs = new URLSearchParams(query).toString();
  return fetch(`${app.url}${PATH}${qs ? `?${qs}` : ""}`, { headers, redirect: "manual" });
}

async function expectError(res: Response, status: number, error: string): Promise<string> {
  const body = (await res.json()) as { error: string; message: string };
  expect(res.status, body.message).toBe(status);
  expect(body.error).toBe(error);
  return body.message;
}

describe("the company id", () => {
  it("is LANTERN_COMPANY_ID, default lantern", () => {
    expect(companyId({})).toBe("lantern");
    expect(companyId({ LANTERN_COMPANY_ID: " acme " })).toBe("acme");
  });
});

describe("credentials", () => {
  it.each<[string, () => Record<string, string>, () => Record<string, string>]>([
    ["query company and apiKey", () => ({ company: COMPANY, apiKey: keys.admin }), () => ({})],
    ["headers X-company-id and X-apiKey", () => ({}), () => ({ "X-company-id": COMPANY, "X-apiKey": keys.admin })],
    ["Authorization: Bearer", () => ({}), () => bearer(keys.admin)],
    ["Bearer with the right company", () => ({ company: COMPANY }), () => bearer(keys.admin)],
    ["HTTP Basic, as on every route", () => ({}), () => basic(keys.admin)],
  ])("an admin key as %s → 200", async (_what, query, headers) => {
    const res = await call(query(), headers());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      progress: 0,
      globalTime: 0,
      status: "onTime",
      detailedStatus: { type: "notYetStarted" },
    });
  });

  it.each<[string, () => Record<string, string>, () => Record<string, string>, RegExp]>([
    ["nothing", () => ({}), () => ({}), /API key/],
    ["a wrong company in the query", () => ({ company: "lantern", apiKey: keys.admin }), () => ({}), /Unknown company/],
    [
      "a wrong company in the headers",
      () => ({}),
      () => ({ "X-company-id": "other", "X-apiKey": keys.admin }),
      /Unknown company/,
    ],
    ["a wrong company with Bearer", () => ({ company: "other" }), () => bearer(keys.admin), /Unknown company/],
    ["an apiKey without the company", () => ({ apiKey: keys.admin }), () => ({}), /company/],
    ["an unknown apiKey", () => ({ company: COMPANY, apiKey: BAD_KEY }), () => ({}), /Unknown or revoked/],
    [
      "an apiKey not of Lantern's shape",
      () => ({}),
      () => ({ "X-company-id": COMPANY, "X-apiKey": "abc123" }),
      /Unknown or revoked/,
    ],
    ["an unknown Bearer key", () => ({}), () => bearer(BAD_KEY), /Unknown or revoked/],
  ])("%s → 401", async (_what, query, headers, message) => {
    const res = await call(query(), headers());
    expect(await expectError(res, 401, "unauthorized")).toMatch(message);
    expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it.each<[string, () => Record<string, string>, () => Record<string, string>]>([
    ["query", () => ({ company: COMPANY, apiKey: keys.user }), () => ({})],
    ["headers", () => ({}), () => ({ "X-company-id": COMPANY, "X-apiKey": keys.user })],
    ["Bearer", () => ({}), () => bearer(keys.user)],
  ])(
    "a key that is not an administrator's (%s) → 403, before the session is looked up",
    async (_what, query, headers) => {
      const res = await fetch(
        `${app.url}/api/360learning/api/v1/paths/sessions/nope/stats/nobody?${new URLSearchParams(query())}`,
        { headers: headers() },
      );
      await expectError(res, 403, "forbidden");
      expect((await call(query(), headers())).status).toBe(403);
    },
  );
});
