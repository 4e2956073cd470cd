import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureCourseFresh } from "@/db/queries/derived";
import { refitMastery } from "@/db/queries/mastery";
import { loadDemo } from "@/lib/cli/demo";
import { asOfDay } from "@/lib/env";
import { createTestDb } from "@/lib/testing/db";
import { createDatabase } from "@/lib/testing/postgres";
import { definitions } from "../sql";
import { copyIntoPostgres, sqliteSide } from "./copy";
import { openPool, postgresAll } from "./postgres";

// Every query module, so that every registered SQL text is at hand.
import.meta.glob(["../queries/**/*.ts", "!../queries/**/*.test.ts"], { eager: true });

/**
 * One text, the same answers (docs/postgres.md § One text): registered reads run on the demo in
 * SQLite and on its copy in PostgreSQL, with the same parameters, give the same rows. A read
 * without ORDER BY is compared as a set.
 */
describe("registered reads answer alike on SQLite and PostgreSQL", async () => {
  const t = createTestDb();
  afterAll(t.close);
  const s = t.db.$client;
  expect(await loadDemo(t.db, { learners: 30 })).toBe(true);
  refitMastery(t.db, { force: true });
  for (const { id } of s.prepare(`SELECT id FROM courses`).all() as { id: string }[]) ensureCourseFresh(t.db, id);
  const pool = openPool(await createDatabase(inject("postgresUrl")));
  afterAll(() => pool.end());
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  const client = await pool.connect();
  afterAll(() => client.release());
  await copyIntoPostgres(sqliteSide(s), client);

  const one = <T>(sql: string, ...params: unknown[]) => s.prepare(sql).get(...params) as T;
  const e = one<{ id: string; course: string; user: string; username: string; email: string; cohort: string | null }>(
    `SELECT e.id, e.course_id AS course, e.user_id AS user, u.username, u.email_lower AS email, e.cohort
     FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort IS NOT NULL ORDER BY e.id LIMIT 1`,
  );
  const staff = one<{ user: string; course: string }>(
    `SELECT user_id AS user, course_id AS course FROM course_staff LIMIT 1`,
  );
  const manager = one<{ user: string }>(`SELECT user_id AS user FROM managed_departments LIMIT 1`);
  const goal = one<{ id: string }>(`SELECT id FROM goals WHERE course_id = ? LIMIT 1`, e.course);
  const item = one<{ id: string }>(
    `SELECT item_id AS id FROM events WHERE course_id = ? AND user_id = ? AND item_id <> '' LIMIT 1`,
    e.course,
    e.user,
  );
  const objective = one<{ id: string }>(`SELECT id FROM objectives LIMIT 1`);
  const statement = one<{ id: string }>(`SELECT id FROM statements LIMIT 1`);
  const dept = one<{ id: string }>(`SELECT id FROM departments WHERE parent_id IS NOT NULL LIMIT 1`);
  const asOf = asOfDay();
  const weekAgo = new Date(Date.parse(asOf) - 7 * 86_400_000).toISOString().slice(0, 10);

  const cases: [string, unknown[]][] = [
    ["access.active-user", [e.user]],
    ["access.staff-role", [staff.user, staff.course]],
    ["access.registration-owner", [e.id]],
    ["access.managed-department-tree", [manager.user]],
    ["catalog.course", [e.course]],
    ["catalog.enrollment", [e.course, e.user]],
    ["catalog.objective", [objective.id]],
    ["catalog.item", [e.course, item.id]],
    ["catalog.goal", [goal.id]],
    ["learners/group-counts.stored", [e.course]],
    ["learners/group-counts.counted", [e.course]],
    ["summary-rows.next-enrolled", [e.course, ""]],
    ["derived.state", [e.course]],
    ["derived.figures", [e.course]],
    ["course-trend.days", [e.course, weekAgo]],
    ["engagement.window-metrics", [e.course, e.user, weekAgo, asOf]],
    ["engagement.days-in-window", [e.course, e.user, "2000-01-01", asOf]],
    ["engagement.all-days", [e.course, e.user]],
    ["events.by-statement", [statement.id]],
    ["goals.of-course", [e.course]],
    ["goals.one", [goal.id, e.course]],
    ["mastery.all-attempts", []],
    ["status-progress.registration-page", [e.course, 50, 0]],
    ["goal-summary.name-order", [e.course]],
    ["goal-learners.registration", [e.course, e.username]],
    ["learners/detail.summary", [e.course, e.username]],
    ["learners/metadata.cohort-names", [e.course]],
    ["learners/metadata.cohort-exists", [{ course: e.course, name: e.cohort }]],
    ["learners/metadata.mode-exists", [e.course, "audit"]],
    ["learners/standing.of-username", [e.course, e.username]],
    ["learners/window-ranges.figures", [{ course: e.course, start: weekAgo, end: asOf }]],
    ["overview.loaded", []],
    ["path-session.user", [e.user, e.user, e.email, e.user, e.user]],
    ["path-session.items", [e.course]],
    ["path-session.events", [e.course, e.user]],
    ["statements.get", [statement.id]],
    ["users.by-id", [e.user]],
    ["users.by-email", [e.email]],
    ["users.courses", [e.user]],
    ["users.department", [dept.id]],
  ];

  it.each(cases)("%s", async (name, params) => {
    const def = definitions().find((d) => d.name === name);
    expect(def, name).toBeDefined();
    const onSqlite = s.prepare(def!.text).all(...params) as Record<string, unknown>[];
    const onPostgres = await postgresAll(client, def!, ...params);
    expect(onSqlite.length, "the case reads something").toBeGreaterThan(0);
    const ordered = /ORDER BY/i.test(def!.text);
    const asSet = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
    if (ordered) expect(onPostgres).toEqual(onSqlite);
    else expect(asSet(onPostgres)).toEqual(asSet(onSqlite));
  });
});
