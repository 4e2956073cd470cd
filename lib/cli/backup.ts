import { existsSync } from "node:fs";
import path from "node:path";
import { databasePath, openDb } from "@/db/client";
import { isPostgresUrl } from "@/db/path";
import { env } from "@/lib/env";
import { CliError, parseCommand, type Command } from "./args";

const HELP = `Usage: npx lantern backup FILE

Writes a consistent copy of the database to FILE while Lantern keeps running (SQLite's online
backup: readers and writers carry on; the copy is the database as of one moment).
Restore by stopping Lantern and putting FILE in place of DATABASE_URL's file.
On PostgreSQL, use the server's own tools: pg_dump (or continuous archiving) and pg_restore.`;

export const backupCommand: Command = {
  summary: "copy the database to FILE, online and consistent",
  async run(argv) {
    const parsed = parseCommand(argv, {}, HELP);
    if (!parsed) return 0;
    if (isPostgresUrl(env().DATABASE_URL))
      throw new CliError(
        "DATABASE_URL is a PostgreSQL database: back it up with PostgreSQL's tools — `pg_dump --format=custom --file=FILE DATABASE_URL` (restore with pg_restore), or continuous archiving for point-in-time recovery",
      );
    const [file] = parsed.positionals;
    if (!file) throw new CliError(`FILE is required\n\n${HELP}`);
    const target = path.resolve(file);
    if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file`);
    if (!existsSync(path.dirname(target)))
      throw new CliError(`no folder ${path.dirname(target)} to write ${path.basename(target)} into`);
    const source = databasePath();
    if (!existsSync(source)) throw new CliError(`no database at ${source}`);
    const db = openDb(source);
    try {
      const started = Date.now();
      await db.$client.backup(target);
      console.log(`Backed up ${source} to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      db.$client.close();
    }
    return 0;
  },
};
