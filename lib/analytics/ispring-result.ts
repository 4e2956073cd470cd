import type { CompletionStatus } from "@/db/schema";

/**
 * The iSpring result of an enrollment (`docs/metrics.md` § iSpring result of an enrollment): status,
 * progress, score, completion date and overdue, from what the enrollment says explicitly and from
 * per-item facts that the query layer aggregates from events.
 */

/** What is known of one mandatory item the learner has touched. */
export interface MandatoryItemFacts {
  /** When it was first completed (an `item_completed`, a correct attempt, any `item_scored`), ms; null when not yet. */
  completedAtMs: number | null;
  /** Best score on it, 0–1; null when never scored. */
  bestScore: number | null;
}

export interface ResultInput {
  explicitStatus: CompletionStatus | null;
  /** Explicit score, 0–100. */
  explicitScore: number | null;
  /** Explicit `completed_at`, ISO 8601. */
  explicitCompletedAt: string | null;
  /** The course's passing score, 0–100. */
  passingScore: number | null;
  /** ISO 8601. */
  dueDate: string | null;
  /** Whether the learner has any event in the course. */
  hasActivity: boolean;
  /** How many mandatory items the course has. */
  mandatoryItems: number;
  /** The mandatory items the learner has touched (at most `mandatoryItems`). */
  items: readonly MandatoryItemFacts[];
}

export interface ResultFigures {
  completionStatus: CompletionStatus;
  /** Percent of mandatory items completed, two decimals; absent with no activity or no mandatory item. */
  progress?: number;
  /** 0–100, two decimals; absent when nothing is scored. */
  awardedScore?: number;
  /** ISO 8601, ms; absent unless the status is a finished one and its time is known. */
  completionDate?: string;
  isOverdue: boolean;
}

/** Statuses that have a completion date. */
export const FINISHED_STATUSES: ReadonlySet<CompletionStatus> = new Set(["complete", "passed", "failed", "accepted"]);
/** Statuses that are never overdue. */
const SATISFIED_STATUSES: ReadonlySet<CompletionStatus> = new Set(["complete", "passed", "accepted"]);

const twoDecimals = (x: number): number => Math.round(x * 100) / 100;

/** Whole seconds of a total duration in milliseconds. */
export const timeSpentOf = (durationMs: number): number => Math.round(durationMs / 1000);

/** The mean best score (0–100) over the scored mandatory items, unrounded; null when none is scored. */
function meanBestScore(items: readonly MandatoryItemFacts[]): number | null {
  const scores = items.flatMap((i) => (i.bestScore === null ? [] : [i.bestScore * 100]));
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** When the last mandatory item was first completed; null while any is open (or there are none). */
function allCompletedAt(input: ResultInput): number | null {
  if (input.mandatoryItems === 0 || input.items.length < input.mandatoryItems) return null;
  let last = -Infinity;
  for (const i of input.items) {
    if (i.completedAtMs === null) return null;
    last = Math.max(last, i.completedAtMs);
  }
  return last;
}

function derivedStatus(input: ResultInput, score: number | null, finishedAt: number | null): CompletionStatus {
  if (!input.hasActivity) return "not_started";
  // A course without mandatory items has nothing whose completion would finish it.
  if (finishedAt === null) return "in_progress";
  // With a passing score but nothing scored there is nothing to pass or fail.
  if (input.passingScore === null || score === null) return "complete";
  return score >= input.passingScore ? "passed" : "failed";
}

export function ispringResultOf(input: ResultInput, nowMs: number): ResultFigures {
  const score = input.explicitScore ?? meanBestScore(input.items);
  const finishedAt = allCompletedAt(input);
  const status = input.explicitStatus ?? derivedStatus(input, score, finishedAt);
  const out: ResultFigures = { completionStatus: status, isOverdue: false };
  if (input.hasActivity && input.mandatoryItems > 0) {
    const done = input.items.filter((i) => i.completedAtMs !== null).length;
    out.progress = twoDecimals((100 * done) / input.mandatoryItems);
  }
  if (score !== null) out.awardedScore = twoDecimals(score);
  if (FINISHED_STATUSES.has(status)) {
    const at = input.explicitCompletedAt ?? (finishedAt === null ? null : new Date(finishedAt).toISOString());
    if (at !== null) out.completionDate = at;
  }
  out.isOverdue = input.dueDate !== null && Date.parse(input.dueDate) < nowMs && !SATISFIED_STATUSES.has(status);
  return out;
}
