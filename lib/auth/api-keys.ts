import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API keys: an id (public, shown in lists, the HTTP Basic user name) and a secret (shown once).
 * The whole key is `<id>.<secret>`, sent as `Authorization: Bearer <key>`, or as HTTP Basic with
 * the id as user and the secret as password. Secrets are 256 random bits, so a fast hash is
 * enough to store them (a slow hash protects guessable passwords, not random keys).
 */

const ID_PREFIX = "lk_";

export interface NewKey {
  id: string;
  secret: string;
  /** What the user copies: `<id>.<secret>`. */
  key: string;
  secretHash: string;
}

export function generateKey(): NewKey {
  const id = ID_PREFIX + randomBytes(9).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  return { id, secret, key: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Splits `<id>.<secret>`; null when it is not of that shape. */
export function splitKey(key: string): { id: string; secret: string } | null {
  const dot = key.indexOf(".");
  if (!key.startsWith(ID_PREFIX) || dot < 0) return null;
  const id = key.slice(0, dot);
  const secret = key.slice(dot + 1);
  return id && secret ? { id, secret } : null;
}

/**
 * The key credentials in an Authorization header: Bearer `<id>.<secret>` or Basic `id:secret`.
 * `undefined` when the header is absent, `null` when present but not a key.
 */
export function keyFromAuthorization(header: string | null): { id: string; secret: string } | null | undefined {
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(" ");
  if (/^bearer$/i.test(scheme ?? "")) return splitKey(value);
  if (/^basic$/i.test(scheme ?? "")) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const id = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    return id && secret ? { id, secret } : null;
  }
  return null;
}
