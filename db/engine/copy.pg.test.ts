import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, type Db } from "@/db/client";
import { createApiKey } from "@/db/queries/api-keys";
import { userIdByUsername } from "@/db/queries/users";
import { demoAccounts } from "@/lib/demo";
import { listLearners } from "@/db/queries/learners";
import { refitMastery } from "@/db/queries/mastery";
import { ensureCourseFresh } from "@/db/queries/derived";
import { loadDemo } from "@/lib/cli/demo";
import { asOfDay } from "@/lib/env";
import { createDatabase } from "@/lib/testing/postgres";
import { inject } from "vitest";
import { copyIntoPostgres, copyIntoSqlite, copyPlan, postgresSide, sqliteSide } from "./copy";
import { openPool } from "./postgres";

const dir = mkdtempSync(path.join(tmpdir(), "lantern-copy-"));

function sqliteDb(name: string): Db {
  const db = openDb(path.join(dir, name));
  migrateDb(db);
  afterAll(() => db.$client.close());
  return db;
}

async function postgresDb() {
  const pool = openPool(await createDatabase(inject("postgresUrl")));
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  afterAll(() => pool.end());
  return pool;
}

const CS101 = "course-v1:LanternU+CS101+2026_T1";

describe("lantern copy between SQLite and PostgreSQL", async () => {
  const source = sqliteDb("source.db");
  expect(await loadDemo(source, { learners: 40 })).toBe(true);
  refitMastery(source, { force: true });
  // The derived tables too: each course's summaries and ranges, made as a read would.
  for (const { id } of source.$client.prepare(`SELECT id FROM courses`).all() as { id: string }[])
    ensureCourseFresh(source, id);
  const admin = demoAccounts.find((a) => a.role === "admin")!;
  await createApiKey(source, (await userIdByUsername(source, admin.username))!, "copy test");
  const pool = await postgresDb();

  it("moves every table to PostgreSQL and back, row for row", async () => {
    const client = await pool.connect();
    try {
      const there = await copyIntoPostgres(sqliteSide(source.$client), client);
      const counts = Object.fromEntries(there.tables.map((t) => [t.name, t.rows]));
      expect(counts.events).toBeGreaterThan(5_000);
      expect(counts.learner_summary).toBeGreaterThan(100);
      expect(counts.mastery_models).toBeGreaterThan(0);
      expect(counts.api_keys).toBe(1);
      expect(there.tables.map((t) => t.name).sort()).toEqual(
        copyPlan()
          .map((t) => t.name)
          .sort(),
      );

      const back = sqliteDb("back.db");
      const again = await copyIntoSqlite(postgresSide(client), back.$client);
      const sums = (r: typeof there) => Object.fromEntries(r.tables.map((t) => [t.name, [t.rows, t.checksum]]));
      const { user_search_key: _, ...withoutKeys } = sums(there);
      expect(sums(again)).toEqual(withoutKeys);

      // The copy back answers as the original: the roster, its search (SQLite's FTS5, filled by its triggers).
      const query = { asOf: asOfDay(), page: 1, pageSize: 25, search: "ri" };
      expect(await listLearners(back, CS101, query)).toEqual(await listLearners(source, CS101, query));
      // New events get ids after the copied ones on PostgreSQL.
      const { rows } = await client.query(
        `INSERT INTO events (user_id, course_id, kind, ts, day) SELECT user_id, course_id, kind, ts, day FROM events LIMIT 1 RETURNING id`,
      );
      expect(rows[0].id).toBe(counts.events! + 1);
    } finally {
      client.release();
    }
  });

  it("refuses a target that holds data, and leaves nothing half-copied when a row does not fit", async () => {
    const client = await pool.connect();
    try {
      await expect(copyIntoPostgres(sqliteSide(source.$client), client)).rejects.toThrow(
        /^the target already holds data \(14 rows in departments\); copy into an empty database$/,
      );
      // SQLite keeps a text in an integer column; PostgreSQL refuses it: the whole copy rolls back.
      const odd = sqliteDb("odd.db");
      expect(await loadDemo(odd, { learners: 10 })).toBe(true);
      odd.$client.prepare(`UPDATE items SET position = 'third' WHERE rowid = (SELECT max(rowid) FROM items)`).run();
      const empty = await (await postgresDb()).connect();
      try {
        await expect(copyIntoPostgres(sqliteSide(odd.$client), empty)).rejects.toThrow(/integer/);
        const left = await empty.query(`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM events) AS n`);
        expect(left.rows[0].n).toBe(0);
      } finally {
        empty.release();
      }
    } finally {
      client.release();
    }
  });
});
