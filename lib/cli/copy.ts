import { existsSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { migrateDb, openDb, postgresMigrationsDir } from "@/db/client";
import {
  copyIntoPostgres,
  copyIntoSqlite,
  CopyError,
  postgresSide,
  sqliteSide,
  type CopyReport,
} from "@/db/engine/copy";
import { openPool } from "@/db/engine/postgres";
import { CliError, parseCommand, type Command } from "./args";

const HELP = `Usage: npx lantern copy --from DATABASE --to DATABASE

Copies everything — users, courses, enrollments, events, statements, goals, the derived figures,
the mastery model, sessions and API keys — from one database into another, empty one, of the
other engine, and checks the copy table by table (the same number of rows and the same checksum
of every row). DATABASE is sqlite:FILE (or a file path) or postgres://user:password@host/db.
The target is migrated first and must hold no data; the copy is one transaction there, so a
failure leaves it empty. Stop Lantern's writers (or copy from a backup) so the source holds still.

  --from DATABASE   the database to copy
  --to DATABASE     the empty database to copy into`;

type Target = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

/** A DATABASE argument: `sqlite:FILE`, a path, or a postgres:// URL. */
export function parseDatabase(arg: string, option: string): Target {
  if (/^postgres(ql)?:\/\//.test(arg)) return { kind: "postgres", url: arg };
  const file = arg.replace(/^(sqlite|file):(\/\/)?/, "");
  if (!file) throw new CliError(`${option} needs a database: sqlite:FILE or postgres://…`);
  return { kind: "sqlite", file: path.resolve(file) };
}

export const copyCommand: Command = {
  summary: "copy everything between SQLite and PostgreSQL, verified",
  async run(argv) {
    const parsed = parseCommand(argv, { from: { type: "string" }, to: { type: "string" } }, HELP);
    if (!parsed) return 0;
    const { from, to } = parsed.values;
    if (typeof from !== "string" || typeof to !== "string")
      throw new CliError(`--from and --to are required\n\n${HELP}`);
    const source = parseDatabase(from, "--from");
    const target = parseDatabase(to, "--to");
    if (source.kind === target.kind)
      throw new CliError(
        source.kind === "sqlite"
          ? "both are SQLite files: use `npx lantern backup FILE` to copy a SQLite database"
          : "both are PostgreSQL: use pg_dump and pg_restore between PostgreSQL servers",
      );
    try {
      const report =
        source.kind === "sqlite"
          ? await sqliteToPostgres(source.file, (target as { url: string }).url)
          : await postgresToSqlite(source.url, (target as { file: string }).file);
      printReport(report);
      return 0;
    } catch (err) {
      if (err instanceof CopyError) throw new CliError(err.message, 1);
      throw err;
    }
  },
};

async function sqliteToPostgres(file: string, url: string): Promise<CopyReport> {
  if (!existsSync(file)) throw new CliError(`no SQLite database at ${file}`);
  const db = openDb(file);
  const pool = openPool(url, 1);
  try {
    await migrate(drizzle(pool), { migrationsFolder: postgresMigrationsDir() });
    const client = await pool.connect();
    try {
      return await copyIntoPostgres(sqliteSide(db.$client), client);
    } finally {
      client.release();
    }
  } finally {
    db.$client.close();
    await pool.end();
  }
}

async function postgresToSqlite(url: string, file: string): Promise<CopyReport> {
  if (!existsSync(path.dirname(file))) throw new CliError(`no folder ${path.dirname(file)} for ${path.basename(file)}`);
  const pool = openPool(url, 1);
  const db = openDb(file);
  try {
    migrateDb(db);
    const client = await pool.connect();
    try {
      return await copyIntoSqlite(postgresSide(client), db.$client);
    } finally {
      client.release();
    }
  } finally {
    db.$client.close();
    await pool.end();
  }
}

function printReport(report: CopyReport): void {
  const width = Math.max(...report.tables.map((t) => t.name.length));
  for (const t of report.tables)
    console.log(`  ${t.name.padEnd(width)}  ${t.rows.toLocaleString("en-US").padStart(12)}`);
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Copied ${rows.toLocaleString("en-US")} rows in ${report.tables.length} tables in ${(report.ms / 1000).toFixed(1)} s; every table checked (rows and checksums match).`,
  );
}
