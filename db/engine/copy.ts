import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type pg from "pg";
import * as schema from "../schema";

/**
 * Moving a deployment between engines (`npx lantern copy`, docs/postgres.md § Moving a
 * deployment): every table of the schema, row for row, into an empty migrated database of the
 * other engine, in one transaction on the target, then verified table by table — the same count
 * and the same checksum of every row in key order on both sides.
 *
 * Both schemas have the same tables and columns (db/schema-pg/drift.pg.test.ts), so the SQLite
 * schema's list serves both. Generated columns are left to the target to compute. SQLite's FTS5
 * search tables are not in the schema: its triggers on `users` fill them (and `user_search_key`,
 * which is therefore not copied onto SQLite).
 */

export interface Side {
  /** Rows of a table in key order, in batches. */
  rows(table: TablePlan): AsyncIterable<unknown[][]>;
  count(table: string): Promise<number>;
}

export interface TablePlan {
  name: string;
  /** The columns copied (generated ones left out), in the schema's order. */
  columns: string[];
  /** The primary key's columns (the whole row where a table has none), for key order. */
  key: string[];
  /** Whether `key` is a primary key (unique, never NULL): pages by key, else by offset. */
  unique: boolean;
  /** A reference to the same table (a department's parent): its rows go parent first. */
  selfRef: { column: string; references: string } | null;
}

export interface CopyReport {
  tables: { name: string; rows: number; checksum: string }[];
  ms: number;
}

const BATCH = 2000;

/** The tables in an order that inserts a referenced row before the rows that refer to it. */
export function copyPlan(): TablePlan[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => v instanceof SQLiteTable);
  const configs = new Map(tables.map((t) => [t, getTableConfig(t)]));
  const ordered: SQLiteTable[] = [];
  const visit = (t: SQLiteTable, path: Set<SQLiteTable>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const fk of configs.get(t)!.foreignKeys) {
      const target = fk.reference().foreignTable as SQLiteTable;
      if (target !== t) visit(target, path);
    }
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.map((t) => {
    const c = configs.get(t)!;
    const columns = c.columns.filter((col) => !col.generated).map((col) => col.name);
    const key = c.columns.filter((col) => col.primary).map((col) => col.name);
    const composite = c.primaryKeys[0]?.columns.map((col) => col.name);
    const pk = composite ?? (key.length ? key : null);
    const self = c.foreignKeys.map((fk) => fk.reference()).find((r) => r.foreignTable === t && r.columns.length === 1);
    const selfRef = self ? { column: self.columns[0]!.name, references: self.foreignColumns[0]!.name } : null;
    return { name: c.name, columns, key: pk ?? columns, unique: pk !== null, selfRef };
  });
}

