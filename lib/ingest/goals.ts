import { z } from "zod";
import { REMAINING_HORIZON } from "@/lib/analytics/mastery";
import type { GoalRow } from "@/db/queries/catalog";
import { IngestError } from "./errors";
import type { IngestSession } from "./session";

/**
 * A Knewton scoped goal's fields (`docs/metrics.md` § The data model), shared by the import's `goal` record and
 * the scoped-goals API: targets are objective ids assessed by the course's items, or item ids of
 * the course (not both), and must exist; each topic's targets are among the goal's; completion
 * criteria get their defaults (docs/knewton-api.md § Completion criteria: a streak goal's mastery
 * threshold defaults to 0, so "N in a row" alone completes a target unless a threshold is set too).
 */
export const goalFieldsSchema = {
  name: z.string().min(1, "must not be empty"),
  targets: z.array(z.string().min(1)).min(1, "must name at least one target"),
  topics: z
    .array(
      z.strictObject({
        topic_id: z.string().min(1),
        targets: z.array(z.string().min(1)).min(1, "must name at least one target"),
      }),
    )
    .nullable()
    .optional(),
  completion_criteria: z
    .strictObject({
      min_predicted_mastery: z.number().min(0).max(1).optional(),
      min_consecutive_correct: z
        .number()
        .int("must be a whole number")
        .min(1, "must be at least 1")
        .max(REMAINING_HORIZON, `must be at most ${REMAINING_HORIZON} (work remaining looks 30 attempts ahead)`)
        .nullable()
        .optional(),
      min_work_per_target: z.number().int().min(0).optional(),
      max_work_on_goal: z.number().int().min(1).nullable().optional(),
    })
    .optional(),
};

export const goalBodySchema = z.strictObject(goalFieldsSchema);
export type GoalBody = z.infer<typeof goalBodySchema>;

/** Checks a goal's references and builds its row; throws an `invalid` IngestError naming the field. */
export function buildGoal(session: IngestSession, id: string, courseId: string, body: GoalBody): GoalRow {
  if (!session.courseExists(courseId)) throw new IngestError("not_found", "course_id", `no course ${courseId}`);
  const targets = [...new Set(body.targets)];
  const targetKind = targetKindOf(session, courseId, targets);
  const topics = body.topics ?? null;
  const targetSet = new Set(targets);
  topics?.forEach((topic, i) => {
    const stray = topic.targets.find((t) => !targetSet.has(t));
    if (stray !== undefined)
      throw new IngestError("invalid", `topics[${i}].targets`, `${stray} is not one of the goal's targets`);
  });
  const criteria = body.completion_criteria ?? {};
  const streak = criteria.min_consecutive_correct ?? null;
  // An item target has no model to say how a streak on it would go, and its rule (one correct
  // answer) is fixed by docs/metrics.md: a streak there would be silently ignored, so it is refused.
  if (streak !== null && targetKind === "item") {
    throw new IngestError(
      "invalid",
      "completion_criteria.min_consecutive_correct",
      "applies to learning objective targets only, not to item targets",
    );
  }
  return {
    id,
    course_id: courseId,
    name: body.name,
    target_kind: targetKind,
    targets: JSON.stringify(targets),
    topics: topics === null ? null : JSON.stringify(topics),
    min_predicted_mastery: criteria.min_predicted_mastery ?? (streak === null ? 0.95 : 0),
    min_consecutive_correct: streak,
    min_work_per_target: criteria.min_work_per_target ?? 0,
    max_work_on_goal: criteria.max_work_on_goal ?? null,
  };
}

/**
 * Objective targets must be assessed by an item of the goal's own course: mastery reads a
 * learner's work in every course, so a goal on another course's objectives would let that
 * course's staff read mastery they may not see. Item targets are the course's own items.
 */
function targetKindOf(session: IngestSession, courseId: string, targets: readonly string[]): "objective" | "item" {
  const isObjective = (t: string) => session.catalog.objectiveExists(t);
  const isItem = (t: string) => session.itemKind(courseId, t) !== undefined;
  const objectives = targets.filter(isObjective);
  if (objectives.length === targets.length) {
    const foreign = targets.find((t) => !session.catalog.objectiveAssessedIn(courseId, t));
    if (foreign === undefined) return "objective";
    if (!targets.every(isItem))
      throw new IngestError(
        "invalid",
        "targets",
        `objective ${foreign} is not assessed by any item of course ${courseId}`,
      );
  }
  const items = targets.filter(isItem);
  if (items.length === targets.length) return "item";
  if (objectives.length > 0 && items.length > 0 && objectives.length + items.length >= targets.length) {
    throw new IngestError("invalid", "targets", "must be objective ids or item ids, not both");
  }
  const missing = targets.find((t) => !isObjective(t) && !isItem(t));
  throw new IngestError("invalid", "targets", `no objective or item ${missing} in course ${courseId}`);
}
