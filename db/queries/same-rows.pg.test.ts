import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { numberPlaceholders } from "@/db/engine/placeholders";
import { declaredNames, postgresQuery } from "@/db/engine/postgres";
import { definitions, type Definition } from "@/db/sql";
import { createTestDb } from "@/lib/testing/db";
import { testDatabase } from "@/lib/testing/postgres";

// The texts given a PostgreSQL form of their own (docs/postgres.md § One text), run on both
// engines over the same small data: the same rows, with the same values and types (a sum that
// PostgreSQL makes numeric comes back as a string and fails here), in the same order where the
// text orders them.
import.meta.glob(["./**/*.ts", "!./**/*.test.ts"], { eager: true });

/** Plain INSERTs both engines take. */
const SEED = `
INSERT INTO departments (id, name, parent_id) VALUES ('d1', 'Root', NULL), ('d2', 'Sub', 'd1'), ('d3', 'Leaf', 'd2'), ('d4', 'Other', NULL);
INSERT INTO users (id, username, name, email, status, department_id) VALUES
  ('u1', 'ann', 'Ann', 'ann@example.org', 'active', 'd2'), ('u2', 'bob', 'Bob', NULL, 'active', 'd3'),
  ('u3', 'cy', 'Cy', 'cy@example.org', 'blocked', NULL), ('u4', 'dee', 'Dee', NULL, 'active', 'd4');
INSERT INTO courses (id, title, passing_score, last_updated_at) VALUES
  ('c1', 'Course One', 0.8, '2026-01-02T00:00:00.000Z'), ('c2', 'Course Two', NULL, '2026-01-03T00:00:00.000Z'),
  ('c3', 'Course Three', NULL, NULL);
INSERT INTO enrollments (id, course_id, user_id, mode, cohort, enrolled_at, is_active, access_date, due_date,
    completion_status, completed_at, score) VALUES
  ('e1', 'c1', 'u1', 'verified', 'A', '2026-01-01T10:00:00.000Z', 1, NULL, NULL, NULL, NULL, NULL),
  ('e2', 'c1', 'u2', 'audit', NULL, '2026-01-02T10:00:00.000Z', 0, '2026-01-02T11:00:00.000Z', '2026-01-20',
    'passed', '2026-01-05T00:00:00.000Z', 0.9),
  ('e3', 'c1', 'u3', 'audit', NULL, '2026-01-03T10:00:00.000Z', 1, NULL, NULL, NULL, NULL, NULL),
  ('e4', 'c2', 'u1', 'audit', NULL, '2026-01-01T09:00:00.000Z', 1, '2026-01-03T00:00:00.000Z', '2026-02-01',
    NULL, NULL, NULL),
  ('e5', 'c2', 'u4', 'audit', NULL, '2026-01-04T10:00:00.000Z', 1, NULL, NULL, 'failed', '2026-01-06T00:00:00.000Z', 0.2);
INSERT INTO objectives (id, name) VALUES ('o1', 'Fractions'), ('o2', 'Decimals'), ('o3', '');
INSERT INTO items (course_id, id, kind, title, mandatory) VALUES
  ('c1', 'p1', 'problem', 'Problem 1', 1), ('c1', 'p2', 'problem', 'Problem 2', 0), ('c1', 'v1', 'video', 'Video', 1),
  ('c2', 'p1', 'problem', 'Other problem', 1);
INSERT INTO item_objectives (course_id, item_id, objective_id) VALUES
  ('c1', 'p1', 'o1'), ('c1', 'p2', 'o1'), ('c1', 'p2', 'o2'), ('c2', 'p1', 'o2');
INSERT INTO events (user_id, course_id, item_id, kind, ts, day, success, score, duration_ms, goal_id) VALUES
  ('u1', 'c1', '', 'course_launch', 1767261600000, '2026-01-01', NULL, NULL, NULL, NULL),
  ('u1', 'c1', 'p1', 'problem_attempt', 1767261700000, '2026-01-01', 0, 0, 60000, 'g1'),
  ('u1', 'c1', 'p1', 'problem_attempt', 1767261800000, '2026-01-01', 1, 1, 50000, NULL),
  ('u1', 'c1', 'p2', 'problem_attempt', 1767600000000, '2026-01-05', 1, 0.5, NULL, 'g2'),
  ('u1', 'c1', 'v1', 'video_play', 1767600100000, '2026-01-05', NULL, NULL, 3000000000, NULL),
  ('u1', 'c1', 'v1', 'item_completed', 1767600200000, '2026-01-05', NULL, NULL, NULL, NULL),
  ('u1', 'c1', '', 'course_launch', 1767900000000, '2026-01-08', NULL, NULL, NULL, NULL),
  ('u2', 'c1', 'p1', 'problem_attempt', 1767300000000, '2026-01-01', NULL, NULL, NULL, NULL),
  ('u2', 'c1', 'p1', 'problem_attempt', 1767300100000, '2026-01-01', 0, 0, NULL, 'g1'),
  ('u2', 'c1', 'p2', 'problem_attempt', 1767300200000, '2026-01-01', NULL, NULL, NULL, NULL),
  ('u4', 'c2', '', 'course_launch', 1767500000000, '2026-01-04', NULL, NULL, NULL, NULL);
INSERT INTO mastery_models (objective_id, prior, learn, guess, slip, forget, fitted, attempts, users, log_likelihood, fitted_at) VALUES
  ('o1', 0.3, 0.2, 0.25, 0.1, 0, 1, 3000000000, 2, -1.5, '2026-01-04T00:00:00.000Z'),
  ('o2', 0.5, 0.1, 0.2, 0.1, 0, 0, 1, 1, NULL, '2026-01-06T00:00:00.000Z');
INSERT INTO learner_item_day (course_id, user_id, day, item_id, events, attempts, successes, plays, posts) VALUES
  ('c1', 'u1', '2026-01-01', '', 1, 0, 0, 0, 0), ('c1', 'u1', '2026-01-01', 'p1', 2, 2, 1, 0, 0),
  ('c1', 'u1', '2026-01-05', 'p2', 1, 1, 1, 0, 0), ('c1', 'u1', '2026-01-05', 'v1', 2, 0, 0, 1, 0),
  ('c1', 'u1', '2026-01-08', '', 1, 0, 0, 0, 0), ('c1', 'u2', '2026-01-01', 'p1', 2, 2, 0, 0, 0),
  ('c1', 'u2', '2026-01-04', 'd', 3, 0, 0, 0, 3);
INSERT INTO learner_day (course_id, user_id, day, events, problem_attempts, problems_attempted, problems_completed,
    videos_viewed, discussion_contributions) VALUES
  ('c1', 'u1', '2026-01-01', 3, 2, 1, 1, 0, 0), ('c1', 'u1', '2026-01-05', 3, 1, 1, 1, 1, 0),
  ('c1', 'u1', '2026-01-08', 1, 0, 0, 0, 0, 0), ('c1', 'u2', '2026-01-01', 2, 2, 1, 0, 0, 0),
  ('c1', 'u2', '2026-01-04', 3, 0, 0, 0, 0, 3);
INSERT INTO learner_summary (course_id, user_id, enrollment_id, username, name, email, mode, cohort, enrolled_at,
    is_active, problems_attempted, problems_completed, problem_attempts, attempt_ratio, attempt_ratio_order, days_active) VALUES
  ('c1', 'u1', 'e1', 'ann', 'Ann', 'ann@example.org', 'verified', 'A', '2026-01-01T10:00:00.000Z', 1, 2, 2, 3, 1.5, 3, 2),
  ('c1', 'u2', 'e2', 'bob', 'Bob', NULL, 'audit', NULL, '2026-01-02T10:00:00.000Z', 0, 1, 0, 2, NULL, -2, 0),
  ('c1', 'u3', 'e3', 'cy', 'Cy', 'cy@example.org', 'audit', NULL, '2026-01-03T10:00:00.000Z', 1, 0, 0, 0, NULL, 0, 1);
INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s1', 'u1', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
`;