/** The SQLite side: better-sqlite3 reads in key order. */
export function sqliteSide(s: Database.Database): Side {
  return {
    async *rows(t) {
      const statement = s
        .prepare(
          `SELECT ${t.columns.map(quote).join(", ")} FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(", ")}`,
        )
        .raw(true);
      let batch: unknown[][] = [];
      for (const row of statement.iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async count(table) {
      return (s.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    },
  };
}

/** The PostgreSQL side: keyset pages in key order (no cursor to hold open across the copy). */
export function postgresSide(client: pg.ClientBase): Side {
  return {
    async *rows(t) {
      const cols = t.columns.map(quote).join(", ");
      const key = t.key.map(quote).join(", ");
      // NULLs first, as SQLite orders them, so both sides hash the rows in the same order.
      const order = t.key.map((k) => `${quote(k)} NULLS FIRST`).join(", ");
      const keyAt = t.key.map((k) => t.columns.indexOf(k));
      let last: unknown[] | null = null;
      for (let offset = 0; ; offset += BATCH) {
        // A primary key pages by key; a table without one (rare, small) by offset.
        const after = t.unique && last ? `WHERE (${key}) > (${t.key.map((_, i) => `$${i + 1}`).join(", ")})` : "";
        const r: pg.QueryArrayResult = await client.query({
          text: `SELECT ${cols} FROM ${quote(t.name)} ${after} ORDER BY ${order} LIMIT ${BATCH}${t.unique ? "" : ` OFFSET ${offset}`}`,
          values: t.unique && last ? keyAt.map((i) => last![i]) : [],
          rowMode: "array",
        });
        if (r.rows.length) yield r.rows;
        if (r.rows.length < BATCH) return;
        last = r.rows[r.rows.length - 1]!;
      }
    },
    async count(table) {
      const r = await client.query(`SELECT count(*) AS n FROM ${quote(table)}`);
      return Number(r.rows[0].n);
    },
  };
}

/** Every table from `from` into SQLite `to` (migrated, empty), in one transaction; then verified. */
export async function copyIntoSqlite(from: Side, to: Database.Database): Promise<CopyReport> {
  const started = Date.now();
  const plan = copyPlan().filter((t) => t.name !== "user_search_key");
  await refuseUnlessEmpty(sqliteSide(to), plan);
  to.exec("BEGIN IMMEDIATE");
  try {
    for (const t of plan) {
      const insert = to.prepare(
        `INSERT INTO ${quote(t.name)} (${t.columns.map(quote).join(", ")}) VALUES (${t.columns.map(() => "?").join(", ")})`,
      );
      for await (const batch of rowsToInsert(from, t)) for (const row of batch) insert.run(...row);
    }
    to.exec("COMMIT");
  } catch (err) {
    if (to.inTransaction) to.exec("ROLLBACK");
    throw err;
  }
  return verify(from, sqliteSide(to), plan, started);
}

/** Every table from `from` into PostgreSQL (migrated, empty), in one transaction; then verified. */
export async function copyIntoPostgres(from: Side, to: pg.ClientBase): Promise<CopyReport> {
  const started = Date.now();
  const plan = copyPlan();
  const target = postgresSide(to);
  await refuseUnlessEmpty(target, plan);
  await to.query("BEGIN");
  try {
    for (const t of plan) {
      // Multi-row INSERTs within PostgreSQL's 65,535 parameters.
      const perInsert = Math.max(1, Math.floor(60_000 / t.columns.length));
      for await (const batch of rowsToInsert(from, t)) {
        for (let i = 0; i < batch.length; i += perInsert) {
          const rows = batch.slice(i, i + perInsert);
          const values = rows.map(
            (_, r) => `(${t.columns.map((_, c) => `$${r * t.columns.length + c + 1}`).join(", ")})`,
          );
          await to.query(
            `INSERT INTO ${quote(t.name)} (${t.columns.map(quote).join(", ")}) VALUES ${values.join(", ")}`,
            rows.flat(),
          );
        }
      }
    }
    // Identity columns carry on after the copied ids, as SQLite's AUTOINCREMENT would.
    const identities = await to.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
    );
    for (const { table_name, column_name } of identities.rows)
      await to.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column_name)}) FROM ${quote(table_name)}), 0) + 1, false)`,
        [table_name, column_name],
      );
    await to.query("COMMIT");
  } catch (err) {
    await to.query("ROLLBACK");
    throw err;
  }
  return verify(from, target, plan, started);
}

/** The source's rows of a table in batches, a self-referencing table's (small) ordered parent first. */
async function* rowsToInsert(from: Side, t: TablePlan): AsyncIterable<unknown[][]> {
  if (!t.selfRef) return yield* from.rows(t);
  const all: unknown[][] = [];
  for await (const batch of from.rows(t)) all.push(...batch);
  const ref = t.columns.indexOf(t.selfRef.column);
  const id = t.columns.indexOf(t.selfRef.references);
  const done = new Set<unknown>();
  const ordered: unknown[][] = [];
  let pending = all;
  while (pending.length) {
    const ready = pending.filter((r) => r[ref] === null || done.has(r[ref]) || !all.some((p) => p[id] === r[ref]));
    if (!ready.length) throw new CopyError(`${t.name} has a cycle of ${t.selfRef.column} references`);
    for (const r of ready) done.add(r[id]);
    ordered.push(...ready);
    pending = pending.filter((r) => !ready.includes(r));
  }
  yield ordered;
}

async function refuseUnlessEmpty(target: Side, plan: readonly TablePlan[]): Promise<void> {
  for (const t of plan) {
    const n = await target.count(t.name);
    if (n > 0)
      throw new CopyError(`the target already holds data (${n} rows in ${t.name}); copy into an empty database`);
  }
}

/** Counts and a checksum of every row, in key order, on both sides. */
async function verify(from: Side, to: Side, plan: readonly TablePlan[], started: number): Promise<CopyReport> {
  const tables: CopyReport["tables"] = [];
  for (const t of plan) {
    const [a, b] = await Promise.all([checksum(from, t), checksum(to, t)]);
    if (a.rows !== b.rows || a.sum !== b.sum)
      throw new CopyError(
        `${t.name} differs after the copy: ${a.rows} rows at the source, ${b.rows} at the target${a.rows === b.rows ? " (same count, different values)" : ""}`,
      );
    tables.push({ name: t.name, rows: a.rows, checksum: a.sum });
  }
  return { tables, ms: Date.now() - started };
}

async function checksum(side: Side, t: TablePlan): Promise<{ rows: number; sum: string }> {
  const hash = createHash("sha256");
  let rows = 0;
  for await (const batch of side.rows(t))
    for (const row of batch) {
      hash.update(JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
      hash.update("\n");
      rows++;
    }
  return { rows, sum: hash.digest("hex").slice(0, 16) };
}

/** An expected failure of a copy: one line for the CLI. */
export class CopyError extends Error {}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
