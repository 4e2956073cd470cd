import type { EventKind } from "@/db/schema";

/**
 * One step (a course item) of a 360Learning path session for one learner, from the learner's
 * events on it (`docs/metrics.md` § 360Learning stats, and § iSpring result for completed and
 * successful). Pure: the caller passes the clock.
 */

const DAY_MS = 86_400_000;

/** A step's rules, as stored on the item. Times are ms since the epoch. */
export interface Step {
  id: string;
  mandatory: boolean;
  dueAt: number | null;
  /** Due this many days after the learner's enrolment. */
  dueAfterDays: number | null;
  /** 0–100. */
  minScore: number | null;
  /** Absent = unlimited. */
  maxAttempts: number | null;
  requiresCorrection: boolean;
}

/** One of the learner's events in the course. */
export interface StepEvent {
  /** Empty for course-level events (launches). */
  itemId: string;
  kind: EventKind;
  ts: number;
  success: boolean | null;
  /** 0–1. */
  score: number | null;
  durationMs: number | null;
}

/** What became of a completed step: its best score reached `min_score`, or not with attempts left, or not with none. */
export type StepOutcome = "successful" | "retake" | "failed";

export interface StepState {
  completed: boolean;
  /** The first event that completed it. */
  completedAt: number | null;
  /** The highest score any of its events carries, 0–100. */
  bestScore: number | null;
  /** Graded tries: `item_scored` and `problem_attempt` events. */
  attempts: number;
  /** Null until completed. */
  outcome: StepOutcome | null;
  awaitingCorrection: boolean;
  /** Mandatory, not completed, and its due date has passed. */
  late: boolean;
}

/** An event that completes a step: `item_completed`, any `item_scored`, or a correct problem attempt. */
export function completes(e: StepEvent): boolean {
  return (
    e.kind === "item_completed" || e.kind === "item_scored" || (e.kind === "problem_attempt" && e.success === true)
  );
}

/** The step's due time for a learner enrolled at `enrolledAt`; an absolute due date wins over a relative one. */
export function dueOf(step: Step, enrolledAt: number): number | null {
  if (step.dueAt !== null) return step.dueAt;
  return step.dueAfterDays === null ? null : enrolledAt + step.dueAfterDays * DAY_MS;
}

/** The state of `step` at time `now`, from the learner's events on it (any order; none after `now`). */
export function stepStateOf(step: Step, events: readonly StepEvent[], enrolledAt: number, now: number): StepState {
  let completedAt: number | null = null;
  let bestScore: number | null = null;
  let attempts = 0;
  let lastSubmitted: number | null = null;
  let lastScored: number | null = null;
  for (const e of events) {
    if (completes(e) && (completedAt === null || e.ts < completedAt)) completedAt = e.ts;
    if (e.score !== null) bestScore = Math.max(bestScore ?? 0, percentOf(e.score));
    if (e.kind === "item_scored" || e.kind === "problem_attempt") attempts++;
    if (e.kind === "item_submitted") lastSubmitted = Math.max(lastSubmitted ?? e.ts, e.ts);
    if (e.kind === "item_scored") lastScored = Math.max(lastScored ?? e.ts, e.ts);
  }
  const completed = completedAt !== null;
  const due = dueOf(step, enrolledAt);
  return {
    completed,
    completedAt,
    bestScore,
    attempts,
    outcome: completed ? outcomeOf(step, bestScore, attempts) : null,
    // A grade at the same instant as the submission answers it.
    awaitingCorrection:
      step.requiresCorrection && lastSubmitted !== null && (lastScored === null || lastScored < lastSubmitted),
    late: step.mandatory && !completed && due !== null && due < now,
  };
}

// Rounded to hundredths so that 0.57 is 57, not 56.99999999999999, against a minimum of 57.
const percentOf = (score: number): number => Math.round(score * 10_000) / 100;

function outcomeOf(step: Step, bestScore: number | null, attempts: number): StepOutcome {
  // Without a score a step with a minimum has not reached it.
  if (step.minScore === null || (bestScore !== null && bestScore >= step.minScore)) return "successful";
  return step.maxAttempts === null || attempts < step.maxAttempts ? "retake" : "failed";
}
