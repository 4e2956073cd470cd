import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "@/lib/testing/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(async () => app?.close());

it("answers GET /api/health with ok, uncached, to anyone", async () => {
  const res = await fetch(`${app.url}/api/health`);
  expect([res.status, res.headers.get("cache-control"), await res.json()]).toEqual([200, "no-store", { status: "ok" }]);
});
