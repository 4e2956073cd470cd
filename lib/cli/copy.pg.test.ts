import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "@/lib/testing/postgres";

// The real CLI, in a child process: a SQLite demo to PostgreSQL and back.
const dir = mkdtempSync(path.join(tmpdir(), "lantern-copy-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lantern(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/lantern.mjs", ...args], {
    env: { ...process.env, LANTERN_AS_OF: "2026-03-20", ...env },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      ["users", "courses", "enrollments", "events", "statements", "goals", "learner_summary"].map((t) => [
        t,
        (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

describe("npx lantern copy", async () => {
  const source = path.join(dir, "source.db");
  const pg = await createDatabase(inject("postgresUrl"));

  it("copies a SQLite deployment to PostgreSQL and back, checked", () => {
    expect(lantern({ DATABASE_URL: source }, "demo", "--learners", "12").code).toBe(0);
    const there = lantern({}, "copy", "--from", `sqlite:${source}`, "--to", pg);
    expect(there.err).toBe("");
    expect(there.code).toBe(0);
    expect(there.out).toMatch(/^ {2}events +[\d,]+$/m);
    expect(there.out).toMatch(/every table checked \(rows and checksums match\)/);
    const back = path.join(dir, "back.db");
    const again = lantern({}, "copy", "--from", pg, "--to", back);
    expect(again.code).toBe(0);
    expect(counts(back)).toEqual(counts(source));
  });

  it("refuses a target with data, two databases of one engine, and missing options, in one line each", () => {
    const full = lantern({}, "copy", "--from", `sqlite:${source}`, "--to", pg);
    expect(full.code).toBe(1);
    expect(full.err.trim()).toMatch(/^lantern copy: the target already holds data \(\d+ rows in departments\)/);
    const same = lantern({}, "copy", "--from", source, "--to", path.join(dir, "x.db"));
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/use `npx lantern backup FILE`/);
    expect(lantern({}, "copy", "--from", source).err).toMatch(/--from and --to are required/);
  });

  it("says what to use on PostgreSQL: backup points to pg_dump; the server commands name DATABASE_URL", () => {
    const backup = lantern({ DATABASE_URL: pg }, "backup", path.join(dir, "b.db"));
    expect(backup.code).toBe(2);
    expect(backup.err).toMatch(/pg_dump/);
    const migrate = lantern({ DATABASE_URL: pg }, "migrate");
    expect(migrate.code).toBe(2);
    expect(migrate.err.trim()).toMatch(
      /^lantern migrate: DATABASE_URL: a PostgreSQL URL is not yet a database Lantern runs on/,
    );
  });
});