const CANDIDATE_VALUES: Record<string, unknown> = {
  userStatuses: '["active", "blocked"]',
  enrollmentIds: '["e1", "e2"]',
  userIds: '["u1", "u2"]',
  courseIds: '["c1"]',
  departmentIds: '["d2", "d3"]',
  accessFrom: "2026-01-01",
  accessTo: "2026-12-31",
  dueFrom: "2026-01-01",
  dueTo: "2026-12-31",
  finished: '["complete", "passed", "failed"]',
  doneFrom: "2026-01-01",
  doneTo: "2026-02-01",
  after: "",
};

/** Named parameters for a text from a pool of values: exactly the names it uses. */
function named(def: Definition, values: Record<string, unknown>): [Record<string, unknown>] {
  return [Object.fromEntries((numberPlaceholders(def.text).names ?? []).map((n) => [n, values[n]]))];
}

type Case = [name: string, params: (def: Definition) => unknown[]];
const pos =
  (...values: unknown[]) =>
  () =>
    values;
const byName = (values: Record<string, unknown>) => (def: Definition) => named(def, values);
const SUMMARY_WINDOW = { course: "c1", start: "2026-01-03", end: "2026-01-10", prevStart: "2025-12-27" };

const READS: Case[] = [
  ["access.course-exists", pos("c1")],
  ["access.course-exists", pos("zz")],
  ["sessions.live", pos("s1", "u1", "2026-01-15T00:00:00.000Z")],
  ["sessions.live", pos("s1", "u1", "2026-03-01T00:00:00.000Z")],
  ["catalog.assessed-in", pos("c1", "o1")],
  ["catalog.assessed-in", pos("c1", "o3")],
  ["course-list.counts", pos("c1")],
  ["goal-learners.names", pos("c1", '["e1", "e2", "e4"]')],
  ["goal-summary.last-written", byName({ course: "c2", objectives: '["o1"]' })],
  ["goal-summary.last-written", byName({ course: "zz", objectives: "[]" })],
  ["goal-summary.last-fitted", pos('["o1", "o2"]')],
  ["goal-summary.last-fitted", pos("[]")],
  ["goal-targets.objective-names", pos('["o1", "o3", "ox"]')],
  ["goal-targets.item-titles", pos("c1", '["p1", "v1", "c2only"]')],
  ["ispring-results.activity", byName({ ids: '["e1", "e2", "e4", "e5"]' })],
  ["ispring-results.mandatory-counts", byName({ ids: '["c1", "c2", "c3"]' })],
  ["ispring-results.department-subtrees", byName({ ids: '["d1"]' })],
  ["ispring-results.department-subtrees", byName({ ids: '["d4", "d2"]' })],
  ["ispring-results.candidates[0]", byName({ ...CANDIDATE_VALUES, statuses: '["passed"]', limit: 10 })],
  ["ispring-results.candidates[1]", byName({ ...CANDIDATE_VALUES, statuses: '["not_started"]', limit: 10 })],
  ["ispring-results.candidates[2]", byName({ ...CANDIDATE_VALUES, statuses: '["passed"]', limit: 10 })],
  ["ispring-results.candidates[3]", byName({ ...CANDIDATE_VALUES, statuses: '["not_started", "failed"]', limit: 10 })],
  ["ispring-results.candidates[3]", byName({ ...CANDIDATE_VALUES, statuses: "[]", after: "e1", limit: 2 })],
  ["mastery.models", pos('["o1", "o2", "ox"]')],
  ["mastery.assessing", pos('["o1", "o2"]')],
  ["mastery.users-attempts", pos('["u1", "u2"]')],
  ["status-progress.goal-work", byName({ course: "c1", users: '["u1", "u2"]', goals: '["g1", "g2"]' })],
  ["status-progress.items-of-objectives", pos("c1", '["o1", "o2"]')],
  ["summary-rows.computed", byName({ ...SUMMARY_WINDOW, users: '["u1", "u2", "u3"]' })],
  ["summary-rows.stored", byName({ course: "c1", users: '["u1", "u2"]' })],
  ["work-outside-goal.worked", byName({ course: "c1", user: "u1", goal: "g1", items: '["p1", "p2"]' })],
  ["work-outside-goal.worked", byName({ course: "c1", user: "u2", goal: "g2", items: '["p1", "p2"]' })],
];

