import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/**
 * Text compared byte by byte, as SQLite's BINARY collation does: every text column of the
 * PostgreSQL schema is `text COLLATE "C"`, so ORDER BY, comparisons, unique keys and indexes give
 * SQLite's order whatever locale the database was created with (docs/postgres.md § Collation).
 * The collation is in the migrations, so an operator's `CREATE DATABASE` cannot forget it.
 */
export const text = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

/** SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ','now')`: ISO 8601, UTC, milliseconds, `Z`. */
export const nowIso = sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
