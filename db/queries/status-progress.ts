import { count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { enrollments } from "../schema";
import { jsonValues, read } from "../sql";
import { masteryAfter, type BktParams } from "@/lib/analytics/mastery";
import { goalStatusOf, type GoalResult, type TargetInput } from "@/lib/analytics/status/status-and-progress";
import { remainingTo } from "@/lib/analytics/status/remaining-cache";
import type { GoalRow } from "./catalog";
import { GOAL } from "./goals";
import { attemptSequences, objectiveModels } from "./mastery";

/**
 * Status and progress of registrations on goals (docs/metrics.md § Status and progress): reads the
 * goal-scoped work and every attempt on the goals' objectives, applies the mastery model, and
 * hands the numbers to the pure rules.
 */

export interface Registration {
  id: string;
  userId: string;
}

export interface Goal {
  id: string;
  courseId: string;
  name: string;
  targetKind: "objective" | "item";
  targets: string[];
  topics: { topic_id: string; targets: string[] }[] | null;
  criteria: {
    minPredictedMastery: number;
    minConsecutiveCorrect: number | null;
    minWorkPerTarget: number;
    maxWorkOnGoal: number | null;
  };
}

export function goalOf(row: GoalRow): Goal {
  return {
    id: row.id,
    courseId: row.course_id,
    name: row.name,
    targetKind: row.target_kind,
    targets: JSON.parse(row.targets) as string[],
    topics: row.topics === null ? null : (JSON.parse(row.topics) as Goal["topics"]),
    criteria: {
      minPredictedMastery: row.min_predicted_mastery,
      minConsecutiveCorrect: row.min_consecutive_correct,
      minWorkPerTarget: row.min_work_per_target,
      maxWorkOnGoal: row.max_work_on_goal,
    },
  };
}

/** Goals by id within a course, in the order asked; `missing` is the first id that is not one of the course's goals. */
export async function courseGoals(
  db: Db,
  courseId: string,
  ids: readonly string[],
): Promise<{ goals: Goal[]; missing: string | null }> {
  const goals: Goal[] = [];
  for (const id of ids) {
    const row = GOAL.get(db.$client, id.toLowerCase(), courseId);
    if (!row) return { goals, missing: id };
    goals.push(goalOf(row));
  }
  return { goals, missing: null };
}

/**
 * A page of a course's registrations in a stable order (enrolled_at, then id), and whether more
 * follow: one row past the page is read rather than the course's enrollments counted (a count is
 * a scan of 100,000 index entries at 100,000 learners, a tenth of the route's time).
 */
export async function registrationPage(
  db: Db,
  courseId: string,
  offset: number,
  limit: number,
): Promise<{ rows: Registration[]; more: boolean }> {
  const rows = REGISTRATION_PAGE.all(db.$client, courseId, limit + 1, offset);
  const more = rows.length > limit;
  if (more) rows.pop();
  return { rows, more };
}

/** How many registrations (enrollments, everyone who ever enrolled) a course has. */
export async function registrationCount(db: Db, courseId: string): Promise<number> {
  return db.select({ n: count() }).from(enrollments).where(eq(enrollments.courseId, courseId)).get()!.n;
}

const REGISTRATION_PAGE = read(
  "status-progress.registration-page",
  `SELECT id, user_id AS userId FROM enrollments WHERE course_id = ? ORDER BY enrolled_at, id LIMIT ? OFFSET ?`,
  { id: "text", userId: "text" },
);

// PostgreSQL's text: the JSON lists through jsonb_array_elements_text, and a boolean summed as 0/1.
const GOAL_WORK = read(
  "status-progress.goal-work",
  `SELECT user_id, goal_id, item_id, kind, COUNT(*) AS n, coalesce(SUM(success = 1), 0) AS correct FROM events
   WHERE course_id = @course AND user_id IN (SELECT value FROM json_each(@users))
     AND goal_id IS NOT NULL AND goal_id IN (SELECT value FROM json_each(@goals))
   GROUP BY 1, 2, 3, 4`,
  { user_id: "text", goal_id: "text", item_id: "text", kind: "text", n: "int", correct: "int" },
  {
    postgres: `SELECT user_id, goal_id, item_id, kind, COUNT(*) AS n, coalesce(SUM((success = 1)::integer), 0) AS correct
   FROM events
   WHERE course_id = @course AND user_id IN (${jsonValues("@users")})
     AND goal_id IS NOT NULL AND goal_id IN (${jsonValues("@goals")})
   GROUP BY 1, 2, 3, 4`,
  },
);

const itemsOfObjectivesSql = (ids: string) =>
  `SELECT objective_id, item_id FROM item_objectives WHERE course_id = ? AND objective_id IN (${ids})`;
/** The course's items assessing each of a JSON list of objectives. */
export const ITEMS_OF_OBJECTIVES = read(
  "status-progress.items-of-objectives",
  itemsOfObjectivesSql("SELECT value FROM json_each(?)"),
  { objective_id: "text", item_id: "text" },
  { postgres: itemsOfObjectivesSql(jsonValues("?")) },
);

interface Work {
  /** Every goal-scoped event of the user on the goal. */
  goal: number;
  /** Goal-scoped problem attempts, and correct ones, per item. */
  attempts: Map<string, { n: number; correct: number }>;
}

const key = (userId: string, goalId: string) => `${userId}\u0000${goalId}`;

async function goalWork(
  db: Db,
  courseId: string,
  userIds: readonly string[],
  goalIds: readonly string[],
): Promise<Map<string, Work>> {
  const rows = GOAL_WORK.all(db.$client, {
    course: courseId,
    users: JSON.stringify(userIds),
    goals: JSON.stringify(goalIds),
  });
  const out = new Map<string, Work>();
  for (const { user_id: userId, goal_id: goalId, item_id: itemId, kind, n, correct } of rows) {
    const k = key(userId, goalId);
    let w = out.get(k);
    if (!w) out.set(k, (w = { goal: 0, attempts: new Map() }));
    w.goal += n;
    if (kind === "problem_attempt") w.attempts.set(itemId, { n, correct });
  }
  return out;
}

/** Objective → the course's items assessing it. */
function itemsOfObjectives(db: Db, courseId: string, objectiveIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(objectiveIds.map((o) => [o, []]));
  for (const r of ITEMS_OF_OBJECTIVES.all(db.$client, courseId, JSON.stringify(objectiveIds)))
    out.get(r.objective_id)!.push(r.item_id);
  return out;
}

/** Predicted mastery after a learner's answers on an objective, and the run of correct answers they end with. */
function learnerState(p: BktParams, responses: readonly boolean[]): { mastery: number; streak: number } {
  let streak = 0;
  while (streak < responses.length && responses[responses.length - 1 - streak]) streak++;
  return { mastery: masteryAfter(p, responses), streak };
}

/** Status and progress of each registration (rows) on each goal (columns), all of one course. */
export async function statusAndProgress(
  db: Db,
  courseId: string,
  goals: readonly Goal[],
  regs: readonly Registration[],
): Promise<GoalResult[][]> {
  const userIds = [...new Set(regs.map((r) => r.userId))];
  const objectiveIds = [...new Set(goals.filter((g) => g.targetKind === "objective").flatMap((g) => g.targets))];
  const [work, models, sequences] = await Promise.all([
    goalWork(
      db,
      courseId,
      userIds,
      goals.map((g) => g.id),
    ),
    objectiveModels(db, objectiveIds),
    attemptSequences(db, userIds, objectiveIds),
  ]);
  const itemsOf = itemsOfObjectives(db, courseId, objectiveIds);
  const traced = new Map<string, { mastery: number; streak: number }>();
  const stateOf = (userId: string, objectiveId: string) => {
    const k = key(userId, objectiveId);
    let state = traced.get(k);
    if (state === undefined)
      traced.set(
        k,
        (state = learnerState(models.get(objectiveId)!.params, sequences.get(userId)?.get(objectiveId) ?? [])),
      );
    return state;
  };
  return regs.map((reg) =>
    goals.map((goal) => {
      const w = work.get(key(reg.userId, goal.id));
      const attemptsOn = (item: string) => w?.attempts.get(item) ?? { n: 0, correct: 0 };
      const inputs: TargetInput[] = goal.targets.map((target) => {
        if (goal.targetKind === "item") {
          const a = attemptsOn(target);
          return { kind: "item", id: target, work: a.n, correct: a.correct };
        }
        const model = models.get(target)!;
        const { mastery, streak } = stateOf(reg.userId, target);
        const rule = { threshold: goal.criteria.minPredictedMastery, streak: goal.criteria.minConsecutiveCorrect ?? 0 };
        const remaining = remainingTo(model.params, mastery, streak, rule);
        return {
          kind: "objective",
          id: target,
          work: itemsOf.get(target)!.reduce((sum, item) => sum + attemptsOn(item).n, 0),
          mastery,
          streak,
          fitted: model.fitted,
          toComplete: remaining.distribution,
          minToComplete: remaining.min,
        };
      });
      return goalStatusOf(goal.criteria, w?.goal ?? 0, inputs, goal.topics);
    }),
  );
}
