import path from "node:path";

/** The database file: `DATABASE_URL` (a path, optionally `file:`-prefixed), default `./data/lantern.db`. */
export function databasePath(url = process.env.DATABASE_URL): string {
  const raw = url && url.trim() !== "" ? url.trim() : "./data/lantern.db";
  return path.resolve(raw.replace(/^file:(\/\/)?/, ""));
}
