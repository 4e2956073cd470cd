import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys } from "../schema";
import { read, write, type RowOf } from "../sql";
import { generateKey, secretMatches } from "@/lib/auth/api-keys";
import { activeUserById } from "./access";
import type { Caller } from "@/lib/auth/caller";

export interface ApiKeyListing {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates a key for a user; returns the listing and the whole key, which is never stored. */
export async function createApiKey(
  db: Db,
  userId: string,
  name: string,
  now = new Date(),
): Promise<ApiKeyListing & { key: string }> {
  const k = generateKey();
  const createdAt = now.toISOString();
  db.insert(apiKeys).values({ id: k.id, userId, name, secretHash: k.secretHash, createdAt }).run();
  return { id: k.id, name, createdAt, lastUsedAt: null, key: k.key };
}

/** A user's keys that are not revoked, newest first. */
export async function listApiKeys(db: Db, userId: string): Promise<ApiKeyListing[]> {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), apiKeys.id)
    .all();
}

/** Revokes one of the user's own keys; false when they have no such key. */
export async function revokeApiKey(db: Db, userId: string, keyId: string, now = new Date()): Promise<boolean> {
  const r = db
    .update(apiKeys)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .run();
  return r.changes > 0;
}

// `last_used_at` is written at most once a minute per key, so reads stay reads.
const LAST_USED_RESOLUTION_MS = 60_000;

// Every request with a key reads it: one prepared text.
const ACTIVE_KEY = read(
  "api-keys.active-key",
  `SELECT user_id AS userId, secret_hash AS secretHash, last_used_at AS lastUsedAt FROM api_keys WHERE id = ? AND revoked_at IS NULL`,
  { userId: "text", secretHash: "text", lastUsedAt: "text?" },
);
const RECORD_USE = write("api-keys.record-use", `UPDATE api_keys SET last_used_at = ? WHERE id = ?`);

type KeyRow = RowOf<typeof ACTIVE_KEY.row>;

function activeKey(db: Db, id: string): KeyRow | undefined {
  return ACTIVE_KEY.get(db.$client, id);
}

async function callerOfKey(db: Db, id: string, row: KeyRow, now: Date): Promise<Caller | null> {
  const caller = await activeUserById(db, row.userId);
  if (!caller) return null;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) recordUse(db, id, now);
  return { ...caller, keyId: id };
}

/** The caller a key acts as (its user's rights), or null for an unknown, revoked or wrong key. */
export async function callerForKey(db: Db, id: string, secret: string, now = new Date()): Promise<Caller | null> {
  const row = activeKey(db, id);
  if (!row || !secretMatches(secret, row.secretHash)) return null;
  return callerOfKey(db, id, row, now);
}

/**
 * The caller of an access token already verified as issued for key `id` (`lib/auth/access-tokens.ts`):
 * the key's user, or null once the key is revoked or the user blocked.
 */
export async function callerForKeyId(db: Db, id: string, now = new Date()): Promise<Caller | null> {
  const row = activeKey(db, id);
  return row ? callerOfKey(db, id, row, now) : null;
}

/**
 * Best effort, never waiting: while an import holds the write lock (for minutes, across the
 * awaits of its upload), SQLite's busy wait here would block the whole server (better-sqlite3 is
 * synchronous) and then fail the request. The use is recorded by the next request instead.
 */
function recordUse(db: Db, id: string, now: Date): void {
  const s = db.$client;
  const timeout = s.pragma("busy_timeout", { simple: true }) as number;
  s.pragma("busy_timeout = 0");
  try {
    RECORD_USE.run(s, now.toISOString(), id);
  } catch (err) {
    if ((err as { code?: unknown }).code !== "SQLITE_BUSY") throw err;
  } finally {
    s.pragma(`busy_timeout = ${timeout}`);
  }
}