/** Runs of writes (and RETURNING reads), then a read of what they left. */
const WRITES: { names: string[]; runs: unknown[][]; after: string }[] = [
  {
    names: ["events.bump-item-day"],
    runs: [
      ["cw", "u1", "2026-01-01", "p1", 1, 1, 0, 0, 0],
      ["cw", "u1", "2026-01-01", "p1", 1, 1, 1, 0, 0],
      ["cw", "u1", "2026-01-01", "v1", 1, 0, 0, 1, 0],
      ["cw", "u1", "2026-01-01", "p1", -1, -1, 0, 0, 0],
    ],
    after: "SELECT * FROM learner_item_day WHERE course_id = 'cw' ORDER BY item_id",
  },
  {
    names: ["events.bump-day"],
    runs: [
      ["cw", "u1", "2026-01-01", 1, 1, 1, 0, 0, 0],
      ["cw", "u1", "2026-01-01", 2, 1, 0, 1, 1, 1],
      ["cw", "u1", "2026-01-02", 1, 0, 0, 0, 0, 1],
    ],
    after: "SELECT * FROM learner_day WHERE course_id = 'cw' ORDER BY day",
  },
  {
    names: ["derived.mark-stale"],
    runs: [
      ["cw", "u1"],
      ["cw", "u1"],
      ["cw", "u2"],
    ],
    after: "SELECT course_id, user_id FROM stale_summary ORDER BY course_id, user_id",
  },
];

