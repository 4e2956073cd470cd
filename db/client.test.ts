import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb, migrationsDir, openDb } from "./client";

const dir = mkdtempSync(path.join(tmpdir(), "lantern-client-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openDb's prepared statements", () => {
  const db = openDb(path.join(dir, "t.db"));
  const s = db.$client;
  s.exec(`CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')`);

  it("reuses the statement for the same SQL, in its default mode whatever the last caller set", () => {
    const sql = `SELECT a, b FROM t ORDER BY a`;
    expect(s.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(s.prepare(sql)).toBe(s.prepare(sql));
    expect(s.prepare(sql).all()).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: "y" },
    ]);
    expect(s.prepare(sql).raw().get()).toEqual([1, "x"]);
    expect(s.prepare(sql).get()).toEqual({ a: 1, b: "x" });
  });

  it("prepares afresh while the cached statement is still iterating", () => {
    const sql = `SELECT a FROM t ORDER BY a`;
    const seen: number[] = [];
    for (const row of s.prepare(sql).pluck().iterate() as IterableIterator<number>) {
      seen.push(row, ...(s.prepare(sql).pluck().all() as number[]));
    }
    expect(seen).toEqual([1, 1, 2, 2, 1, 2]);
  });

  it("caches writes too", () => {
    const insert = `INSERT INTO t VALUES (?, ?)`;
    s.prepare(insert).run(3, "z");
    s.prepare(insert).run(4, "w");
    expect(s.prepare(`SELECT COUNT(*) FROM t`).pluck().get()).toBe(4);
  });
});

describe("migration 0008: the day counts clustered on their key", () => {
  it("keeps every row of a database migrated before it, and leaves the tables WITHOUT ROWID with their index", () => {
    // The migrations up to 0007, as a database made before this one has them. Later ones go too:
    // drizzle applies only migrations newer than the last one applied.
    const before = path.join(dir, "migrations-0007");
    cpSync(migrationsDir(), before, { recursive: true });
    const journal = path.join(before, "meta/_journal.json");
    const j = JSON.parse(readFileSync(journal, "utf8")) as { entries: { idx: number; tag: string }[] };
    for (const e of j.entries.filter((e) => e.idx >= 8)) rmSync(path.join(before, `${e.tag}.sql`));
    j.entries = j.entries.filter((e) => e.idx < 8);
    writeFileSync(journal, JSON.stringify(j));

    const db = openDb(path.join(dir, "old.db"));
    migrateDb(db, before);
    const s = db.$client;
    const tableSql = (name: string) =>
      s.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(name) as string;
    expect(tableSql("learner_item_day")).not.toMatch(/WITHOUT ROWID/);
    s.prepare(`INSERT INTO courses (id, title) VALUES ('c', 'C')`).run();
    const itemDay = s.prepare(
      `INSERT INTO learner_item_day (course_id, user_id, day, item_id, events, attempts, successes, plays, posts) VALUES ('c', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const day = s.prepare(`INSERT INTO learner_day VALUES ('c', ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let u = 0; u < 30; u++) {
      for (let d = 1; d <= 3; d++) {
        itemDay.run(`u${u}`, `2026-03-0${d}`, `i${u % 4}`, u + d, u, d, u % 2, 1);
        day.run(`u${u}`, `2026-03-0${d}`, u + d, u, 1, d % 2, 0, 1);
      }
    }
    const dump = () => ({
      itemDays: s.prepare(`SELECT * FROM learner_item_day ORDER BY course_id, user_id, day, item_id`).all(),
      days: s.prepare(`SELECT * FROM learner_day ORDER BY course_id, user_id, day`).all(),
    });
    const rows = dump();

    migrateDb(db);
    expect(dump()).toEqual(rows);
    expect(rows.itemDays).toHaveLength(90);
    for (const t of ["learner_item_day", "learner_day", "stale_summary"]) expect(tableSql(t)).toMatch(/WITHOUT ROWID/);
    const plan = (sql: string) =>
      (s.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(" | ");
    expect(plan(`SELECT user_id FROM learner_day WHERE course_id = 'c' AND day = '2026-03-02'`)).toMatch(
      /learner_day_course_day_idx/,
    );
    expect(
      plan(`SELECT SUM(events) FROM learner_item_day WHERE course_id = 'c' AND user_id = 'u1' AND day >= '2026-03-02'`),
    ).toMatch(/USING PRIMARY KEY/);
    s.close();
  });
});
