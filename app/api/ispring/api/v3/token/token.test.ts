import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { issueAccessToken } from "@/lib/auth/access-tokens";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedUser } from "@/lib/testing/factories";
import { RESULTS } from "@/lib/testing/ispring";

/** iSpring's token endpoint, and the tokens it gives, over HTTP. */

// Known to the test so it can sign a token as the app would, with any issue time.
const SECRET = "token-test-session-secret";
const TOKEN = "/api/ispring/api/v3/token";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

let app: TestApp;
let adminId: string;
let adminKey: { id: string; secret: string };

const split = (key: string) => ({ id: key.slice(0, key.indexOf(".")), secret: key.slice(key.indexOf(".") + 1) });

function requestToken(fields: Record<string, string>, headers: Record<string, string> = FORM): Promise<Response> {
  return fetch(app.url + TOKEN, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

async function tokenFor(key: { id: string; secret: string }): Promise<string> {
  const res = await requestToken({ client_id: key.id, client_secret: key.secret, grant_type: "client_credentials" });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const results = (authorization: string) =>
  fetch(`${app.url}${RESULTS}`, { headers: { authorization, accept: "application/json" } });

beforeAll(async () => {
  app = await startTestApp({ NEXTAUTH_SECRET: SECRET });
  adminId = seedUser(app.db, { username: "token-admin", role: "admin" });
  adminKey = split((await createApiKey(app.db, adminId, "ispring")).key);
}, 120_000);
afterAll(async () => app?.close());

describe("POST /api/ispring/api/v3/token", () => {
  it("gives a bearer token for 30 minutes for an API key's id and secret", async () => {
    const res = await requestToken({
      client_id: adminKey.id,
      client_secret: adminKey.secret,
      grant_type: "client_credentials",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ access_token: expect.stringMatching(/^lat_/), expires_in: 1800, token_type: "bearer" });
    expect(JSON.stringify(body)).not.toContain(adminKey.secret);
  });

  it("answers 401 invalid_client for a wrong secret or an unknown id", async () => {
    for (const fields of [
      { client_id: adminKey.id, client_secret: "wrong", grant_type: "client_credentials" },
      { client_id: "lk_nosuchkey", client_secret: adminKey.secret, grant_type: "client_credentials" },
    ]) {
      const res = await requestToken(fields);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: "invalid_client", message: expect.any(String) });
    }
  });

  it("answers 400 for another grant type, a missing field, or a body that is not a form", async () => {
    const grant = await requestToken({
      client_id: adminKey.id,
      client_secret: adminKey.secret,
      grant_type: "password",
    });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ code: "unsupported_grant_type" });
    const incomplete: Record<string, string>[] = [
      { client_id: adminKey.id, grant_type: "client_credentials" },
      { client_id: adminKey.id, client_secret: adminKey.secret },
    ];
    for (const fields of incomplete) {
      const res = await requestToken(fields);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        code: "invalid_request",
        message: expect.stringMatching(/client_secret|grant_type/),
      });
    }
    const json = await requestToken({ client_id: adminKey.id }, { "content-type": "application/json" });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ code: "invalid_request" });
  });
});

describe("iSpring access tokens", () => {
  it("work as Bearer and bare, with the key's user's rights", async () => {
    const token = await tokenFor(adminKey);
    expect((await results(`Bearer ${token}`)).status).toBe(200);
    expect((await results(token)).status).toBe(200);
    const learnerId = seedUser(app.db, { username: "token-learner" });
    const learnerToken = await tokenFor(split((await createApiKey(app.db, learnerId, "ispring")).key));
    const refused = await results(`Bearer ${learnerToken}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden" });
  });

  it("stop working 30 minutes after they were issued", async () => {
    const fresh = issueAccessToken(adminKey.id, SECRET, Date.now() - 1790_000);
    expect((await results(`Bearer ${fresh}`)).status).toBe(200);
    const expired = issueAccessToken(adminKey.id, SECRET, Date.now() - 1801_000);
    const res = await results(`Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "unauthorized", message: expect.stringContaining("token") });
  });

  it("are refused when signed with another secret or altered", async () => {
    expect((await results(`Bearer ${issueAccessToken(adminKey.id, "another secret")}`)).status).toBe(401);
    const token = await tokenFor(adminKey);
    expect((await results(`Bearer ${token.slice(0, -3)}abc`)).status).toBe(401);
    expect((await results("Bearer not-a-token")).status).toBe(401);
    expect((await results("not-a-token")).status).toBe(401);
  });

  it("stop working as soon as their key is revoked, as does the key", async () => {
    const key = split((await createApiKey(app.db, adminId, "to revoke")).key);
    const token = await tokenFor(key);
    expect((await results(token)).status).toBe(200);
    expect(await revokeApiKey(app.db, adminId, key.id)).toBe(true);
    expect((await results(token)).status).toBe(401);
    expect((await results(`${key.id}.${key.secret}`)).status).toBe(401);
    const again = await requestToken({
      client_id: key.id,
      client_secret: key.secret,
      grant_type: "client_credentials",
    });
    expect(again.status).toBe(401);
  });

  it("stop working when the key's user is blocked", async () => {
    const userId = seedUser(app.db, { username: "token-blocked", role: "admin" });
    const token = await tokenFor(split((await createApiKey(app.db, userId, "ispring")).key));
    app.db.$client.prepare(`UPDATE users SET status = 'blocked' WHERE id = ?`).run(userId);
    expect((await results(token)).status).toBe(401);
  });
});
