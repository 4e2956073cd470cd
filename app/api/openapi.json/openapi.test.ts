import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { apiDocument } from "./routes";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(async () => app?.close());

describe("GET /api/openapi.json", () => {
  it.each(["/api/openapi.json", "/api/openapi.json/"])("serves the document to anyone at %s", async (path) => {
    const res = await fetch(app.url + path, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const doc = (await res.json()) as ReturnType<typeof apiDocument> & { servers: { url: string }[] };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: app.url }]);
    // What the build serves is what the routes describe.
    const { servers: _servers, ...rest } = doc;
    expect(rest).toEqual(JSON.parse(JSON.stringify(apiDocument())));
  });

  it("documents the API keys route's answers as they are", async () => {
    const doc = apiDocument();
    const listed = doc.paths["/api/v0/api-keys"]!.get!.responses;
    const res = await fetch(`${app.url}/api/v0/api-keys`);
    expect(Object.keys(listed)).toContain(String(res.status));
    expect(Object.keys((await res.json()) as object).sort()).toEqual(
      Object.keys(doc.components.schemas.Error!.properties!).sort(),
    );
  });
});
