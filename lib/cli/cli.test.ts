import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

// The real CLI, in a child process, against a real database file.
const dir = mkdtempSync(path.join(tmpdir(), "lantern-cli-"));
const dbFile = path.join(dir, "lantern.db");
const env = { ...process.env, DATABASE_URL: dbFile, LANTERN_AS_OF: "2026-03-20" };

function lantern(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/lantern.mjs", ...args], { env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function query<T>(sql: string): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npx lantern", () => {
  it("prints its commands with --help, and each command's options", () => {
    const help = lantern("--help");
    expect(help.code).toBe(0);
    for (const c of ["start", "migrate", "import", "demo", "user", "key", "backup"]) expect(help.out).toContain(c);
    expect(lantern("import", "--help").out).toMatch(/all or nothing/i);
  });

  it("rejects an unknown command and an unknown option", () => {
    expect(lantern("frobnicate").code).toBe(1);
    const bad = lantern("demo", "--learnerz", "5");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("learnerz");
  });

  it("migrate creates the schema", () => {
    expect(lantern("migrate").code).toBe(0);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'learner_summary'`).n).toBe(1);
  });

  it("import reports every bad line and changes nothing", () => {
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({ type: "course", id: "course-v1:Org+X1+2026", title: "X" }),
        "{not json",
        JSON.stringify({ type: "spaceship", id: "x" }),
      ].join("\n"),
    );
    const r = lantern("import", file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2:/);
    expect(r.err).toMatch(/line 3:/);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM courses`).n).toBe(0);
  });

  it("import loads a valid file and reports counts per type", () => {
    const file = path.join(dir, "good.jsonl");
    writeFileSync(
      file,
      [
        { type: "course", id: "course-v1:Org+X1+2026", title: "X" },
        { type: "user", username: "ada", email: "ada@example.com", name: "Ada" },
        {
          type: "enrollment",
          course_id: "course-v1:Org+X1+2026",
          user: "ada",
          mode: "verified",
          enrolled_at: "2026-03-01T10:00:00Z",
        },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    const r = lantern("import", file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/1 course/);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM enrollments`).n).toBe(1);
  });

  it("user create stores a hashed password and prints a generated one once", () => {
    const r = lantern("user", "create", "--username", "grace", "--email", "Grace@Example.com", "--role", "admin");
    expect(r.code, r.err).toBe(0);
    const shown = /Password \(shown once\): (\S+)/.exec(r.out)?.[1];
    expect(shown).toBeTruthy();
    const row = query<{ role: string; password_hash: string }>(
      `SELECT role, password_hash FROM users WHERE username = 'grace'`,
    );
    expect(row.role).toBe("admin");
    expect(row.password_hash).not.toContain(shown!);
    expect(lantern("user", "create", "--username", "x", "--email", "x@example.com", "--role", "emperor").code).not.toBe(
      0,
    );
  });

  it("key create prints a key once and stores only its hash", () => {
    const r = lantern("key", "create", "--username", "grace", "--name", "LMS");
    expect(r.code, r.err).toBe(0);
    const key = /(lk_\S+\.\S+)/.exec(r.out)?.[1];
    expect(key).toBeTruthy();
    const row = query<{ name: string; secret_hash: string }>(`SELECT name, secret_hash FROM api_keys`);
    expect(row.name).toBe("LMS");
    expect(row.secret_hash).not.toContain(key!.split(".")[1]!);
    expect(lantern("key", "create", "--username", "nobody").code).toBe(2);
  });

  it("backup writes a consistent copy that opens on its own", () => {
    const target = path.join(dir, "backup.db");
    const r = lantern("backup", target);
    expect(r.code, r.err).toBe(0);
    const copy = new Database(target, { readonly: true });
    expect((copy.prepare(`SELECT COUNT(*) AS n FROM users`).get() as { n: number }).n).toBe(2);
    copy.close();
    expect(lantern("backup", target).code).toBe(2);
  });

  it("demo is deterministic for a seed and loads through the import", () => {
    const a = path.join(dir, "a.jsonl");
    const b = path.join(dir, "b.jsonl");
    expect(lantern("demo", "--learners", "60", "--seed", "5", "--out", a).code).toBe(0);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM events`).n).toBeGreaterThan(100);
    const before = query<{ n: number }>(`SELECT COUNT(*) AS n FROM statements`).n;
    expect(lantern("demo", "--learners", "60", "--seed", "5", "--out", b).code).toBe(0);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    // Loading the same statements again changes nothing: statement ids are idempotent.
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM statements`).n).toBe(before);
  });
});
