import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importJsonLines } from "@/lib/ingest/jsonl";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedUser } from "@/lib/testing/factories";
import { signInOverHttp, signOutOverHttp } from "@/lib/testing/session";
import { hashPasswordSync } from "./password";

// Sessions end on the server: a copied cookie is worth nothing after sign-out, a new password or a
// block; the cookie is Secure when the request came over HTTPS through a trusted proxy.
let app: TestApp;
let proxied: TestApp;

beforeAll(async () => {
  [app, proxied] = await Promise.all([startTestApp(), startTestApp({ LANTERN_TRUST_PROXY: "1" })]);
  for (const a of [app, proxied])
    for (const u of ["ada", "bea", "cy", "dee"])
      seedUser(a.db, { username: u, passwordHash: hashPasswordSync(`${u}-password`) });
});
afterAll(() => Promise.all([app.close(), proxied.close()]));

const keysWith = (cookie: string, base = app.url, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v0/api-keys`, { headers: { cookie, ...headers } }).then((r) => r.status);

const importUser = (record: object) =>
  importJsonLines(app.db, Readable.from([`${JSON.stringify({ type: "user", ...record })}\n`]));

describe("sessions", () => {
  it("signing out ends the session on the server: the copied cookie is refused afterwards", async () => {
    const { cookie } = await signInOverHttp(app.url, "ada", "ada-password");
    expect(await keysWith(cookie)).toBe(200);
    const out = await signOutOverHttp(app.url, cookie);
    expect(out.status).toBe(200);
    expect(await keysWith(cookie)).toBe(401);
    const page = await fetch(`${app.url}/settings/api-keys`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/sign-in/);
  });

  it("a new password ends every session of the user at once", async () => {
    const { cookie } = await signInOverHttp(app.url, "bea", "bea-password");
    const other = await signInOverHttp(app.url, "cy", "cy-password");
    expect(await keysWith(cookie)).toBe(200);
    expect((await importUser({ username: "bea", email: "bea@example.com", password: "a-new-password" })).ok).toBe(true);
    expect(await keysWith(cookie)).toBe(401);
    expect(await keysWith(other.cookie)).toBe(200);
    expect((await signInOverHttp(app.url, "bea", "a-new-password")).ok).toBe(true);
  });

  it("blocking a user ends their sessions, and unblocking does not bring them back", async () => {
    const { cookie } = await signInOverHttp(app.url, "dee", "dee-password");
    expect(await keysWith(cookie)).toBe(200);
    expect((await importUser({ username: "dee", email: "dee@example.com", status: "blocked" })).ok).toBe(true);
    expect(await keysWith(cookie)).toBe(401);
    expect((await importUser({ username: "dee", email: "dee@example.com", status: "active" })).ok).toBe(true);
    expect(await keysWith(cookie)).toBe(401);
  });

  it("the cookie is Secure (and __Secure-) when a trusted proxy says the request came over HTTPS, and works on", async () => {
    const https = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.1" };
    const signedIn = await signInOverHttp(proxied.url, "ada", "ada-password", https);
    expect(signedIn.ok).toBe(true);
    expect(signedIn.cookie).toMatch(/__Secure-next-auth\.session-token=/);
    expect(await keysWith(signedIn.cookie, proxied.url, https)).toBe(200);
    // Nobody's word is taken without LANTERN_TRUST_PROXY: plain HTTP, no Secure.
    const direct = await signInOverHttp(app.url, "cy", "cy-password", https);
    expect(direct.ok).toBe(true);
    expect(direct.cookie).not.toMatch(/__Secure-/);
  });
});

describe("writes with a session cookie", () => {
  const post = (cookie: string, headers: Record<string, string>, body = JSON.stringify({ name: "k" })) =>
    fetch(`${app.url}/api/v0/api-keys`, { method: "POST", headers: { cookie, ...headers }, body });

  it("are refused without this Lantern's Origin, or with a body that is not JSON", async () => {
    const { cookie } = await signInOverHttp(app.url, "cy", "cy-password");
    const none = await post(cookie, { "content-type": "application/json" });
    expect(none.status).toBe(403);
    expect(await none.json()).toMatchObject({ error_code: "cross_origin_write" });
    expect((await post(cookie, { "content-type": "application/json", origin: "http://evil.example" })).status).toBe(
      403,
    );
    expect((await post(cookie, { "content-type": "application/json", origin: "http://127.0.0.1:1" })).status).toBe(403);
    const plain = await post(cookie, { "content-type": "text/plain", origin: app.url });
    expect(plain.status).toBe(400);
    expect((await plain.json()) as { developer_message: string }).toMatchObject({
      developer_message: expect.stringContaining("application/json"),
    });
    expect((await post(cookie, { origin: app.url }, "")).status).toBe(400);
    const ok = await post(cookie, { "content-type": "application/json", origin: app.url });
    expect(ok.status).toBe(201);
    const { id } = (await ok.json()) as { id: string };
    const del = (origin: string) =>
      fetch(`${app.url}/api/v0/api-keys/${id}`, { method: "DELETE", headers: { cookie, origin } });
    expect((await del("http://evil.example")).status).toBe(403);
    expect((await del(app.url)).status).toBe(204);
  });

  it("with an API key need no Origin (browsers never send a key by themselves)", async () => {
    const { cookie } = await signInOverHttp(app.url, "cy", "cy-password");
    const created = await post(cookie, { "content-type": "application/json", origin: app.url });
    const { key } = (await created.json()) as { key: string };
    const res = await fetch(`${app.url}/api/v0/api-keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "made with a key" }),
    });
    expect(res.status).toBe(201);
  });
});

describe("security headers", () => {
  it("pages carry a nonce CSP that forbids framing; every answer nosniff and a Referrer-Policy; API answers no-store", async () => {
    const page = await fetch(`${app.url}/sign-in`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await page.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const second = await fetch(`${app.url}/sign-in`);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    const { cookie } = await signInOverHttp(app.url, "cy", "cy-password");
    for (const path of [
      "/api/v0/api-keys",
      "/api/v0/learners/?course_id=nope&format=csv",
      "/xapi/about",
      "/api/nope",
    ]) {
      const res = await fetch(`${app.url}${path}`, { headers: { cookie } });
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});
