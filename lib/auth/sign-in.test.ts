import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedUser } from "@/lib/testing/factories";
import { signInOverHttp } from "@/lib/testing/session";
import { hashPasswordSync } from "./password";

// Sign-in over HTTP against the built app: the throttle as an attacker meets it, and callback URLs.
// `app` trusts no proxy, so every request here comes from one address (loopback) whatever it
// claims; `proxied` trusts one proxy hop, so each X-Forwarded-For is a client of its own.
let app: TestApp;
let proxied: TestApp;
const seed = (a: TestApp) => {
  for (const username of ["ada", "bea", "cy"])
    seedUser(a.db, { username, passwordHash: hashPasswordSync(`${username}-password`) });
};

beforeAll(async () => {
  [app, proxied] = await Promise.all([startTestApp(), startTestApp({ LANTERN_TRUST_PROXY: "1" })]);
  seed(app);
  seed(proxied);
});
afterAll(() => Promise.all([app.close(), proxied.close()]));

let client = 0;
/** A new client address each time, as seen through the trusted proxy. */
const fresh = () => ({ "x-forwarded-for": `198.51.100.${++client}` });

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const r = await f();
  return [r, performance.now() - start];
};

describe("the sign-in throttle", () => {
  it("counts the address a request came from, not the X-Forwarded-For it claims (no proxy trusted)", async () => {
    for (let i = 0; i < 3; i++)
      expect((await signInOverHttp(app.url, `nobody${i}`, "wrong", { "x-forwarded-for": `203.0.113.${i}` })).ok).toBe(
        false,
      );
    const [fourth, t4] = await timed(() =>
      signInOverHttp(app.url, "nobody9", "wrong", { "x-forwarded-for": "203.0.113.99" }),
    );
    expect(fourth.ok).toBe(false);
    expect(t4).toBeGreaterThanOrEqual(450);
  });

  it("counts the username and the email, in any case, as one account (each client new through the proxy)", async () => {
    for (let i = 0; i < 3; i++) expect((await signInOverHttp(proxied.url, "ada", "wrong", fresh())).ok).toBe(false);
    // The fourth failure waits 0.5 s, the fifth 1 s, however the login is spelled.
    const [fourth, t4] = await timed(() => signInOverHttp(proxied.url, "ADA@example.com", "wrong", fresh()));
    const [fifth, t5] = await timed(() => signInOverHttp(proxied.url, "ada@EXAMPLE.com", "wrong", fresh()));
    expect([fourth.ok, fifth.ok]).toEqual([false, false]);
    expect(t4).toBeGreaterThanOrEqual(450);
    expect(t5).toBeGreaterThanOrEqual(950);
  });

  it("makes parallel attempts on one account wait their turn", async () => {
    for (let i = 0; i < 3; i++) await signInOverHttp(proxied.url, "bea", "wrong", fresh());
    // Waits of 0.5, 1 and 2 s one after another; run side by side they would all be over in 0.5 s.
    const [results, elapsed] = await timed(() =>
      Promise.all([1, 2, 3].map(() => signInOverHttp(proxied.url, "bea", "wrong", fresh()))),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(3_400);
  });

  it("still lets the right password in, and then forgives the account", async () => {
    for (let i = 0; i < 3; i++) await signInOverHttp(proxied.url, "cy", "wrong", fresh());
    expect((await signInOverHttp(proxied.url, "cy", "cy-password", fresh())).ok).toBe(true);
    const [again, elapsed] = await timed(() => signInOverHttp(proxied.url, "cy", "wrong", fresh()));
    expect(again.ok).toBe(false);
    expect(elapsed).toBeLessThan(450);
  });
});

describe("callback URLs", () => {
  it("refuses with a 400 what next-auth would answer with a 500", async () => {
    const res = await fetch(`${app.url}/api/auth/signin?callbackUrl=null`, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_code: "invalid_request" });
    const cookie = await fetch(`${app.url}/api/auth/session`, { headers: { cookie: "next-auth.callback-url=null" } });
    expect(cookie.status).toBe(400);
    expect(cookie.headers.get("set-cookie")).toMatch(/next-auth\.callback-url=;.*Max-Age=0/);
  });

  it("signed in, the sign-in page sends a line break or tab between slashes back home, never elsewhere or to a 500", async () => {
    const { cookie } = await signInOverHttp(proxied.url, "cy", "cy-password", fresh());
    for (const evil of [
      "%2F%0A%2Fx",
      "%2F%09%2Fevil.example%2Fstolen",
      "%2F%0D%2Fevil.example",
      "%2F%5Cevil.example",
      "%20%2F%2Fevil.example",
      "https%3A%2F%2Fevil.example",
    ]) {
      const res = await fetch(`${proxied.url}/sign-in?callbackUrl=${evil}`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(res.status, evil).toBe(307);
      const location = new URL(res.headers.get("location")!, proxied.url);
      expect(location.origin, evil).toBe(proxied.url);
    }
    const kept = await fetch(`${proxied.url}/sign-in?callbackUrl=%2Fcourses%3Fq%3Da%2520b`, {
      headers: { cookie },
      redirect: "manual",
    });
    expect(kept.headers.get("location")).toMatch(/\/courses\?q=a%20b$/);
  });
});
