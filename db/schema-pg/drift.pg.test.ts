import { is, SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig as pgConfig, integer, PgTable, pgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import * as sqliteSchema from "@/db/schema";
import * as pgSchema from "@/db/schema-pg";
import { text } from "@/db/schema-pg/text";
import { createTestDb } from "@/lib/testing/db";
import { testDatabase } from "@/lib/testing/postgres";

// The two schemas must describe the same tables (docs/postgres.md § Schema): a column added to one
// and not the other fails here, both in the drizzle definitions and in the migrated databases.

/** Indexes only one engine has, each for a reason docs/postgres.md gives. */
const PG_ONLY_INDEXES = new Set(["users_username_trgm_idx", "users_name_trgm_idx", "users_email_trgm_idx"]);

type Shape = Map<
  string,
  { columns: Map<string, boolean>; primaryKey: string[]; indexes: string[]; defaults?: Map<string, string> }
>;

/**
 * A column's default, comparable across engines: a value (a SQLite boolean as its stored 0/1),
 * `sql` for an expression (the engines' texts differ: strftime against to_char), or `generated`.
 */
function defaultOf(col: { default?: unknown; generated?: unknown }): string {
  if (col.generated) return "generated";
  if (col.default === undefined) return "none";
  if (is(col.default, SQL)) return "sql";
  return JSON.stringify(typeof col.default === "boolean" ? Number(col.default) : col.default);
}

function sqliteShape(tables: Record<string, unknown>): Shape {
  const shape: Shape = new Map();
  for (const t of Object.values(tables).filter((t): t is SQLiteTable => is(t, SQLiteTable))) {
    const c = sqliteConfig(t);
    shape.set(c.name, {
      columns: new Map(c.columns.map((col) => [col.name, col.notNull])),
      defaults: new Map(c.columns.map((col) => [col.name, defaultOf(col)])),
      primaryKey: [
        ...c.columns.filter((col) => col.primary).map((col) => col.name),
        ...c.primaryKeys.flatMap((k) => k.columns.map((col) => col.name)),
      ],
      indexes: c.indexes.map((i) => i.config.name).sort(),
    });
  }
  return shape;
}

function pgShape(tables: Record<string, unknown>): Shape {
  const shape: Shape = new Map();
  for (const t of Object.values(tables).filter((t): t is PgTable => is(t, PgTable))) {
    const c = pgConfig(t);
    shape.set(c.name, {
      columns: new Map(c.columns.map((col) => [col.name, col.notNull])),
      defaults: new Map(c.columns.map((col) => [col.name, defaultOf(col)])),
      primaryKey: [
        ...c.columns.filter((col) => col.primary).map((col) => col.name),
        ...c.primaryKeys.flatMap((k) => k.columns.map((col) => col.name)),
      ],
      indexes: c.indexes
        .map((i) => i.config.name ?? "")
        .filter((n) => !PG_ONLY_INDEXES.has(n))
        .sort(),
    });
  }
  return shape;
}

/** Every difference between two shapes, one line each; empty when they agree. */
function drift(a: Shape, b: Shape): string[] {
  const out: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (!x || !y) {
      out.push(`${name}: only in ${x ? "SQLite" : "PostgreSQL"}`);
      continue;
    }
    for (const col of new Set([...x.columns.keys(), ...y.columns.keys()])) {
      if (x.columns.get(col) !== y.columns.get(col))
        out.push(`${name}.${col}: notNull ${x.columns.get(col) ?? "absent"} vs ${y.columns.get(col) ?? "absent"}`);
    }
    for (const [col, d] of x.defaults ?? []) {
      const e = y.defaults?.get(col);
      if (e !== undefined && e !== d) out.push(`${name}.${col}: default ${d} vs ${e}`);
    }
    if (x.primaryKey.join() !== y.primaryKey.join())
      out.push(`${name}: primary key ${x.primaryKey} vs ${y.primaryKey}`);
    if (x.indexes.join() !== y.indexes.join()) out.push(`${name}: indexes ${x.indexes} vs ${y.indexes}`);
  }
  return out;
}

/** Columns (name → not null) per table of a migrated SQLite file; generated columns included (xinfo). */
function sqliteColumns(): Map<string, Map<string, boolean>> {
  const t = createTestDb();
  try {
    const client = t.db.$client;
    const all = client.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    // Not tables of the schema: SQLite's own, drizzle's journal, and the FTS5 index with its shadow tables.
    const virtual = all.filter((t) => t.sql.startsWith("CREATE VIRTUAL")).map((t) => t.name);
    const shadow = new Set(
      virtual.flatMap((v) => ["data", "idx", "content", "docsize", "config"].map((s) => `${v}_${s}`)),
    );
    const tables = all
      .map((t) => t.name)
      .filter((n) => !virtual.includes(n) && !shadow.has(n) && !n.startsWith("sqlite_") && !n.startsWith("__drizzle"));
    return new Map(
      tables.map((name) => {
        const cols = client.prepare(`PRAGMA table_xinfo("${name}")`).all() as { name: string; notnull: number }[];
        return [name, new Map(cols.map((c) => [c.name, c.notnull === 1]))];
      }),
    );
  } finally {
    t.close();
  }
}

async function pgColumns(pool: pg.Pool): Promise<Map<string, Map<string, boolean>>> {
  const { rows } = await pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
    "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
  );
  const out = new Map<string, Map<string, boolean>>();
  for (const r of rows) {
    if (!out.has(r.table_name)) out.set(r.table_name, new Map());
    out.get(r.table_name)!.set(r.column_name, r.is_nullable === "NO");
  }
  return out;
}

const asShape = (m: Map<string, Map<string, boolean>>): Shape =>
  new Map([...m].map(([name, columns]) => [name, { columns, primaryKey: [], indexes: [] }]));

async function migratedPg(): Promise<pg.Pool> {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  return pool;
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("define the same tables, columns, nullability, defaults, primary keys and indexes", () => {
    const a = sqliteShape(sqliteSchema);
    expect(a.size).toBeGreaterThan(20);
    expect(drift(a, pgShape(pgSchema))).toEqual([]);
  });

  it("migrate to the same columns (PRAGMA table_xinfo against information_schema)", async () => {
    const pool = await migratedPg();
    const sqlite = sqliteColumns();
    expect(sqlite.get("learner_summary")?.has("ratio_missing")).toBe(true);
    expect(drift(asShape(sqlite), asShape(await pgColumns(pool)))).toEqual([]);
  });

  it("fail on a column one of them lacks, a different nullability or default", async () => {
    const copy = {
      ...pgSchema,
      objectives: pgTable("objectives", { id: text("id").primaryKey(), name: text("name"), extra: integer("extra") }),
      courseState: pgTable("course_state", {
        courseId: text("course_id").primaryKey(),
        asOf: text("as_of").notNull(),
        ranges: text("ranges"),
        rangesStale: integer("ranges_stale").notNull().default(0),
      }),
    };
    expect(drift(sqliteShape(sqliteSchema), pgShape(copy))).toEqual([
      "objectives.name: notNull true vs false",
      "objectives.extra: notNull absent vs false",
      'objectives.name: default "" vs none',
      "course_state.ranges_stale: default 1 vs 0",
    ]);

    const pool = await migratedPg();
    await pool.query("ALTER TABLE objectives ADD COLUMN extra integer");
    expect(drift(asShape(sqliteColumns()), asShape(await pgColumns(pool)))).toEqual([
      "objectives.extra: notNull absent vs false",
    ]);
  });
});
