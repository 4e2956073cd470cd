import { randomBytes } from "node:crypto";
import type { Db } from "../client";
import { activeUserById } from "./access";
import type { Caller } from "@/lib/auth/caller";

/** A new session for `userId`, lasting `maxAgeS` seconds; returns its id. Expired sessions are swept on the way. */
export async function createSession(db: Db, userId: string, maxAgeS: number, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const expires = new Date(now.getTime() + maxAgeS * 1000).toISOString();
  const s = db.$client;
  s.transaction(() => {
    s.prepare(`DELETE FROM sessions WHERE expires_at <= ?`).run(now.toISOString());
    s.prepare(`INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`).run(
      id,
      userId,
      now.toISOString(),
      expires,
    );
  })();
  return id;
}

/** The active user of a live session (it exists, has not expired, and is `userId`'s), or null. */
export async function sessionUser(db: Db, sessionId: string, userId: string, now = new Date()): Promise<Caller | null> {
  const row = db.$client
    .prepare(`SELECT 1 FROM sessions WHERE id = ? AND user_id = ? AND expires_at > ?`)
    .get(sessionId, userId, now.toISOString());
  return row ? activeUserById(db, userId) : null;
}

/** Ends one session (signing out). */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  db.$client.prepare(`DELETE FROM sessions WHERE id = ?`).run(sessionId);
}
