/**
 * Status and progress of one registration on one goal (docs/metrics.md § Status and progress), from
 * what the data layer measured of each target. Pure: the mastery model's numbers come in
 * already computed.
 */

export type GoalStatus = "complete" | "complete_max_work" | "in_progress" | "struggling" | "no_work";
export type TargetStatus = "complete" | "in_progress" | "struggling" | "no_work";

/** Largest work_remaining (the vendor's range is 0–30; −1 means "not enough data"). */
export const WORK_REMAINING_CAP = 30;
/** Goal-scoped attempts on an objective without mastery that count as wheel-spinning. */
export const STRUGGLING_OBJECTIVE_WORK = 10;
/** Incorrect goal-scoped attempts on an item, none correct, that count as struggling. */
export const STRUGGLING_ITEM_MISSES = 3;

export interface Criteria {
  minPredictedMastery: number;
  minWorkPerTarget: number;
  maxWorkOnGoal: number | null;
}

/** An objective target: goal-scoped work, and the model's view of the learner's mastery. */
export interface ObjectiveTargetInput {
  kind: "objective";
  id: string;
  /** Goal-scoped problem attempts on items assessing the objective. */
  work: number;
  /** Predicted mastery from all the user's attempts on the objective, in every course. */
  mastery: number;
  /** Whether the objective's model is fitted (else its numbers are the defaults' and work remaining is −1). */
  fitted: boolean;
  /** Expected further attempts to reach the goal's mastery threshold under the model (0 when there). */
  expectedToMastery: number;
  /** Fewest further attempts, all correct, to reach the threshold. */
  minToMastery: number;
}

/** An item (module) target: goal-scoped attempts on the item itself. */
export interface ItemTargetInput {
  kind: "item";
  id: string;
  work: number;
  correct: number;
}

export type TargetInput = ObjectiveTargetInput | ItemTargetInput;

export interface TargetResult {
  id: string;
  kind: "objective" | "item";
  status: TargetStatus;
  progress: number;
  work: number;
  /** Expected further attempts to complete the target (0 when complete). */
  expectedRemaining: number;
  /** Fewest further attempts to complete it. */
  minRemaining: number;
  /** False for an objective whose model is not fitted. */
  fitted: boolean;
}

export interface TopicResult {
  topicId: string;
  averageWorkRemaining: number;
  minWorkRemaining: number;
}

export interface GoalResult {
  status: GoalStatus;
  progress: number;
  workRemaining: number;
  targets: TargetResult[];
  topics: TopicResult[] | null;
}

function objectiveTarget(t: ObjectiveTargetInput, c: Criteria): TargetResult {
  const workShort = Math.max(0, c.minWorkPerTarget - t.work);
  const mastered = t.mastery >= c.minPredictedMastery;
  const complete = mastered && workShort === 0;
  const status: TargetStatus = complete
    ? "complete"
    : t.work === 0
      ? "no_work"
      : !mastered && t.work >= STRUGGLING_OBJECTIVE_WORK
        ? "struggling"
        : "in_progress";
  const expectedRemaining = complete ? 0 : Math.max(mastered ? 0 : t.expectedToMastery, workShort);
  const minRemaining = complete ? 0 : Math.max(mastered ? 0 : t.minToMastery, workShort);
  return { id: t.id, kind: "objective", status, progress: progressOf(complete, t.work, expectedRemaining), work: t.work, expectedRemaining, minRemaining, fitted: t.fitted };
}

/**
 * An item target is complete with one correct goal-scoped answer, so one more attempt is both the
 * fewest and (lacking a model of the item) the expected number still needed.
 */
function itemTarget(t: ItemTargetInput): TargetResult {
  const complete = t.correct > 0;
  const status: TargetStatus = complete ? "complete" : t.work === 0 ? "no_work" : t.work - t.correct >= STRUGGLING_ITEM_MISSES ? "struggling" : "in_progress";
  const remaining = complete ? 0 : 1;
  return { id: t.id, kind: "item", status, progress: progressOf(complete, t.work, remaining), work: t.work, expectedRemaining: remaining, minRemaining: remaining, fitted: true };
}

function progressOf(complete: boolean, work: number, remaining: number): number {
  if (complete) return 1;
  if (work === 0) return 0;
  return work / (work + remaining);
}

/** round(Σ) over the incomplete targets, capped; −1 when an incomplete objective target is not fitted. */
function remainingOf(targets: readonly TargetResult[], pick: (t: TargetResult) => number, round: boolean): number {
  const open = targets.filter((t) => t.status !== "complete");
  if (open.some((t) => t.kind === "objective" && !t.fitted)) return -1;
  const sum = open.reduce((a, t) => a + pick(t), 0);
  return Math.min(WORK_REMAINING_CAP, round ? Math.round(sum) : Math.ceil(sum));
}

/**
 * The goal's status (first rule that holds: complete, complete_max_work, no_work, struggling,
 * in_progress), progress, work remaining and per-target and per-topic figures.
 */
export function goalStatusOf(
  criteria: Criteria,
  goalWork: number,
  inputs: readonly TargetInput[],
  topics: readonly { topic_id: string; targets: readonly string[] }[] | null,
): GoalResult {
  const targets = inputs.map((t) => (t.kind === "objective" ? objectiveTarget(t, criteria) : itemTarget(t)));
  const status: GoalStatus = targets.every((t) => t.status === "complete")
    ? "complete"
    : criteria.maxWorkOnGoal !== null && goalWork >= criteria.maxWorkOnGoal
      ? "complete_max_work"
      : goalWork === 0
        ? "no_work"
        : targets.some((t) => t.status === "struggling")
          ? "struggling"
          : "in_progress";
  const done = status === "complete" || status === "complete_max_work";
  const work = targets.reduce((a, t) => a + t.work, 0);
  const expected = targets.reduce((a, t) => a + t.expectedRemaining, 0);
  const progress = status === "complete" ? 1 : work === 0 ? 0 : work / (work + expected);
  const byId = new Map(targets.map((t) => [t.id, t]));
  return {
    status,
    progress,
    workRemaining: done ? 0 : remainingOf(targets, (t) => t.expectedRemaining, true),
    targets,
    topics:
      topics?.map((topic) => {
        const own = topic.targets.map((id) => byId.get(id)).filter((t): t is TargetResult => t !== undefined);
        return {
          topicId: topic.topic_id,
          averageWorkRemaining: done ? 0 : remainingOf(own, (t) => t.expectedRemaining, true),
          minWorkRemaining: done ? 0 : remainingOf(own, (t) => t.minRemaining, false),
        };
      }) ?? null,
  };
}
