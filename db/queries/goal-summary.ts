import type { Db } from "../client";
import { jsonValues, read } from "../sql";
import type { GoalStatus } from "@/lib/analytics/status/status-and-progress";
import { GOAL_STATUSES, TARGET_STATUSES } from "@/lib/analytics/status/status-order";
import { listGoals } from "./goals";
import { courseGoals, registrationPage, statusAndProgress, type Goal } from "./status-progress";

/**
 * Every registration's status and progress on every goal of a course, for the course-wide
 * distribution (goals list, course overview) and the goal page's table, which sorts over all
 * learners. Computing it runs the mastery model for each registration (seconds for thousands), so
 * the result is kept per course until data arrives, the model is refitted, the goals change or the
 * day turns; only what the pages show and sort on is kept, packed in typed arrays.
 */

export type StatusCounts = Record<GoalStatus, number>;

/** One goal's results; index i of each array is registration i of `CourseGoalResults.registrations`. */
export interface GoalResults {
  goal: Goal;
  counts: StatusCounts;
  /** Index into GOAL_STATUSES. */
  status: Uint8Array;
  progress: Float32Array;
  /** 0–30, or −1 when an open objective target is not fitted. */
  workRemaining: Int8Array;
  /** The 10th and 90th percentiles of the work remaining, two entries per registration (−1 as above). */
  workRemainingRange: Int8Array;
  /** `goal.targets.length` entries per registration, each an index into TARGET_STATUSES. */
  targets: Uint8Array;
  /** Registration orders for the goal page's sorts, built on first use. */
  orders: Map<string, Uint32Array>;
}

export interface CourseGoalResults {
  /** Enrollment ids in the course's stable order (enrolled_at, then id), as the Knewton API pages them. */
  registrations: string[];
  /** Position of each registration in the roster's name order (name, then username). */
  nameRank: Uint32Array;
  /** In the goals' list order (by name). */
  goals: GoalResults[];
}

// Registrations per statusAndProgress call; between calls the computation yields, so a cold start
// on a large course does not hold up every other request the server is answering.
const CHUNK = 250;
// Courses kept; each costs a few bytes per registration and goal target.
const MAX_COURSES = 32;

// The objectives come as a JSON array; PostgreSQL reads it with jsonb_array_elements_text.
const lastWrittenSql = (objectives: string) =>
  `SELECT max(last_updated_at) AS written FROM courses WHERE id = @course
     OR id IN (SELECT course_id FROM item_objectives WHERE objective_id IN (${objectives}))`;
const LAST_WRITTEN = read(
  "goal-summary.last-written",
  lastWrittenSql("SELECT value FROM json_each(@objectives)"),
  { written: "text?" },
  { postgres: lastWrittenSql(jsonValues("@objectives")) },
);
const lastFittedSql = (objectives: string) =>
  `SELECT max(fitted_at) AS fitted FROM mastery_models WHERE objective_id IN (${objectives})`;
const LAST_FITTED = read(
  "goal-summary.last-fitted",
  lastFittedSql("SELECT value FROM json_each(?)"),
  { fitted: "text?" },
  { postgres: lastFittedSql(jsonValues("?")) },
);
const NAME_ORDER = read(
  "goal-summary.name-order",
  `SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_id = ? ORDER BY u.name, u.username`,
  { id: "text" },
);

const cache = new Map<string, { key: string; value: Promise<CourseGoalResults> }>();

/** Every goal of the course, by name. */
export async function allCourseGoals(db: Db, courseId: string): Promise<Goal[]> {
  const ids = (await listGoals(db, courseId)).map((g) => g.id);
  return (await courseGoals(db, courseId, ids)).goals;
}

/**
 * What the results depend on besides the registrations' own rows: the goals as defined, the last
 * write to this course or to any course whose items assess one of its goals' objectives (mastery
 * reads attempts in every course), the latest fit of those objectives, and the as-of day.
 */
