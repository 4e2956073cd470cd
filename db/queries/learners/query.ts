import { maskOf, SEGMENTS, type Segment } from "@/lib/analytics/segments";
import type { DayWindow } from "@/lib/time";
import { MATCHING_USERS_SQL, POSTGRES_MATCHING_USERS_SQL, singleTermConditions, type TextSearch } from "./text-search";

/**
 * The one place that writes the roster's WHERE and ORDER BY (docs/edx-api.md § The contract, learner list), for the
 * page, the count and the export alike.
 */

export type LearnerOrderBy =
  | "username"
  | "email"
  | "name"
  | "enrollment_date"
  | "discussion_contributions"
  | "problems_attempted"
  | "problems_completed"
  | "problem_attempts_per_completed"
  | "videos_viewed";
export type SortOrder = "asc" | "desc";

/** The list's filters; an absent, null or empty value is no filter. */
export interface LearnerFilters {
  textSearch?: string | null;
  /** Learners in any of these. */
  segments?: readonly Segment[] | null;
  /** Learners in none of these. */
  ignoreSegments?: readonly Segment[] | null;
  cohort?: string | null;
  enrollmentMode?: string | null;
}

/** Which learners, in which order, with engagement over which window. */
export interface LearnerSelection extends LearnerFilters {
  /** The as-of day (segments, default window). */
  asOf: string;
  /** A custom engagement window; null or absent for the default window. */
  window?: DayWindow | null;
  /** Default `username`. */
  orderBy?: LearnerOrderBy;
  /** Default `asc`. */
  sortOrder?: SortOrder;
}

/** One term of a sort: a column of `learner_summary s`, or an expression over the window CTE `w`. */
interface SortTerm {
  expr: string;
  /** Sorted in the direction opposite to the requested one (the ratio's tie-break). */
  flip?: boolean;
  /** Sorted ascending whichever the requested direction (learners without a ratio last). */
  fixed?: boolean;
  /** The expression on PostgreSQL, where SQLite's does not serve. */
  postgres?: string;
  /** May be NULL on PostgreSQL (SQLite's key is never NULL): NULLs after every value ascending, before descending. */
  nullable?: boolean;
}

const metric = (column: string, windowColumn: string): { summary: SortTerm[]; window: SortTerm[] } => ({
  summary: [{ expr: `s.${column}` }],
  window: [{ expr: `coalesce(w.${windowColumn}, 0)` }],
});

/**
 * The keys of each sort before the final `username` ascending. Summary terms match the indexes on
 * `learner_summary` (db/schema/derived.ts); `window` terms sort on a custom window's figures.
 * Nulls: `email_sort` puts a missing value after every other (docs/edx-api.md: last ascending, first
 * descending). The ratio (docs/edx-api.md): a learner with attempts and none correct sorts as +∞
 * (`ratio_sort`), one without attempts last in both directions (`ratio_missing`, fixed).
 */
const SORTS: Record<LearnerOrderBy, { summary: SortTerm[]; window?: SortTerm[] }> = {
  username: { summary: [] },
  // On PostgreSQL `email_sort` is `email` itself (docs/postgres.md § Schema).
  email: { summary: [{ expr: "s.email_sort", nullable: true }] },
  name: { summary: [{ expr: "s.name" }] },
  enrollment_date: { summary: [{ expr: "s.enrollment_day" }] },
  discussion_contributions: metric("discussion_contributions", "discussionContributions"),
  problems_attempted: metric("problems_attempted", "problemsAttempted"),
  problems_completed: metric("problems_completed", "problemsCompleted"),
  videos_viewed: metric("videos_viewed", "videosViewed"),
  problem_attempts_per_completed: {
    summary: [
      { expr: "s.ratio_missing", fixed: true },
      { expr: "s.ratio_sort" },
      { expr: "s.attempt_ratio_order", flip: true },
    ],
    window: [
      { expr: "CASE WHEN w.problemAttempts > 0 THEN 0 ELSE 1 END", fixed: true },
      {
        expr: "CASE WHEN w.problemsCompleted > 0 THEN CAST(w.problemAttempts AS REAL) / w.problemsCompleted ELSE 9e999 END",
        // PostgreSQL's REAL is single precision, and 9e999 overflows its double rather than being +∞.
        postgres:
          "CASE WHEN w.problemsCompleted > 0 THEN CAST(w.problemAttempts AS double precision) / w.problemsCompleted ELSE 'Infinity' END",
      },
      {
        expr: "CASE WHEN w.problemsCompleted > 0 THEN w.problemAttempts ELSE -coalesce(w.problemAttempts, 0) END",
        flip: true,
      },
    ],
  },
};

/** Every sort key (for the examples of the texts that depend on the sort). */
export const ORDER_BYS = Object.keys(SORTS) as LearnerOrderBy[];

/** True when the order is by an engagement figure (which segments are made of). */
export function sortsOnFigures(sel: LearnerSelection): boolean {
  return Boolean(SORTS[sel.orderBy ?? "username"].window);
}

/** True when the order depends on the engagement figures of a custom window. */
export function sortsOnWindow(sel: LearnerSelection): boolean {
  return Boolean(sel.window) && sortsOnFigures(sel);
}

