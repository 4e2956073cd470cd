import type { Db } from "@/db/client";
import { createApiKey } from "@/db/queries/api-keys";
import { seedUser } from "./factories";

/** Helpers for the HTTP tests of the ingest doors, against a `startTestApp()` app. */

export interface Keys {
  /** An administrator's API key (`<id>.<secret>`). */
  admin: string;
  adminName: string;
  /** A plain user's key: signed in, not allowed to write. */
  user: string;
}

/** An admin and a plain user with a key each; `prefix` keeps usernames unique within one database. */
export async function seedKeys(db: Db, prefix = "http"): Promise<Keys> {
  const adminName = `${prefix}-admin`;
  const adminId = seedUser(db, { username: adminName, role: "admin" });
  const userId = seedUser(db, { username: `${prefix}-user` });
  return {
    admin: (await createApiKey(db, adminId, "test")).key,
    adminName,
    user: (await createApiKey(db, userId, "test")).key,
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** HTTP Basic with the key id as user and the secret as password, as xAPI senders authenticate. */
export function basic(key: string) {
  const dot = key.indexOf(".");
  const token = Buffer.from(`${key.slice(0, dot)}:${key.slice(dot + 1)}`).toString("base64");
  return { authorization: `Basic ${token}` };
}

/** A key of the right shape that no one holds. */
export const BAD_KEY = "lk_nosuchkey000.notasecret";

const TABLES = [
  "statements",
  "events",
  "users",
  "courses",
  "items",
  "enrollments",
  "learner_day",
  "learner_summary",
  "goals",
  "objectives",
];

/** Row counts of the tables any ingest writes, to check that a refused request changed nothing. */
export function tableCounts(db: Db): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

/** A body that arrives in pieces, without a Content-Length (chunked), as a streaming sender sends it. */
export function chunkedBody(
  parts: readonly (string | Uint8Array)[],
  pauseMs = 0,
): { body: ReadableStream<Uint8Array>; duplex: "half" } {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i >= parts.length) return controller.close();
      if (i > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      const part = parts[i++]!;
      controller.enqueue(typeof part === "string" ? new TextEncoder().encode(part) : part);
    },
  });
  return { body, duplex: "half" };
}