const definition = (name: string) => {
  const def = definitions().find((d) => d.name === name);
  if (!def) throw new Error(`no SQL text is named ${name}`);
  return def;
};
const sortRows = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) => JSON.stringify(r))
    .sort()
    .map((r) => JSON.parse(r) as Record<string, unknown>);

describe("the texts with a PostgreSQL form, on both engines", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  await pool.query(SEED);
  const sqlite = createTestDb();
  afterAll(() => sqlite.close());
  sqlite.db.$client.exec(SEED);
  const s = sqlite.db.$client;

  /** A text's rows on PostgreSQL, with the names SQLite gives them. */
  async function onPostgres(def: Definition, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    const r = await pool.query({ ...postgresQuery(def, params), rowMode: "array" });
    const names = def.row ? declaredNames(r.fields, def.row) : r.fields.map((f) => f.name);
    return (r.rows as unknown[][]).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  }

  it.each(READS)("%s gives the same rows", async (name, params) => {
    const def = definition(name);
    expect(def.postgres ?? def.text).not.toMatch(/json_each/);
    const p = params(def);
    const expected = s.prepare(def.text).all(...p) as Record<string, unknown>[];
    const actual = await onPostgres(def, p);
    if (/\bORDER BY\b/.test(def.text)) expect(actual).toEqual(expected);
    else expect(sortRows(actual)).toEqual(sortRows(expected));
  });

  it("has cases that find rows", () => {
    const empty = READS.filter(([name, params]) => {
      const def = definition(name);
      return s.prepare(def.text).all(...params(def)).length === 0;
    }).map(([name]) => name);
    // The misses are on purpose: an unknown course, an expired session, an unassessed objective.
    expect(empty).toEqual(["access.course-exists", "sessions.live", "catalog.assessed-in"]);
  });

  it.each(WRITES)("$names.0 leaves the same rows", async ({ names, runs, after }) => {
    for (const name of names) {
      const def = definition(name);
      for (const run of runs) {
        const expected = def.row ? s.prepare(def.text).all(...run) : (s.prepare(def.text).run(...run), []);
        expect(await onPostgres(def, run)).toEqual(expected);
      }
    }
    const expected = s.prepare(after).all();
    expect(expected.length).toBeGreaterThan(0);
    expect(await onPostgres({ name: "after", text: after, row: null }, [])).toEqual(expected);
  });
});
