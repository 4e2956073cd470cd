import { quantile } from "@/lib/analytics/mastery";
import { atLeast, meanOf, pointMass, RANGE_HIGH, RANGE_LOW, sumCapped } from "./remaining-sum";

/**
 * Status and progress of one registration on one goal (docs/metrics.md § Status and progress, with the
 * streak criterion and remaining work as a distribution of docs/knewton-api.md), from what the
 * data layer measured of each target. Pure: the mastery model's numbers come in already computed.
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
  /** The last N graded answers on an objective target must be correct; null for no such rule. */
  minConsecutiveCorrect: number | null;
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
  /** Correct answers at the end of the same sequence mastery reads (the current streak). */
  streak: number;
  /** Whether the objective's model is fitted (else its numbers are the defaults' and work remaining is −1). */
  fitted: boolean;
  /**
   * The model's distribution of further attempts until mastery ≥ the threshold and the streak is
   * long enough (pmf over 0…30, the last entry 30 or more; all at 0 when both hold).
   */
  toComplete: Float64Array;
  /** Fewest further attempts, all correct, to get there. */
  minToComplete: number;
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
  /** Expected further attempts to complete the target (0 when complete): what progress reads. */
  expectedRemaining: number;
  /** Distribution of further attempts to complete it (pmf over 0…30). */
  remaining: Float64Array;
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
  /** Median of the remaining attempts' distribution, 0–30; −1 when an open objective target is not fitted. */
  workRemaining: number;
  /** Its 10th and 90th percentiles ([−1, −1] when not fitted, [0, 0] when done). */
  workRemainingRange: [number, number];
  targets: TargetResult[];
  topics: TopicResult[] | null;
}

function objectiveTarget(t: ObjectiveTargetInput, c: Criteria): TargetResult {
  const workShort = Math.max(0, c.minWorkPerTarget - t.work);
  const met = t.mastery >= c.minPredictedMastery && t.streak >= (c.minConsecutiveCorrect ?? 0);
  const complete = met && workShort === 0;
  const status: TargetStatus = complete
    ? "complete"
    : t.work === 0
      ? "no_work"
      : !met && t.work >= STRUGGLING_OBJECTIVE_WORK
        ? "struggling"
        : "in_progress";
  const remaining = complete
    ? pointMass(0, WORK_REMAINING_CAP)
    : atLeast(met ? pointMass(0, WORK_REMAINING_CAP) : t.toComplete, workShort);
  const expectedRemaining = complete ? 0 : Math.max(met ? 0 : meanOf(t.toComplete), workShort);
  const minRemaining = complete ? 0 : Math.max(met ? 0 : t.minToComplete, workShort);
  return {
    id: t.id,
    kind: "objective",
    status,
    progress: progressOf(complete, t.work, expectedRemaining),
    work: t.work,
    expectedRemaining,
    remaining,
    minRemaining,
    fitted: t.fitted,
  };
}

/**
 * An item target is complete with one correct goal-scoped answer, so one more attempt is both the
 * fewest and (lacking a model of the item) the expected number still needed.
 */
function itemTarget(t: ItemTargetInput): TargetResult {
  const complete = t.correct > 0;
  const status: TargetStatus = complete
    ? "complete"
    : t.work === 0
      ? "no_work"
      : t.work - t.correct >= STRUGGLING_ITEM_MISSES
        ? "struggling"
        : "in_progress";
  const remaining = complete ? 0 : 1;
  return {
    id: t.id,
    kind: "item",
    status,
    progress: progressOf(complete, t.work, remaining),
    work: t.work,
    expectedRemaining: remaining,
    remaining: pointMass(remaining, WORK_REMAINING_CAP),
    minRemaining: remaining,
    fitted: true,
  };
}

function progressOf(complete: boolean, work: number, remaining: number): number {
  if (complete) return 1;
  if (work === 0) return 0;
  return work / (work + remaining);
}

const openTargets = (targets: readonly TargetResult[]) => targets.filter((t) => t.status !== "complete");
const unfitted = (open: readonly TargetResult[]) => open.some((t) => t.kind === "objective" && !t.fitted);

/**
 * The distribution of the open targets' summed remaining attempts (capped at 30), or null when an
 * open objective target is not fitted (−1).
 */
function remainingSum(targets: readonly TargetResult[]): Float64Array | null {
  const open = openTargets(targets);
  return unfitted(open)
    ? null
    : sumCapped(
        open.map((t) => t.remaining),
        WORK_REMAINING_CAP,
      );
}

/** Σ of the fewest attempts over the open targets, capped; −1 when an open objective target is not fitted. */
function minSum(targets: readonly TargetResult[]): number {
  const open = openTargets(targets);
  if (unfitted(open)) return -1;
  return Math.min(
    WORK_REMAINING_CAP,
    open.reduce((a, t) => a + t.minRemaining, 0),
  );
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
  const sum = done ? null : remainingSum(targets);
  return {
    status,
    progress,
    workRemaining: done ? 0 : sum === null ? -1 : quantile(sum, 0.5),
    workRemainingRange: done ? [0, 0] : sum === null ? [-1, -1] : [quantile(sum, RANGE_LOW), quantile(sum, RANGE_HIGH)],
    targets,
    topics:
      topics?.map((topic) => {
        const own = topic.targets.map((id) => byId.get(id)).filter((t): t is TargetResult => t !== undefined);
        const ownSum = done ? null : remainingSum(own);
        return {
          topicId: topic.topic_id,
          averageWorkRemaining: done ? 0 : ownSum === null ? -1 : quantile(ownSum, 0.5),
          minWorkRemaining: done ? 0 : minSum(own),
        };
      }) ?? null,
  };
}
