import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// Two writers: the real CLI in child processes, against a real database file whose write lock
// another process holds in an open BEGIN IMMEDIATE transaction, as a running import does.
const dir = mkdtempSync(path.join(tmpdir(), "lantern-write-turn-"));
const dbFile = path.join(dir, "lantern.db");
const env = { ...process.env, DATABASE_URL: dbFile, LANTERN_AS_OF: "2026-03-20" };
const STACK = /^\s+at /m;
const COURSE = "course-v1:Org+Second+2026";

function lantern(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["bin/lantern.mjs", ...args], {
    env: { ...env, ...extraEnv },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every table's rows, to compare the database before and after. */
function dump(): Record<string, unknown[]> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
  } finally {
    db.close();
  }
}

let holder: ChildProcess | undefined;

/**
 * Another process takes the write lock, writes a course it never commits, and rolls back after
 * `releaseMs` (or when killed). Resolves once it holds the lock.
 */
function holdWriteLock(releaseMs: number): Promise<void> {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO courses (id, title) VALUES ('held-course', 'Never committed')").run();
    console.log("held");
    setTimeout(() => { db.exec("ROLLBACK"); db.close(); }, ${releaseMs});`;
  holder = spawn(process.execPath, ["-e", script, dbFile], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    holder!.stdout!.on("data", (d: Buffer) => d.toString().includes("held") && resolve());
    holder!.on("exit", (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
}

/**
 * The CLI, run without blocking this process; `onErr` sees its stderr as it comes (to release the
 * lock once the command says it waits, whatever the machine's speed).
 */
function lanternAsync(
  args: string[],
  extraEnv: Record<string, string> = {},
  onErr: (soFar: string) => void = () => undefined,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ["bin/lantern.mjs", ...args], { env: { ...env, ...extraEnv } });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
    onErr(err);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out, err })));
}

const importFile = path.join(dir, "second.jsonl");

beforeAll(() => {
  expect(lantern(["migrate"]).code).toBe(0);
  expect(
    lantern([
      "user",
      "create",
      "--username",
      "ada",
      "--email",
      "ada@example.com",
      "--role",
      "admin",
      "--password",
      "pw-ada-123",
    ]).code,
  ).toBe(0);
  writeFileSync(importFile, `${JSON.stringify({ type: "course", id: COURSE, title: "The second import" })}\n`);
});
afterEach(() => {
  holder?.kill();
  holder = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a command that writes while another process holds the write lock", () => {
  it("gives up after LANTERN_WRITE_WAIT_S with one clear line, exit code 1, and the database unchanged", async () => {
    await holdWriteLock(60_000);
    const before = dump();
    const writers: [string, string[]][] = [
      ["import", ["import", importFile]],
      ["user", ["user", "create", "--username", "grace", "--email", "grace@example.com", "--role", "user"]],
      ["key", ["key", "create", "--username", "ada"]],
      ["refit", ["refit"]],
      ["demo", ["demo", "--learners", "5"]],
    ];
    for (const [name, args] of writers) {
      const r = lantern(args, { LANTERN_WRITE_WAIT_S: "1" });
      expect(r.code, `${name}: ${r.err}`).toBe(1);
      expect(r.err).toContain(`Another write is in progress on ${dbFile}`);
      expect(r.err).toContain(`lantern ${name}: another write still held ${dbFile} after 1 s; nothing was changed.`);
      expect(r.err + r.out).not.toMatch(STACK);
    }
    // Migrating with nothing to migrate and backing up only read: they go on beside the writer.
    expect(lantern(["migrate"], { LANTERN_WRITE_WAIT_S: "1" })).toMatchObject({ code: 0 });
    expect(lantern(["backup", path.join(dir, "beside.db")], { LANTERN_WRITE_WAIT_S: "1" })).toMatchObject({ code: 0 });
    expect(dump()).toEqual(before);
  }, 60_000);

  it("waits its turn, saying so, and lands once the other write has finished", async () => {
    await holdWriteLock(60_000);
    let released = false;
    // The holder lets go a second after the command says it is waiting.
    const r = await lanternAsync(["import", importFile], {}, (err) => {
      if (released || !/waiting for it to finish/.test(err)) return;
      released = true;
      setTimeout(() => holder?.kill("SIGTERM"), 1_000);
    });
    expect(released).toBe(true);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /Another write is in progress on .*; waiting for it to finish \(up to 60 min\)…\nThe other write has finished; going on\./,
    );
    expect(r.err + r.out).not.toMatch(STACK);
    expect(r.out).toContain("Imported 1 course.");
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare(`SELECT id FROM courses ORDER BY id`).pluck().all()).toEqual([COURSE]);
    db.close();
  }, 60_000);
});

describe("expected conditions are one line, without a stack trace, and a non-zero exit", () => {
  const notSqlite = path.join(dir, "notes.txt");
  beforeAll(() => writeFileSync(notSqlite, "these are not the tables you are looking for\n"));

  it.each<[string, string[], Record<string, string>, RegExp]>([
    [
      "a database that is not SQLite",
      ["refit"],
      { DATABASE_URL: notSqlite },
      /^lantern refit: the database .*notes\.txt: file is not a database \(SQLITE_NOTADB\)\.$/,
    ],
    ["an import of a directory", ["import", "."], {}, /^lantern import: \. is not a file$/],
    ["an import of no file", ["import", "nope.jsonl"], {}, /^lantern import: no such file: nope\.jsonl$/],
    [
      "a database that cannot be opened",
      ["migrate"],
      { DATABASE_URL: dir },
      /^lantern migrate: the database .*: unable to open database file \(SQLITE_CANTOPEN\)\.$/,
    ],
    [
      "a backup into no folder",
      ["backup", path.join(dir, "no-such-folder", "copy.db")],
      {},
      /^lantern backup: no folder .*no-such-folder to write copy\.db into$/,
    ],
    ["a key for an unknown user", ["key", "create", "--username", "nobody"], {}, /^lantern key: no user "nobody"$/],
    [
      "a bad wait",
      ["import", importFile],
      { LANTERN_WRITE_WAIT_S: "soon" },
      /^lantern import: LANTERN_WRITE_WAIT_S must be a number of seconds ≥ 0; got "soon"\.$/,
    ],
  ])("%s", (_label, args, extraEnv, message) => {
    const r = lantern(args, extraEnv);
    expect(r.code).not.toBe(0);
    expect(r.err + r.out).not.toMatch(STACK);
    expect(r.err.trim().split("\n")[0]).toMatch(message);
  });
});
