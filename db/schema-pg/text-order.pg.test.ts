import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/db";
import { testDatabase } from "@/lib/testing/postgres";

// Text sorts and compares byte by byte on both engines (docs/postgres.md § Collation): the same
// rows, the same ORDER BY, the same order — case, accents, punctuation, empty and NULL included.

const EMAILS: (string | null)[] = [
  "a",
  "A",
  "b",
  "B",
  "aa",
  "a b",
  "a-b",
  "a_b",
  "ab",
  " a",
  "-a",
  "_a",
  "~",
  "0",
  "9",
  "e",
  "é",
  "É",
  "e\u0301",
  "ä",
  "z",
  "Z",
  "ß",
  "日本",
  "😀",
  "",
  null,
  null,
];

// NULLs placed explicitly: the engines' defaults differ (the next test).
const ORDERS = [
  "email NULLS FIRST, username",
  "email DESC NULLS LAST, username",
  "lower(email) NULLS FIRST, username",
  "coalesce(email, ''), username",
  "email_sort, username",
];

describe("text order on SQLite and PostgreSQL", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  const sqlite = createTestDb();
  const client = sqlite.db.$client;

  // username u00…u27 in insertion order; email the string under test.
  const users = EMAILS.map((email, i) => ({ id: `id${i}`, username: `u${String(i).padStart(2, "0")}`, email }));
  for (const u of users) {
    client.prepare("INSERT INTO users (id, username, email) VALUES (?, ?, ?)").run(u.id, u.username, u.email);
    await pool.query("INSERT INTO users (id, username, email) VALUES ($1, $2, $3)", [u.id, u.username, u.email]);
  }
  // learner_summary for email_sort, the roster's generated key.
  const insertSummary =
    "INSERT INTO learner_summary (course_id, user_id, enrollment_id, username, name, email, mode, enrolled_at, is_active) SELECT 'c', id, id, username, '', email, 'audit', '2026-01-01', 1 FROM users";
  client.prepare(insertSummary).run();
  await pool.query(insertSummary);

  it.each(ORDERS)("ORDER BY %s", async (order) => {
    const table = order.startsWith("email_sort") ? "learner_summary" : "users";
    const query = `SELECT username FROM ${table} ORDER BY ${order}`;
    const expected = (client.prepare(query).pluck().all() as string[]).join(" ");
    const actual = (await pool.query<{ username: string }>(query)).rows.map((r) => r.username).join(" ");
    expect(actual).toBe(expected);
  });

  it("puts NULLs at opposite ends by default: SQLite first ascending, PostgreSQL last", async () => {
    const query = "SELECT username FROM users ORDER BY email, username";
    const onSqlite = client.prepare(query).pluck().all() as string[];
    const onPg = (await pool.query<{ username: string }>(query)).rows.map((r) => r.username);
    const nulls = users.filter((u) => u.email === null).map((u) => u.username);
    expect(onSqlite.slice(0, nulls.length)).toEqual(nulls);
    expect(onPg.slice(-nulls.length)).toEqual(nulls);
    expect(onPg.slice(0, -nulls.length)).toEqual(onSqlite.slice(nulls.length));
  });

  it("compares alike: <, >, BETWEEN, min, max", async () => {
    const query =
      "SELECT (SELECT count(*) FROM users WHERE email < 'a') AS lt, (SELECT count(*) FROM users WHERE email > 'Z') AS gt, (SELECT count(*) FROM users WHERE email BETWEEN 'A' AND 'b') AS btw, min(email) AS lo, max(email) AS hi FROM users";
    expect((await pool.query(query)).rows[0]).toEqual(client.prepare(query).get());
  });

  it("does so on a column without COLLATE too: the test databases are created collated C", async () => {
    const { rows } = await pool.query(
      "SELECT datcollate, datctype FROM pg_database WHERE datname = current_database()",
    );
    expect(rows[0]).toEqual({ datcollate: "C", datctype: "C" });
    const values = EMAILS.filter((e) => e !== null);
    const marks = values.map(() => "(?)").join(", ");
    const expected = client
      .prepare(`SELECT column1 FROM (VALUES ${marks}) ORDER BY 1`)
      .pluck()
      .all(...values);
    const select = `SELECT s FROM (VALUES ${values.map((_, i) => `($${i + 1})`).join(", ")}) AS v(s) ORDER BY s`;
    expect((await pool.query<{ s: string }>(select, values)).rows.map((r) => r.s)).toEqual(expected);
  });
});
