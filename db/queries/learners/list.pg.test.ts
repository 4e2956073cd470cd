import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { declaredNames, postgresQuery } from "@/db/engine/postgres";
import { definitions, Read, type RowSpec } from "@/db/sql";
import { createTestDb } from "@/lib/testing/db";
import { testDatabase } from "@/lib/testing/postgres";
import { COUNT_GROUPS, COUNT_ROWS, EXPORT, PAGE, SUMMARY_ROWS_OF, WINDOW_ORDER } from "./list-sql";
import {
  filterWhere,
  ORDER_BYS,
  sortsOnFigures,
  sortsOnWindow,
  type LearnerFilters,
  type LearnerSelection,
} from "./query";
import "./profile";
import { textSearchOf } from "./text-search";

// The roster's texts on both engines (docs/postgres.md § One text): the same rows, in the same
// order, for the same data and parameters — every sort both ways and from either end, with and
// without a custom window, each filter indexed or not, and searches of every kind of term.

const COURSE = "course-v1:Org+PG+2026";
const OTHER = "course-v1:Org+Other+2026";
const WINDOW = { start: "2026-03-01", end: "2026-03-08" };
const BASES = ["ali", "Ali", "bob", "Émi", "zoë", "a_b", "x%y", "Ōe", "ÅSA", "b\\c"];
const NAMES = ["Ali Baba", "émilie Châtelet", "Émile Zola", "50% Ali", "ZOË o'Brien", "grace_hopper", "Ōe Kenzaburō"];

/** One learner's rows, varied so that every sort has ties broken by username and NULLs where a column allows them. */
function learner(i: number) {
  const username = `${BASES[i % BASES.length]}${i}`;
  const attempted = i % 6;
  const completed = Math.min(attempted, i % 4);
  const attempts = attempted === 0 ? (i % 11 === 0 ? 3 : 0) : attempted * 2 + (i % 3);
  return {
    user: {
      id: `id-${i}`,
      username,
      name: `${NAMES[i % NAMES.length]} ${i % 7}`,
      email: i % 4 ? `${username}@Example.org` : null,
    },
    summary: {
      course_id: i % 10 === 9 ? OTHER : COURSE,
      user_id: `id-${i}`,
      enrollment_id: `e-${i}`,
      username,
      name: `${NAMES[i % NAMES.length]} ${i % 7}`,
      email: i % 4 ? `${username}@Example.org` : null,
      mode: i % 3 ? "audit" : "verified",
      cohort: i % 5 ? (i % 2 ? "A" : "B") : null,
      enrolled_at: `2026-01-0${1 + (i % 9)}T10:00:00.000Z`,
      is_active: i % 13 ? 1 : 0,
      problems_attempted: attempted,
      problems_completed: completed,
      problem_attempts: attempts,
      attempt_ratio: completed ? attempts / completed : null,
      attempt_ratio_order: completed ? attempts : -attempts,
      videos_viewed: i % 5,
      discussion_contributions: i % 3,
      days_active: i % 4,
      days_active_prev: i % 2,
      segments: i % 9 ? i % 32 : null,
    },
    days: ["2026-02-28", "2026-03-01", "2026-03-04", "2026-03-07", "2026-03-08"]
      .filter((_, d) => (i + d) % 3 !== 0)
      .flatMap((day, d) =>
        ["p1", "p2", "v1", ""].slice(0, 1 + ((i + d) % 4)).map((item, k) => ({
          course_id: i % 10 === 9 ? OTHER : COURSE,
          user_id: `id-${i}`,
          day,
          item_id: item,
          events: 1,
          attempts: item.startsWith("p") ? (i + k) % 4 : 0,
          successes: item.startsWith("p") ? (i + d) % 2 : 0,
          plays: item === "v1" ? 1 : 0,
          posts: item === "" ? (i + d) % 3 : 0,
        })),
      ),
  };
}

const LEARNERS = Array.from({ length: 90 }, (_, i) => learner(i));

type Row = Record<string, unknown>;

const sqlite = createTestDb();
afterAll(() => sqlite.close());

