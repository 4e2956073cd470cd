import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/testing/postgres";

const migrationsFolder = "db/migrations-pg";

describe("PostgreSQL migrations", async () => {
  const { pool } = await testDatabase();
  const db = drizzle(pool);

  it("apply on a fresh database, and a second run finds nothing to do", async () => {
    await migrate(db, { migrationsFolder });
    const applied = await pool.query("SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
    await migrate(db, { migrationsFolder });
    const again = await pool.query("SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
    expect(applied.rows[0].n).toBeGreaterThanOrEqual(2);
    expect(again.rows[0].n).toBe(applied.rows[0].n);
    const ext = await pool.query("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'");
    expect(ext.rowCount).toBe(1);
  });

  it("default created_at in SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') form, booleans as 0/1", async () => {
    await pool.query("INSERT INTO users (id, username) VALUES ('u1', 'ada')");
    await pool.query("INSERT INTO courses (id) VALUES ('c1')");
    await pool.query("INSERT INTO enrollments (id, course_id, user_id, enrolled_at) VALUES ('e1', 'c1', 'u1', 'x')");
    const { rows } = await pool.query("SELECT created_at FROM users");
    expect(rows[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(rows[0].created_at) - Date.now())).toBeLessThan(60_000);
    const e = await pool.query("SELECT is_active FROM enrollments");
    expect(e.rows[0].is_active).toBe(1);
  });

  it("stores millisecond timestamps past 2^31 and reads them as numbers", async () => {
    const ts = Date.UTC(2026, 11, 4);
    await pool.query(
      "INSERT INTO events (user_id, course_id, kind, ts, day) VALUES ('u1', 'c1', 'course_launch', $1, '2026-12-04')",
      [ts],
    );
    const { rows } = await pool.query("SELECT id, ts FROM events");
    expect(rows[0]).toEqual({ id: 1, ts });
  });

  it("gives the roster's generated sort keys SQLite's values", async () => {
    await pool.query(
      `INSERT INTO learner_summary (course_id, user_id, enrollment_id, username, name, mode, enrolled_at, is_active, attempt_ratio, problem_attempts)
       VALUES ('c1', 'u1', 'e1', 'ada', 'Ada', 'audit', '2026-01-02T03:04:05Z', 1, NULL, 0),
              ('c1', 'u2', 'e2', 'bob', 'Bob', 'audit', '2026-01-03T00:00:00Z', 1, 1.5, 3)`,
    );
    const { rows } = await pool.query(
      "SELECT enrollment_day, email_sort, ratio_sort, ratio_missing FROM learner_summary ORDER BY user_id",
    );
    expect(rows).toEqual([
      { enrollment_day: "2026-01-02", email_sort: null, ratio_sort: Infinity, ratio_missing: 1 },
      { enrollment_day: "2026-01-03", email_sort: null, ratio_sort: 1.5, ratio_missing: 0 },
    ]);
  });
});
