import { jsonValues, oneOf, read, reads, type RowOf } from "../sql";
import { COMPLETION_STATUSES, type CompletionStatus, type UserStatus } from "../schema";
import { FINISHED_STATUSES } from "@/lib/analytics/ispring-result";

/**
 * The SQL of iSpring learners' results (ispring-results.ts): the filter's conditions, the page of
 * candidate enrollments, and the set-based reads of their activity — each with its PostgreSQL text.
 */

interface Range {
  from?: string;
  to?: string;
}

export interface ResultsFilter {
  enrollmentIds?: readonly string[];
  userIds?: readonly string[];
  courseIds?: readonly string[];
  /** Users of exactly these departments; undefined for any user, with or without one. */
  departmentIds?: readonly string[];
  userStatuses: readonly UserStatus[];
  completionStatuses?: readonly CompletionStatus[];
  /** ISO 8601 bounds, inclusive. */
  accessDate?: Range;
  dueDate?: Range;
  completionDate?: Range;
}

// Statuses the rules can give an enrollment without an explicit one.
export const DERIVED = new Set<CompletionStatus>(["not_started", "in_progress", "complete", "passed", "failed"]);

/**
 * What the texts say differently on each engine (docs/postgres.md § One text): a list parameter is
 * a JSON array (SQLite's json_each, PostgreSQL's jsonb_array_elements_text), and PostgreSQL's
 * conditions are booleans, not integers.
 */
interface Dialect {
  inList: (param: string) => string;
  always: string;
}
const SQLITE: Dialect = { inList: (param) => `(SELECT value FROM json_each(@${param}))`, always: "1" };
const POSTGRES: Dialect = {
  inList: (param) => `(${jsonValues(`@${param}`)})`,
  always: "TRUE",
};
const HAS_EVENTS = `EXISTS (SELECT 1 FROM events ev WHERE ev.course_id = e.course_id AND ev.user_id = e.user_id)`;

/** Without an explicit status, not_started means no event and every other derived status some. */
function unsetStatusCondition(derived: readonly CompletionStatus[], d: Dialect): string | null {
  if (derived.length === 0) return null;
  if (!derived.includes("not_started")) return HAS_EVENTS;
  return derived.length === 1 ? `NOT ${HAS_EVENTS}` : d.always;
}

/**
 * The conditions SQL can check on the enrollment itself. Status and completion date may be the
 * rules' (from events), so for them SQL only drops the rows that cannot match; `matches` decides.
 */
export function conditions(f: ResultsFilter, d: Dialect = SQLITE): { where: string[]; params: Record<string, string> } {
  const { inList } = d;
  const where = [`u.status IN ${inList("userStatuses")}`];
  const params: Record<string, string> = { userStatuses: JSON.stringify(f.userStatuses) };
  const list = (name: string, column: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    where.push(`${column} IN ${inList(name)}`);
    params[name] = JSON.stringify(values);
  };
  const bounds = (name: string, column: string, r: Range | undefined): string[] => {
    const out: string[] = [];
    if (r?.from) {
      out.push(`${column} >= @${name}From`);
      params[`${name}From`] = r.from;
    }
    if (r?.to) {
      out.push(`${column} <= @${name}To`);
      params[`${name}To`] = r.to;
    }
    return out;
  };
  list("enrollmentIds", "e.id", f.enrollmentIds);
  list("userIds", "e.user_id", f.userIds);
  list("courseIds", "e.course_id", f.courseIds);
  list("departmentIds", "u.department_id", f.departmentIds);
  where.push(
    ...bounds("access", "coalesce(e.access_date, e.enrolled_at)", f.accessDate),
    ...bounds("due", "e.due_date", f.dueDate),
  );
  if (f.completionStatuses) {
    params.statuses = JSON.stringify(f.completionStatuses);
    const unset = unsetStatusCondition(
      f.completionStatuses.filter((s) => DERIVED.has(s)),
      d,
    );
    const explicit = `e.completion_status IN ${inList("statuses")}`;
    where.push(unset === null ? explicit : `(${explicit} OR (e.completion_status IS NULL AND ${unset}))`);
  }
  if (f.completionDate) {
    // Only a finished status has a completion date; an explicit one outside the range cannot match.
    params.finished = JSON.stringify([...FINISHED_STATUSES]);
    where.push(`(e.completion_status IS NULL OR e.completion_status IN ${inList("finished")})`);
    const done = bounds("done", "e.completed_at", f.completionDate);
    if (done.length) where.push(`(e.completed_at IS NULL OR (${done.join(" AND ")}))`);
  }
  return { where, params };
}

const AFTER = `e.id > @after`;
const CANDIDATES_ROW = {
  id: "text",
  userId: "text",
  courseId: "text",
  title: "text",
  accessDate: "text",
  dueDate: "text?",
  expirationDate: "text?",
  status: oneOf(COMPLETION_STATUSES, { nullable: true }),
  completedAt: "text?",
  score: "real?",
  passingScore: "real?",
} as const;