function versionOf(db: Db, courseId: string, goals: readonly Goal[], asOf: string): string {
  const s = db.$client;
  const objectives = JSON.stringify([
    ...new Set(goals.filter((g) => g.targetKind === "objective").flatMap((g) => g.targets)),
  ]);
  const written = LAST_WRITTEN.get(s, { course: courseId, objectives })?.written ?? null;
  const fitted = LAST_FITTED.get(s, objectives)?.fitted ?? null;
  return JSON.stringify([written, fitted, asOf, goals]);
}

/** Each registration's status on each of the course's goals, cached (see the top of this file). */
export async function courseGoalResults(db: Db, courseId: string, asOf: string): Promise<CourseGoalResults> {
  const goals = await allCourseGoals(db, courseId);
  const key = versionOf(db, courseId, goals, asOf);
  const hit = cache.get(courseId);
  if (hit?.key === key) return hit.value;
  // The promise is what is kept, so requests arriving during a cold computation share it.
  const value = compute(db, courseId, goals);
  cache.delete(courseId);
  if (cache.size >= MAX_COURSES) cache.delete(cache.keys().next().value!);
  cache.set(courseId, { key, value });
  value.catch(() => {
    if (cache.get(courseId)?.value === value) cache.delete(courseId);
  });
  return value;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

async function compute(db: Db, courseId: string, goals: readonly Goal[]): Promise<CourseGoalResults> {
  const registrations: string[] = [];
  const status = goals.map(() => [] as number[]);
  const progress = goals.map(() => [] as number[]);
  const work = goals.map(() => [] as number[]);
  const workRange = goals.map(() => [] as number[]);
  const targets = goals.map(() => [] as number[]);
  for (let offset = 0; ; offset += CHUNK) {
    const { rows } = await registrationPage(db, courseId, offset, CHUNK);
    const results = goals.length ? await statusAndProgress(db, courseId, goals, rows) : [];
    rows.forEach((reg, i) => {
      registrations.push(reg.id);
      results[i]?.forEach((r, j) => {
        status[j]!.push(GOAL_STATUSES.indexOf(r.status));
        progress[j]!.push(r.progress);
        work[j]!.push(r.workRemaining);
        workRange[j]!.push(...r.workRemainingRange);
        for (const t of r.targets) targets[j]!.push(TARGET_STATUSES.indexOf(t.status));
      });
    });
    if (rows.length < CHUNK) break;
    await yieldToOthers();
  }
  return {
    registrations,
    nameRank: nameRanks(db, courseId, registrations),
    goals: goals.map((goal, j) => {
      const counts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as StatusCounts;
      for (const s of status[j]!) counts[GOAL_STATUSES[s]!]++;
      return {
        goal,
        counts,
        status: Uint8Array.from(status[j]!),
        progress: Float32Array.from(progress[j]!),
        workRemaining: Int8Array.from(work[j]!),
        workRemainingRange: Int8Array.from(workRange[j]!),
        targets: Uint8Array.from(targets[j]!),
        orders: new Map(),
      };
    }),
  };
}

/** The roster's name order (name, then username); a registration enrolled since the count goes last. */
function nameRanks(db: Db, courseId: string, registrations: readonly string[]): Uint32Array {
  const ordered = NAME_ORDER.column(db.$client, "id", courseId);
  const rank = new Map(ordered.map((id, i) => [id, i]));
  return Uint32Array.from(registrations, (id) => rank.get(id) ?? ordered.length);
}

/** The status counts of each goal of the course, by name. */
export async function goalDistributions(
  db: Db,
  courseId: string,
  asOf: string,
): Promise<{ goal: Goal; counts: StatusCounts; total: number }[]> {
  const results = await courseGoalResults(db, courseId, asOf);
  return results.goals.map((g) => ({ goal: g.goal, counts: g.counts, total: results.registrations.length }));
}
