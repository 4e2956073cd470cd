import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkpointIntervalMs } from "./checkpointer";
import { openDb } from "./client";

const dir = mkdtempSync(path.join(tmpdir(), "lantern-checkpointer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes ~2 MB in small commits: far below the connection's own autocheckpoint threshold. */
function write(file: string, checkpointMs: number) {
  const db = openDb(file, { checkpointMs });
  const s = db.$client;
  s.exec(`CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)`);
  const insert = s.prepare(`INSERT INTO t (b) VALUES (?)`);
  for (let i = 0; i < 20; i++)
    s.transaction(() => {
      for (let k = 0; k < 100; k++) insert.run("x".repeat(1000));
    })();
  return db;
}

const until = async (ok: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !ok();) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

describe("the WAL checkpointer", () => {
  it("copies committed pages into the database file from its worker, with no commit doing it", async () => {
    const file = path.join(dir, "on.db");
    const db = write(file, 50);
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(100_000);
    expect(await until(() => statSync(file).size > 2_000_000, 5000)).toBe(true);
    db.$client.close();
  });

  it("is off without an interval: the pages stay in the WAL until SQLite's own threshold", async () => {
    const file = path.join(dir, "off.db");
    const db = write(file, 0);
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(statSync(file).size).toBeLessThan(100_000);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
    db.$client.close();
  });

  it("runs every second unless LANTERN_CHECKPOINT_MS says otherwise", () => {
    expect(checkpointIntervalMs({})).toBe(1000);
    expect(checkpointIntervalMs({ LANTERN_CHECKPOINT_MS: "0" })).toBe(0);
    expect(checkpointIntervalMs({ LANTERN_CHECKPOINT_MS: "250" })).toBe(250);
    expect(() => checkpointIntervalMs({ LANTERN_CHECKPOINT_MS: "soon" })).toThrow(/LANTERN_CHECKPOINT_MS/);
  });
});
