import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "./client";

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
    expect(s.prepare(sql).all()).toEqual([{ a: 1, b: "x" }, { a: 2, b: "y" }]);
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
