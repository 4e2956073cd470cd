import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The session-signing secret: NEXTAUTH_SECRET, else one generated once and kept in
 * `session-secret` beside the database (mode 600), so a fresh install needs no configuration and
 * sessions survive restarts.
 */
export function sessionSecret(dbFile: string = databasePath()): string {
  const configured = env().NEXTAUTH_SECRET;
  if (configured) return configured;
  if (cached) return cached;
  const file = path.join(path.dirname(dbFile), "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  cached = readFileSync(file, "utf8").trim();
  return cached;
}
