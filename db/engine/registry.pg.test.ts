import { readFileSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/testing/postgres";
import { definitions, type Definition } from "../sql";
import { declaredNames, postgresText } from "./postgres";

// Every query module, so that every registered SQL text is at hand.
import.meta.glob(["../queries/**/*.ts", "!../queries/**/*.test.ts"], { eager: true });

/**
 * The texts that do not yet run on PostgreSQL, by name, with why (docs/postgres.md § One text).
 * The list can only shrink: a listed text that now prepares fails the test until it is taken off.
 */
const PENDING: Record<string, string> = JSON.parse(
  readFileSync(path.join(__dirname, "postgres-pending.json"), "utf8"),
) as Record<string, string>;

/** Prepares a text on PostgreSQL (and, for a read, runs it with NULLs in a rolled-back transaction for its columns). */
async function tryOn(client: import("pg").PoolClient, def: Definition): Promise<string | null> {
  const n = postgresText(def);
  await client.query("BEGIN");
  try {
    for (const setup of def.setup ?? []) await client.query(postgresText({ text: setup }).text);
    await client.query(`PREPARE lantern_probe AS ${n.text}`);
    if (def.row && /^\s*(INSERT|UPDATE|DELETE)\b/i.test(n.text)) {
      // A write that returns rows: run with NULLs it would break NOT NULL, so its prepared result
      // types are counted instead (names are SQLite's check, db/sql.test.ts).
      const r = await client.query(
        `SELECT cardinality(result_types) AS n FROM pg_prepared_statements WHERE name = 'lantern_probe'`,
      );
      const declared = Object.keys(def.row).length;
      if (r.rows[0].n !== declared) return `${r.rows[0].n} result columns (declared ${declared})`;
    } else if (def.row) {
      const r = await client.query(
        `EXECUTE lantern_probe${n.count ? `(${Array(n.count).fill("NULL").join(", ")})` : ""}`,
      );
      const names = declaredNames(r.fields, def.row);
      const declared = Object.keys(def.row);
      if (names.join() !== declared.join()) return `columns ${names.join(", ")} (declared ${declared.join(", ")})`;
    }
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.query("ROLLBACK");
    await client.query("DEALLOCATE ALL");
  }
}

describe("the registered SQL texts on PostgreSQL", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });

  it("prepare there, with the declared columns, but those listed as pending", async () => {
    const client = await pool.connect();
    const failing: Record<string, string> = {};
    const nowPassing: string[] = [];
    try {
      for (const def of definitions()) {
        const problem = await tryOn(client, def);
        if (problem && !(def.name in PENDING)) failing[def.name] = problem;
        if (!problem && def.name in PENDING) nowPassing.push(def.name);
      }
    } finally {
      client.release();
    }
    if (process.env.LANTERN_PG_PENDING_OUT)
      (await import("node:fs")).writeFileSync(process.env.LANTERN_PG_PENDING_OUT, JSON.stringify(failing, null, 2));
    expect(failing, "texts that fail on PostgreSQL and are not listed as pending").toEqual({});
    expect(nowPassing, "texts that run on PostgreSQL now: take them off postgres-pending.json").toEqual([]);
    expect(Object.keys(PENDING).filter((name) => !definitions().some((d) => d.name === name))).toEqual([]);
  });
});
