import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Short-lived access tokens for vendor clients that exchange credentials for a token (iSpring's
 * `POST /api/v3/token`). A token names the API key it was issued for and when it expires, signed
 * with HMAC-SHA-256 under a key derived from the session secret, so nothing is stored: the
 * signature proves Lantern issued it, and every use looks the key up again, so revoking the key
 * (or blocking its user) ends its tokens at once.
 */

export const ACCESS_TOKEN_TTL_S = 1800;

// Tells tokens apart from API keys (`lk_…`) in an Authorization header.
const PREFIX = "lat_";

// A key of its own, so a token's signature can never stand for anything else signed with the secret.
const signingKey = (secret: string): Buffer => createHmac("sha256", secret).update("lantern access token v1").digest();

const signature = (payload: string, secret: string): Buffer =>
  createHmac("sha256", signingKey(secret)).update(payload).digest();

/** A token for `keyId`, valid for ACCESS_TOKEN_TTL_S seconds from `nowMs`. */
export function issueAccessToken(keyId: string, secret: string, nowMs: number = Date.now()): string {
  const expires = Math.floor(nowMs / 1000) + ACCESS_TOKEN_TTL_S;
  const payload = Buffer.from(`${keyId}:${expires}`).toString("base64url");
  return `${PREFIX}${payload}.${signature(payload, secret).toString("base64url")}`;
}

export const isAccessToken = (value: string): boolean => value.startsWith(PREFIX);

/** The key id a token was issued for, or null when it is not one of ours, was altered, or has expired. */
export function verifyAccessToken(token: string, secret: string, nowMs: number = Date.now()): string | null {
  if (!isAccessToken(token)) return null;
  const [payload, sig, ...rest] = token.slice(PREFIX.length).split(".");
  if (!payload || !sig || rest.length > 0) return null;
  const given = Buffer.from(sig, "base64url");
  const expected = signature(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const m = /^(.+):(\d+)$/.exec(Buffer.from(payload, "base64url").toString("utf8"));
  if (!m) return null;
  return nowMs < Number(m[2]) * 1000 ? m[1]! : null;
}