/** Which conditions a page's read has: those of the filter, and `AFTER` when it continues a page. */
interface CandidatesChoice {
  filter: ResultsFilter;
  after: boolean;
}
const candidatesSql = ({ filter, after }: CandidatesChoice, d: Dialect) => {
  const { where } = conditions(filter, d);
  if (after) where.push(AFTER);
  return `SELECT e.id, e.user_id AS userId, e.course_id AS courseId, c.title, coalesce(e.access_date, e.enrolled_at) AS accessDate,
       e.due_date AS dueDate, e.expiration_date AS expirationDate, e.completion_status AS status, e.completed_at AS completedAt,
       e.score, c.passing_score AS passingScore
     FROM enrollments e JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id
     WHERE ${where.join(" AND ")} ORDER BY e.id LIMIT @limit`;
};

/** The enrollments matching a filter's conditions (those `conditions` makes, and `AFTER`), by id. */
export const CANDIDATES = reads(
  "ispring-results.candidates",
  (c: CandidatesChoice) => candidatesSql(c, SQLITE),
  CANDIDATES_ROW,
  // Every part `conditions` can give: each list and bound, each form of the completion status
  // condition (explicit only; without an explicit status: no events, some events, either), the
  // completion date with one bound or two; and the page's continuation.
  (
    [
      {
        enrollmentIds: ["e"],
        userIds: ["u"],
        courseIds: ["c"],
        departmentIds: ["d"],
        userStatuses: ["active"],
        completionStatuses: ["pending"],
        accessDate: { from: "a", to: "b" },
        dueDate: { from: "a", to: "b" },
        completionDate: { from: "a", to: "b" },
      },
      { userStatuses: ["active"], completionStatuses: ["not_started"], completionDate: { from: "a" } },
      { userStatuses: ["active"], completionStatuses: ["passed"], completionDate: { to: "b" } },
      { userStatuses: ["active"], completionStatuses: ["not_started", "failed"] },
    ] satisfies ResultsFilter[]
  ).map((filter): CandidatesChoice => ({ filter, after: true })),
  { postgres: (c) => candidatesSql(c, POSTGRES) },
);

export type Candidate = RowOf<typeof CANDIDATES_ROW>;

// PostgreSQL's: a boolean counted as 0/1, and the sum of a bigint (numeric there) cast back to one.
const activitySql = (d: Dialect, launch: string, duration: string) =>
  `SELECT g.id, coalesce(i.mandatory, 0) AS mandatory, g.n, g.duration, g.launches, g.completed, g.best FROM (
     SELECT e.id, e.course_id, ev.item_id, COUNT(*) AS n, ${duration} AS duration,
       SUM(${launch}) AS launches,
       MIN(CASE WHEN ev.kind IN ('item_completed', 'item_scored') OR (ev.kind = 'problem_attempt' AND ev.success = 1) THEN ev.ts END) AS completed,
       MAX(ev.score) AS best
     FROM enrollments e JOIN events ev ON ev.course_id = e.course_id AND ev.user_id = e.user_id
     WHERE e.id IN ${d.inList("ids")}
     GROUP BY e.id, ev.item_id
   ) g LEFT JOIN items i ON i.course_id = g.course_id AND i.id = g.item_id`;
export const ACTIVITY = read(
  "ispring-results.activity",
  activitySql(SQLITE, "ev.kind = 'course_launch'", "coalesce(SUM(ev.duration_ms), 0)"),
  { id: "text", mandatory: "int", n: "int", duration: "int", launches: "int", completed: "int?", best: "real?" },
  {
    postgres: activitySql(POSTGRES, "(ev.kind = 'course_launch')::integer", "coalesce(SUM(ev.duration_ms), 0)::bigint"),
  },
);

const mandatoryCountsSql = ({ inList }: Dialect) =>
  `SELECT course_id, COUNT(*) AS n FROM items WHERE mandatory = 1 AND course_id IN ${inList("ids")} GROUP BY course_id`;
export const MANDATORY_COUNTS = read(
  "ispring-results.mandatory-counts",
  mandatoryCountsSql(SQLITE),
  { course_id: "text", n: "int" },
  { postgres: mandatoryCountsSql(POSTGRES) },
);

const subtreesSql = ({ inList }: Dialect) =>
  `WITH RECURSIVE tree(id) AS (
     SELECT id FROM departments WHERE id IN ${inList("ids")}
     UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
   ) SELECT id FROM tree ORDER BY id`;
export const SUBTREES = read(
  "ispring-results.department-subtrees",
  subtreesSql(SQLITE),
  { id: "text" },
  { postgres: subtreesSql(POSTGRES) },
);
