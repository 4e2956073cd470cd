import { mkdtempSync, rmSync } from "node:fs";
import { afterEach, beforeEach } from "vitest";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDb, openDb, type Db } from "@/db/client";

/** A real, migrated SQLite file in a fresh temporary folder, for one test file. */
export function createTestDb(): { db: Db; file: string; close: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "lantern-test-"));
  const file = path.join(dir, "test.db");
  const db = openDb(file);
  migrateDb(db);
  return {
    db,
    file,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh test database for every test of the file; `set` receives each one. */
export function eachTestDb(set: (db: Db) => void | Promise<void>): void {
  let t: ReturnType<typeof createTestDb> | undefined;
  beforeEach(async () => {
    t = createTestDb();
    await set(t.db);
  });
  afterEach(() => t?.close());
}
