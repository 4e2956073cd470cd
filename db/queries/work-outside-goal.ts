import type { Db } from "../client";
import { jsonValues, read } from "../sql";
import { ITEMS_OF_OBJECTIVES, type Goal } from "./status-progress";

/**
 * A learner's problem work on a goal's targets that does not count as goal work (docs/metrics.md: goal
 * work is only events carrying the goal's id) — the course's own exercises, or another goal's. The
 * learner page shows it beside the goal's status, so that "No work yet" never stands unexplained
 * next to correct answers on the same problems.
 */

export interface OutsideWork {
  /** Distinct problems of the targets. */
  problems: number;
  /** Of those, answered correctly at least once outside the goal. */
  solved: number;
  /** Of those, attempted at least once outside the goal. */
  attempted: number;
}

export interface GoalOutsideWork extends OutsideWork {
  targets: Map<string, OutsideWork>;
}

// PostgreSQL's text: the items' JSON list through jsonb_array_elements_text, and the boolean as
// 0/1 (NULL where success is, as SQLite's `success = 1` is).
const workedSql = (solved: string, items: string) =>
  `SELECT item_id, MAX(${solved}) AS solved FROM events
   WHERE course_id = @course AND user_id = @user AND kind = 'problem_attempt' AND (goal_id IS NULL OR goal_id != @goal)
     AND item_id IN (${items})
   GROUP BY item_id`;
const WORKED = read(
  "work-outside-goal.worked",
  workedSql("success = 1", "SELECT value FROM json_each(@items)"),
  { item_id: "text", solved: "int?" },
  { postgres: workedSql("(success = 1)::integer", jsonValues("@items")) },
);

/** Target → the problems it stands for in the course: the items assessing an objective, or the item itself. */
function problemsOfTargets(db: Db, courseId: string, goal: Goal): Map<string, string[]> {
  if (goal.targetKind === "item") return new Map(goal.targets.map((t) => [t, [t]]));
  const out = new Map<string, string[]>(goal.targets.map((t) => [t, []]));
  for (const r of ITEMS_OF_OBJECTIVES.all(db.$client, courseId, JSON.stringify(goal.targets)))
    out.get(r.objective_id)!.push(r.item_id);
  return out;
}

/** Per goal of `goals`, the learner's work on its targets outside it, in total and per target. */
export function workOutsideGoals(
  db: Db,
  courseId: string,
  userId: string,
  goals: readonly Goal[],
): Map<string, GoalOutsideWork> {
  const out = new Map<string, GoalOutsideWork>();
  for (const goal of goals) {
    const byTarget = problemsOfTargets(db, courseId, goal);
    const items = [...new Set([...byTarget.values()].flat())];
    const worked = new Map(
      WORKED.all(db.$client, { course: courseId, user: userId, goal: goal.id, items: JSON.stringify(items) }).map(
        (r) => [r.item_id, r.solved] as const,
      ),
    );
    const tally = (problems: readonly string[]): OutsideWork => ({
      problems: problems.length,
      solved: problems.filter((p) => worked.get(p) === 1).length,
      attempted: problems.filter((p) => worked.has(p)).length,
    });
    out.set(goal.id, { ...tally(items), targets: new Map([...byTarget].map(([t, problems]) => [t, tally(problems)])) });
  }
  return out;
}
