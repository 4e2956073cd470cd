import { randomBytes } from "node:crypto";
import { eq, lte } from "drizzle-orm";
import type { Db } from "../client";
import { sessions } from "../schema";
import { read } from "../sql";
import { activeUserById } from "./access";
import type { Caller } from "@/lib/auth/caller";

// Every signed-in request reads it: one prepared text.
const LIVE_SESSION = read(
  "sessions.live",
  `SELECT 1 AS found FROM sessions WHERE id = ? AND user_id = ? AND expires_at > ?`,
  { found: "int" },
);

/** A new session for `userId`, lasting `maxAgeS` seconds; returns its id. Expired sessions are swept on the way. */
export async function createSession(db: Db, userId: string, maxAgeS: number, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const expires = new Date(now.getTime() + maxAgeS * 1000).toISOString();
  db.$client.transaction(() => {
    db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString())).run();
    db.insert(sessions).values({ id, userId, createdAt: now.toISOString(), expiresAt: expires }).run();
  })();
  return id;
}

/** The active user of a live session (it exists, has not expired, and is `userId`'s), or null. */
export async function sessionUser(db: Db, sessionId: string, userId: string, now = new Date()): Promise<Caller | null> {
  const row = LIVE_SESSION.get(db.$client, sessionId, userId, now.toISOString());
  return row ? activeUserById(db, userId) : null;
}

/** Ends one session (signing out). */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}