function insertSqlite(table: string, rows: readonly Row[]): void {
  const columns = Object.keys(rows[0]!);
  const insert = sqlite.db.$client.prepare(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  sqlite.db.$client.transaction(() => rows.forEach((r) => insert.run(r)))();
}

describe("the roster's texts on PostgreSQL", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });

  async function insertPg(table: string, rows: readonly Row[]): Promise<void> {
    for (const r of rows) {
      const columns = Object.keys(r);
      await pool.query(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(r),
      );
    }
  }

  const tables: [string, Row[]][] = [
    ["users", LEARNERS.map((l) => l.user)],
    ["learner_summary", LEARNERS.map((l) => l.summary)],
    ["learner_item_day", LEARNERS.flatMap((l) => l.days)],
  ];
  for (const [table, rows] of tables) {
    insertSqlite(table, rows);
    await insertPg(table, rows);
  }
  const groups = sqlite.db.$client
    .prepare(
      "SELECT course_id, segments, cohort, mode, COUNT(*) AS learners FROM learner_summary WHERE segments IS NOT NULL GROUP BY 1, 2, 3, 4",
    )
    .all() as Row[];
  insertSqlite("learner_group_count", groups);
  await insertPg("learner_group_count", groups);
  await pool.query("ANALYZE");

  /** A read's rows on PostgreSQL, named as declared, from its PostgreSQL text. */
  async function onPostgres<S extends RowSpec>(read: Read<S>, ...params: unknown[]): Promise<Row[]> {
    const r = await pool.query(postgresQuery(read, params));
    const names = declaredNames(r.fields, read.row);
    return r.rows.map((row: Row) => Object.fromEntries(r.fields.map((f, i) => [names[i]!, row[f.name]])));
  }

  /** The same read on both engines gives the same rows (`json` compared as the values it holds). */
  async function same<S extends RowSpec>(read: Read<S>, params: unknown[], sorted = false): Promise<number> {
    const parse = (rows: Row[]) =>
      rows.map((r) => ("json" in r ? { json: JSON.parse(r.json as string) as unknown } : r));
    const order = (rows: Row[]) =>
      sorted ? rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : rows;
    const expected = order(parse(read.all(sqlite.db.$client, ...(params as [Row]))));
    expect(order(parse(await onPostgres(read, ...params))), read.postgres).toEqual(expected);
    return expected.length;
  }

  const FILTERS: LearnerFilters[] = [
    {},
    { cohort: "A" },
    { segments: ["struggling", "inactive"], ignoreSegments: ["unenrolled"] },
    { enrollmentMode: "verified", cohort: "B" },
  ];
  const SELECTIONS: LearnerSelection[] = ORDER_BYS.flatMap((orderBy) =>
    (["asc", "desc"] as const).flatMap((sortOrder) =>
      [null, WINDOW].map((window) => ({ asOf: "2026-03-20", orderBy, sortOrder, window })),
    ),
  );

  it("pages, counts, orders and exports every sort and filter alike", async () => {
    let rows = 0;
    for (const sel of SELECTIONS)
      for (const f of FILTERS)
        for (const indexed of [true, false]) {
          const where = filterWhere(COURSE, f, { indexed });
          const withWindow = sel.window
            ? { ...where.params, windowStart: WINDOW.start, windowEnd: WINDOW.end }
            : where.params;
          await same(COUNT_ROWS(where), [where.params]);
          if (indexed) await same(COUNT_GROUPS(where), [where.params]);
          for (const reversed of sortsOnWindow(sel) ? [] : [false, true])
            rows += await same(PAGE({ sel: { ...sel, ...f }, where, indexedOrder: indexed, reversed }), [
              { ...where.params, limit: 9, offset: 4 },
            ]);
          rows += await same(EXPORT({ sel: { ...sel, ...f }, where, indexedOrder: indexed }), [withWindow]);
          if (sel.window && sortsOnFigures(sel))
            rows += await same(WINDOW_ORDER({ sel: { ...sel, ...f }, where, indexedOrder: indexed }), [withWindow]);
        }
    expect(rows).toBeGreaterThan(10_000);
  });

  it.each(["ali", "ÉMI", "a", "li ob", "x%", "a_", "\\c", "zq", "ALI a", "zoë org", "ōe k"])(
    "searches %j alike",
    async (text) => {
      const search = textSearchOf(sqlite.db.$client, text)!;
      const counts = new Set<number>();
      for (const orderBy of ["username", "name", "videos_viewed"] as const)
        for (const window of [null, WINDOW])
          for (const searchDrives of [false, true]) {
            const sel: LearnerSelection = { asOf: "2026-03-20", orderBy, window };
            const where = filterWhere(COURSE, {}, { indexed: false, search, searchDrives });
            const params = { ...where.params, windowStart: WINDOW.start, windowEnd: WINDOW.end };
            counts.add(await same(COUNT_ROWS(where), [where.params]));
            if (!sortsOnWindow(sel))
              await same(PAGE({ sel, where, indexedOrder: !searchDrives }), [
                { ...where.params, limit: 50, offset: 0 },
              ]);
            await same(EXPORT({ sel, where, indexedOrder: !searchDrives }), [params]);
            if (window && orderBy === "videos_viewed")
              await same(WINDOW_ORDER({ sel, where, indexedOrder: !searchDrives }), [params]);
          }
      expect(counts.size).toBe(1);
      if (text !== "zq") expect([...counts][0]).toBeGreaterThan(0);
    },
  );

  it("reads a few learners' summary rows alike", async () => {
    const ids = JSON.stringify(["id-3", "id-40", "id-77", "id-9", "missing"]);
    expect(await same(SUMMARY_ROWS_OF, [COURSE, ids], true)).toBe(3);
  });

  it("reads a few learners' profiles and window figures alike", async () => {
    const defined = (name: string) => {
      const d = definitions().find((def) => def.name === name)!;
      return new Read(d.name, d.text, d.row!, d.postgres);
    };
    const ids = JSON.stringify(["id-3", "id-40", "id-77", "id-9", "missing"]);
    expect(await same(defined("learners/profile.of-users"), [ids], true)).toBe(4);
    const window = { course: COURSE, users: ids, windowStart: WINDOW.start, windowEnd: WINDOW.end };
    expect(await same(defined("learners/window.figures-of-users"), [window], true)).toBeGreaterThan(1);
  });

  it.each(["al", "ÉM", "ås", "x%", "a_", "o'", "ba", "rg", "zq"])(
    "lists the indexed trigrams that start with %j alike",
    async (term) => {
      const vocab = definitions().find((def) => def.name === "learners/text-search.vocab")!;
      const read = new Read(vocab.name, vocab.text, vocab.row!, vocab.postgres);
      const folded = term.toLowerCase();
      const found = await same(read, [folded, `${folded}\u{10FFFF}`]);
      if (term !== "zq") expect(found).toBeGreaterThan(0);
    },
  );
});