/**
 * ORDER BY for a selection. `indexed: false` writes each summary term as `+expr`, which keeps
 * SQLite from reading the rows in index order, so it picks a filter's index and sorts the few rows
 * it finds instead. `reversed` turns every term round, tie-break included: usernames are unique,
 * so each order is total and its reverse is exactly the same rows from the other end (nulls too:
 * SQLite puts them first ascending and last descending).
 */
export function orderSql(sel: LearnerSelection, indexed: boolean, reversed = false): string {
  const desc = (sel.sortOrder === "desc") !== reversed;
  const sort = SORTS[sel.orderBy ?? "username"];
  const plus = indexed ? "" : "+";
  if (!sort.summary.length) return `${plus}s.username ${desc ? "DESC" : "ASC"}`;
  const windowed = sel.window && sort.window;
  const terms = (windowed ? sort.window! : sort.summary).map(
    (t) => `${windowed ? "" : plus}${t.expr} ${(t.fixed ? reversed : desc !== Boolean(t.flip)) ? "DESC" : "ASC"}`,
  );
  return [...terms, `${plus}s.username ${reversed ? "DESC" : "ASC"}`].join(", ");
}

/**
 * The same order on PostgreSQL: no index hints (its planner weighs the index against the filters
 * itself), each term's PostgreSQL expression, and NULLs placed as SQLite's never-NULL keys place
 * the missing values.
 */
export function postgresOrderSql(sel: LearnerSelection, reversed = false): string {
  const desc = (sel.sortOrder === "desc") !== reversed;
  const sort = SORTS[sel.orderBy ?? "username"];
  if (!sort.summary.length) return `s.username ${desc ? "DESC" : "ASC"}`;
  const terms = (sel.window && sort.window ? sort.window : sort.summary).map((t) => {
    const down = t.fixed ? reversed : desc !== Boolean(t.flip);
    const nulls = t.nullable ? (down ? " NULLS FIRST" : " NULLS LAST") : "";
    return `${t.postgres ?? t.expr} ${down ? "DESC" : "ASC"}${nulls}`;
  });
  return [...terms, `s.username ${reversed ? "DESC" : "ASC"}`].join(", ");
}

export interface Where {
  conditions: string[];
  /** The same conditions on PostgreSQL (docs/postgres.md § One text), with the same parameters. */
  postgres: string[];
  params: Record<string, unknown>;
}

export interface WhereOptions {
  /** False writes the conditions so that no index serves them (for a scan in sort order that tests each row). */
  indexed: boolean;
  search?: TextSearch | null;
  /** The users the search finds drive the query (few of them) rather than being tested row by row. */
  searchDrives?: boolean;
}

/**
 * The filter conditions on rows aliased `s`: a `learner_summary` row, or (without a search) a
 * `learner_group_count` row, which has the same segments, cohort and mode columns.
 */
export function filterWhere(courseId: string, f: LearnerFilters, o: WhereOptions): Where {
  const conditions = ["s.course_id = @course"];
  const postgres = ["s.course_id = @course"];
  // A condition on both engines; PostgreSQL's differs where SQLite's has an index hint (`+`).
  const add = (sqlite: string, pg = sqlite) => {
    conditions.push(sqlite);
    postgres.push(pg);
  };
  const params: Record<string, unknown> = { course: courseId };
  const any = maskOf(f.segments ?? []);
  const none = maskOf(f.ignoreSegments ?? []);
  if (any) {
    // Masks are whole numbers made here, never from input, so they are written inline.
    const masks = Array.from({ length: 1 << SEGMENTS.length }, (_, m) => m).filter(
      (m) => (m & any) !== 0 && (m & none) === 0,
    );
    add(o.indexed ? `s.segments IN (${masks.join(", ")})` : `(s.segments & ${any}) != 0`);
  }
  if (none) add(`(s.segments & ${none}) = 0`);
  const plus = o.indexed ? "" : "+";
  if (f.cohort) {
    add(`${plus}s.cohort = @cohort`, "s.cohort = @cohort");
    params.cohort = f.cohort;
  }
  if (f.enrollmentMode) {
    add(`${plus}s.mode = @mode`, "s.mode = @mode");
    params.mode = f.enrollmentMode;
  }
  const search = o.search;
  if (search?.impossible) add("0", "FALSE");
  if (search?.match) {
    add(
      `${o.searchDrives ? "" : "+"}s.user_id IN (${MATCHING_USERS_SQL})`,
      `s.user_id IN (${POSTGRES_MATCHING_USERS_SQL})`,
    );
    params.match = search.match;
    params.patterns = JSON.stringify(search.patterns);
  }
  if (search?.single.length) {
    const single = singleTermConditions(search.single);
    single.conditions.forEach((c, i) => add(c, single.postgres[i]));
    Object.assign(params, single.params);
  }
  return { conditions, postgres, params };
}

/** True when any of segments, ignore_segments, cohort or mode narrows the roster. */
export function hasGroupFilter(f: LearnerFilters): boolean {
  return Boolean(f.segments?.length || f.ignoreSegments?.length || f.cohort || f.enrollmentMode);
}
