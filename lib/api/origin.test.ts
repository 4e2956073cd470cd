import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCourse } from "@/lib/testing/factories";
import { bearer, seedKeys } from "@/lib/testing/http";
import { startTestApp, type TestApp } from "@/lib/testing/app";

// Every absolute URL Lantern writes comes from the request's origin (a trusted proxy's word for it
// only when configured) unless LANTERN_PUBLIC_URL says otherwise — checked on the Open edX API's
// paging links, through 127.0.0.1.
const apps: Record<"plain" | "proxied" | "canonical", TestApp> = {} as never;
const keys: Record<string, string> = {};
let courseId = "";

beforeAll(async () => {
  [apps.plain, apps.proxied, apps.canonical] = await Promise.all([
    startTestApp(),
    startTestApp({ LANTERN_TRUST_PROXY: "1" }),
    startTestApp({ LANTERN_PUBLIC_URL: "https://lantern.example.edu" }),
  ]);
  for (const [name, app] of Object.entries(apps)) {
    keys[name] = (await seedKeys(app.db, name)).admin;
    ({ courseId } = seedCourse(app.db, { learners: 3 }));
  }
});
afterAll(() => Promise.all(Object.values(apps).map((a) => a.close())));

/** The first page's links; over node:http, since fetch will not send a Host header of the caller's choosing. */
function links(name: keyof typeof apps, headers: Record<string, string> = {}): Promise<{ next: string; link: string }> {
  const url = `${apps[name].url}/api/v0/learners/?course_id=${encodeURIComponent(courseId)}&page_size=1`;
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...bearer(keys[name]!), ...headers } }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => {
          expect(res.statusCode, body).toBe(200);
          resolve({ next: (JSON.parse(body) as { next: string }).next, link: String(res.headers.link ?? "") });
        });
      })
      .on("error", reject);
  });
}

describe("absolute URLs", () => {
  it("follow the address the request came to (127.0.0.1, or any Host), not localhost", async () => {
    const { next, link } = await links("plain");
    expect(next.startsWith(`${apps.plain.url}/api/v0/learners/?`)).toBe(true);
    expect(link).toContain(`<${apps.plain.url}/api/v0/learners/?`);
    expect((await links("plain", { host: "lantern.example.org" })).next).toMatch(
      /^http:\/\/lantern\.example\.org\/api\/v0\/learners\/\?/,
    );
  });
  it("ignore X-Forwarded-Host and -Proto unless a proxy is trusted", async () => {
    expect(
      (await links("plain", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).next.startsWith(
        apps.plain.url,
      ),
    ).toBe(true);
    expect(
      (await links("proxied", { "x-forwarded-host": "lantern.example.org", "x-forwarded-proto": "https" })).next,
    ).toMatch(/^https:\/\/lantern\.example\.org\//);
  });
  it("use LANTERN_PUBLIC_URL when it is set, whatever the request says", async () => {
    expect((await links("canonical", { host: "other.example" })).next).toMatch(
      /^https:\/\/lantern\.example\.edu\/api\/v0\/learners\/\?/,
    );
  });
});
