import path from "node:path";
import { env, EnvError } from "@/lib/env";

/** Whether a DATABASE_URL names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url.trim());

/**
 * The database file: `DATABASE_URL` (a path, optionally `file:`-prefixed), default `./data/lantern.db`.
 * A PostgreSQL URL is refused here, by name: the server and the commands run on SQLite, and
 * PostgreSQL is reached by `npx lantern copy` only so far (docs/postgres.md).
 */
export function databasePath(url = env().DATABASE_URL): string {
  if (isPostgresUrl(url))
    throw new EnvError(
      "DATABASE_URL: a PostgreSQL URL is not yet a database Lantern runs on (docs/postgres.md); use a SQLite file, and `npx lantern copy --from sqlite:FILE --to postgres://…` to fill a PostgreSQL database",
    );
  const raw = url.trim() !== "" ? url.trim() : "./data/lantern.db";
  return path.resolve(raw.replace(/^file:(\/\/)?/, ""));
}
