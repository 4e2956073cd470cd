import type { Db } from "../client";
import { jsonValues, read } from "../sql";
import type { GoalResult, GoalStatus, TargetStatus } from "@/lib/analytics/status/status-and-progress";
import { GOAL_STATUSES, TARGET_STATUSES } from "@/lib/analytics/status/status-order";
import type { GoalSort, GoalTableState } from "./goal-learners-query";
import { allCourseGoals, courseGoalResults, type CourseGoalResults, type GoalResults } from "./goal-summary";
import { statusAndProgress, type Goal } from "./status-progress";
import { workOutsideGoals, type GoalOutsideWork } from "./work-outside-goal";

/** The goal page's table (one page of the course's learners on a goal, sorted over all of them) and the learner page's goals. */

export type GoalLearnerQuery = GoalTableState;

const namesSql = (ids: string) =>
  `SELECT e.id, u.username, u.name FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_id = ? AND e.id IN (${ids})`;
const NAMES = read(
  "goal-learners.names",
  namesSql("SELECT value FROM json_each(?)"),
  { id: "text", username: "text", name: "text" },
  // A JSON array parameter, as SQLite's json_each reads it (docs/postgres.md § One text).
  { postgres: namesSql(jsonValues("?")) },
);
const REGISTRATION = read(
  "goal-learners.registration",
  `SELECT e.id, e.user_id AS userId FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_id = ? AND u.username = ?`,
  { id: "text", userId: "text" },
);

export interface GoalLearnerRow {
  registrationId: string;
  username: string;
  name: string;
  status: GoalStatus;
  progress: number;
  workRemaining: number;
  /** Its 10th and 90th percentiles (docs/knewton-api.md § Status and progress). */
  workRemainingRange: [number, number];
  /** In the order of the goal's targets. */
  targets: TargetStatus[];
}

export interface GoalLearnerPage {
  goal: Goal;
  /** Learners matching the status filter. */
  count: number;
  /** Every learner who ever enrolled. */
  total: number;
  counts: GoalResults["counts"];
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
  rows: GoalLearnerRow[];
}

/**
 * Registrations in the order of a sort. Ties, and the name sort itself, fall back to the roster's
 * name order ascending, so pages never overlap. Work remaining "not enough data" (−1) is last
 * whichever the direction: it is not a number to rank.
 */
function orderOf(all: CourseGoalResults, g: GoalResults, orderBy: GoalSort, desc: boolean): Uint32Array {
  const key = `${orderBy}:${desc ? "desc" : "asc"}`;
  const hit = g.orders.get(key);
  if (hit) return hit;
  const rank = all.nameRank;
  const sign = desc ? -1 : 1;
  const primary: (a: number, b: number) => number =
    orderBy === "name"
      ? (a, b) => sign * (rank[a]! - rank[b]!)
      : orderBy === "status"
        ? (a, b) => sign * (g.status[a]! - g.status[b]!)
        : orderBy === "progress"
          ? (a, b) => sign * (g.progress[a]! - g.progress[b]!)
          : (a, b) => {
              const x = g.workRemaining[a]!;
              const y = g.workRemaining[b]!;
              return x < 0 || y < 0 ? Number(x < 0) - Number(y < 0) : sign * (x - y);
            };
  const order = Uint32Array.from(all.registrations.keys()).sort((a, b) => primary(a, b) || rank[a]! - rank[b]!);
  g.orders.set(key, order);
  return order;
}

/** One page of the course's learners on a goal; null when the course has no such goal. */
export async function goalLearnerPage(
  db: Db,
  courseId: string,
  goalId: string,
  asOf: string,
  q: GoalLearnerQuery,
): Promise<GoalLearnerPage | null> {
  const all = await courseGoalResults(db, courseId, asOf);
  const g = all.goals.find((x) => x.goal.id === goalId.toLowerCase());
  if (!g) return null;
  const order = orderOf(all, g, q.orderBy, q.sortOrder === "desc");
  const wanted = q.status === null ? -1 : GOAL_STATUSES.indexOf(q.status);
  const count = wanted < 0 ? order.length : g.counts[q.status!];
  const pages = Math.max(1, Math.ceil(count / q.pageSize));
  const page = Math.min(q.page, pages);
  const skip = (page - 1) * q.pageSize;
  const picked: number[] = [];
  for (let i = 0, seen = 0; i < order.length && picked.length < q.pageSize; i++) {
    const r = order[i]!;
    if (wanted >= 0 && g.status[r] !== wanted) continue;
    if (seen++ >= skip) picked.push(r);
  }
  const people = namesOf(
    db,
    courseId,
    picked.map((r) => all.registrations[r]!),
  );
  const width = g.goal.targets.length;
  const rows = picked.map((r) => {
    const id = all.registrations[r]!;
    const who = people.get(id);
    return {
      registrationId: id,
      username: who?.username ?? "",
      name: who?.name ?? "",
      status: GOAL_STATUSES[g.status[r]!]!,
      progress: g.progress[r]!,
      workRemaining: g.workRemaining[r]!,
      workRemainingRange: [g.workRemainingRange[2 * r]!, g.workRemainingRange[2 * r + 1]!] as [number, number],
      targets: Array.from(g.targets.subarray(r * width, (r + 1) * width), (t) => TARGET_STATUSES[t]!),
    };
  });
  return { goal: g.goal, count, total: order.length, counts: g.counts, page, rows };
}

/** Read fresh for the rows shown, so a renamed learner shows their new name. */
function namesOf(
  db: Db,
  courseId: string,
  registrationIds: readonly string[],
): Map<string, { username: string; name: string }> {
  const rows = NAMES.all(db.$client, courseId, JSON.stringify(registrationIds));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A learner's status and progress on every goal of the course, topics included, computed for this
 * one registration (the same function the API and the course-wide results use), with their work on
 * each goal's targets outside the goal; null when the learner never enrolled in the course.
 */
export async function learnerGoals(
  db: Db,
  courseId: string,
  username: string,
): Promise<{ goal: Goal; result: GoalResult; outside: GoalOutsideWork }[] | null> {
  const reg = REGISTRATION.get(db.$client, courseId, username);
  if (!reg) return null;
  const goals = await allCourseGoals(db, courseId);
  if (!goals.length) return [];
  const [results] = await statusAndProgress(db, courseId, goals, [reg]);
  const outside = workOutsideGoals(db, courseId, reg.userId, goals);
  return goals.map((goal, j) => ({ goal, result: results![j]!, outside: outside.get(goal.id)! }));
}
