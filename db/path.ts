import path from "node:path";
import { env } from "@/lib/env";

/** The database file: `DATABASE_URL` (a path, optionally `file:`-prefixed), default `./data/lantern.db`. */
export function databasePath(url = env().DATABASE_URL): string {
  const raw = url.trim() !== "" ? url.trim() : "./data/lantern.db";
  return path.resolve(raw.replace(/^file:(\/\/)?/, ""));
}
