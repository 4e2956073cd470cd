import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { goals } from "../schema";
import { read } from "../sql";
import { GOAL_ROW, type GoalRow } from "./catalog";

/** A scoped goal as the Knewton family's API shows it (docs/knewton-api.md). */
export interface GoalObject {
  id: string;
  learning_instance_id: string;
  name: string;
  targets: string[];
  /** Whether the targets are learning objectives or items (modules). */
  target_type: "learning_objective" | "module";
  topics: { topic_id: string; targets: string[] }[] | null;
  completion_criteria: {
    min_predicted_mastery: number;
    min_consecutive_correct: number | null;
    min_work_per_target: number;
    max_work_on_goal: number | null;
  };
}

/** A goal's columns as stored (its targets and topics JSON text), shared by the reads of whole goals. */
const GOAL_COLUMNS = Object.keys(GOAL_ROW).join(", ");

const COURSE_GOALS = read(
  "goals.of-course",
  `SELECT ${GOAL_COLUMNS} FROM goals WHERE course_id = ? ORDER BY name, id`,
  GOAL_ROW,
);
/** One goal by id within a course. */
export const GOAL = read("goals.one", `SELECT ${GOAL_COLUMNS} FROM goals WHERE id = ? AND course_id = ?`, GOAL_ROW);

export function goalObject(row: GoalRow): GoalObject {
  return {
    id: row.id,
    learning_instance_id: row.course_id,
    name: row.name,
    targets: JSON.parse(row.targets) as string[],
    target_type: row.target_kind === "objective" ? "learning_objective" : "module",
    topics: row.topics === null ? null : (JSON.parse(row.topics) as GoalObject["topics"]),
    completion_criteria: {
      min_predicted_mastery: row.min_predicted_mastery,
      min_consecutive_correct: row.min_consecutive_correct,
      min_work_per_target: row.min_work_per_target,
      max_work_on_goal: row.max_work_on_goal,
    },
  };
}

/** The goals of a course, by name. */
export async function listGoals(db: Db, courseId: string): Promise<GoalObject[]> {
  return COURSE_GOALS.all(db.$client, courseId).map(goalObject);
}

/** One goal of a course; null when there is none with that id in that course. */
export async function getGoal(db: Db, courseId: string, goalId: string): Promise<GoalObject | null> {
  const row = GOAL.get(db.$client, goalId.toLowerCase(), courseId);
  return row ? goalObject(row) : null;
}

/**
 * Deletes a goal; true when there was one. Events that carried its id keep it (they are history),
 * and count for nothing once the goal is gone.
 */
export async function deleteGoal(db: Db, courseId: string, goalId: string): Promise<boolean> {
  return (
    db
      .delete(goals)
      .where(and(eq(goals.id, goalId.toLowerCase()), eq(goals.courseId, courseId)))
      .run().changes > 0
  );
}
