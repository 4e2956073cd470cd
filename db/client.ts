import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "@/lib/env";
import * as schema from "./schema";
import { checkpointIntervalMs, startCheckpointer } from "./checkpointer";
import { databasePath } from "./path";

export { databasePath };

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

/** The committed migrations, beside the package root (`LANTERN_HOME`, set by the CLI) or the working directory. */
export const migrationsDir = () => path.resolve(packageRoot(), "db/migrations");
/** PostgreSQL's migrations (docs/postgres.md), beside SQLite's. */
export const postgresMigrationsDir = () => path.resolve(packageRoot(), "db/migrations-pg");

export interface OpenOptions {
  /**
   * Checkpoint the WAL from a worker thread this often (db/checkpointer.ts) instead of inside
   * commits; 0 or absent leaves SQLite's automatic checkpoints. Not for ":memory:".
   */
  checkpointMs?: number;
}

/** WAL pages past which a commit checkpoints itself: with the checkpointer, a safety net only (~400 MB). */
const AUTOCHECKPOINT_PAGES = { own: 10_000, background: 100_000 } as const;

/**
 * Opens a connection set up the way every part of Lantern expects: WAL (readers never wait for
 * a writer), foreign keys on, and a busy timeout so a second writer waits instead of failing.
 */
export function openDb(file = databasePath(), opts: OpenOptions = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: small ingest batches were spending
  // much of their time in automatic checkpoints. With the checkpointer, commits leave it to the worker.
  const background = Boolean(opts.checkpointMs) && file !== ":memory:";
  sqlite.pragma(`wal_autocheckpoint = ${background ? AUTOCHECKPOINT_PAGES.background : AUTOCHECKPOINT_PAGES.own}`);
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  reusePreparedStatements(sqlite);
  if (background) startCheckpointer(sqlite.name, opts.checkpointMs!);
  return drizzle(sqlite, { schema }) as Db;
}

/** How many distinct SQL texts keep their prepared statement (queries with inline lists vary). */
const STATEMENT_CACHE_LIMIT = 500;

/**
 * Makes `prepare` hand back the statement already prepared for the same SQL: queries prepare
 * where they run, and compiling the SQL again on every request cost more than some of the reads
 * themselves. A cached statement comes back in its default mode (not raw, plucked or expanded);
 * one still iterating (busy) is left alone and a fresh one prepared.
 */
function reusePreparedStatements(sqlite: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const statement = prepare(sql);
    if (!hit) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  }) as Database.Database["prepare"];
}

/** Applies the committed drizzle-kit migrations; safe to call on every start. */
export function migrateDb(db: Db, migrationsFolder = migrationsDir()): void {
  migrate(db, { migrationsFolder });
}

const globalForDb = globalThis as unknown as { lanternDb?: Db; lanternDbPath?: string };

/**
 * The process's one shared connection (cached on globalThis so dev reloads reuse it),
 * migrated on first use.
 */
export function getDb(): Db {
  const file = databasePath();
  if (!globalForDb.lanternDb || globalForDb.lanternDbPath !== file) {
    const db = openDb(file, { checkpointMs: checkpointIntervalMs() });
    migrateDb(db);
    globalForDb.lanternDb = db;
    globalForDb.lanternDbPath = file;
  }
  return globalForDb.lanternDb;
}
