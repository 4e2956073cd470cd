import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing with scrypt (memory-hard, in node:crypto) and a random salt per password.
 * Stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be raised later
 * and older hashes still verify.
 */

const COST = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;
// scrypt needs 128·N·r bytes; leave headroom above node's 32 MiB default for higher costs.
const MAX_MEM = 256 * 1024 * 1024;

function encode(opts: { N: number; r: number; p: number }, salt: Buffer, hash: Buffer): string {
  return `scrypt$${opts.N}$${opts.r}$${opts.p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** Synchronous, for the import's transaction (which cannot await). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(COST, salt, scryptSync(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEM }));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(COST, salt, await scryptAsync(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEM }));
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4]!, "base64url");
  const expected = Buffer.from(parts[5]!, "base64url");
  if (expected.length === 0) return false;
  const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: MAX_MEM });
  return timingSafeEqual(actual, expected);
}

function scryptAsync(password: string, salt: Buffer, length: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
