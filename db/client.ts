import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { databasePath } from "./path";

export { databasePath };

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

/** The committed migrations, beside the package root (`LANTERN_HOME`, set by the CLI) or the working directory. */
export const MIGRATIONS_DIR = path.resolve(process.env.LANTERN_HOME ?? process.cwd(), "db/migrations");

/**
 * Opens a connection set up the way every part of Lantern expects: WAL (readers never wait for
 * a writer), foreign keys on, and a busy timeout so a second writer waits instead of failing.
 */
export function openDb(file = databasePath()): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: small ingest batches were spending
  // much of their time in automatic checkpoints.
  sqlite.pragma("wal_autocheckpoint = 10000");
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies the committed drizzle-kit migrations; safe to call on every start. */
export function migrateDb(db: Db, migrationsFolder = MIGRATIONS_DIR): void {
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
    const db = openDb(file);
    migrateDb(db);
    globalForDb.lanternDb = db;
    globalForDb.lanternDbPath = file;
  }
  return globalForDb.lanternDb;
}
