import { stepStateOf, type Step, type StepEvent, type StepState } from "./steps";

/**
 * A learner's stats on a 360Learning path session (a course): `docs/metrics.md` § 360Learning stats of
 * a path session. Pure: the caller passes the steps, the learner's events in the course and the
 * clock.
 */

export type PathStatus = "completed" | "awaitingCorrection" | "late" | "onTime";
export type DetailedStatusType =
  | "sessionNotOpened"
  | "successful"
  | "unsuccessful"
  | "toRetake"
  | "awaitingCorrection"
  | "notYetStarted"
  | "late"
  | "onTime";
export type PathResult = "successful" | "retake" | "unsuccessful";

export interface PathSessionInput {
  /** The course's dates, ms since the epoch. */
  startsAt: number | null;
  endsAt: number | null;
  enrolledAt: number;
  /** `unenrolled_at` of an enrolment that is no longer active; null while enrolled. */
  archivedAt: number | null;
  steps: readonly Step[];
  /** The learner's events in the course, in any order. */
  events: readonly StepEvent[];
  now: number;
}

export interface PathSessionStats {
  /** Percent of steps completed, 0–100, rounded down (100 only when every step is). */
  progress: number;
  /** Milliseconds. */
  globalTime: number;
  /** Mean best score of the scored steps, 0–100; absent with none. */
  score?: number;
  status: PathStatus;
  completedAt?: number;
  detailedStatus: { type: DetailedStatusType; reason?: "sessionEnded" };
  result?: PathResult;
  archivedAt?: number;
}

export function pathSessionStats(input: PathSessionInput): PathSessionStats {
  // An unenrolled learner's figures are those of the moment they left (the seed: "the other
  // fields keep the value they had at the time the user was last enrolled").
  const at = input.archivedAt === null ? input.now : Math.min(input.now, input.archivedAt);
  const events = input.events.filter((e) => e.ts <= at);
  const byItem = new Map<string, StepEvent[]>();
  for (const e of events) {
    const list = byItem.get(e.itemId);
    if (list) list.push(e);
    else byItem.set(e.itemId, [e]);
  }
  const states = input.steps.map((s) => ({
    step: s,
    state: stepStateOf(s, byItem.get(s.id) ?? [], input.enrolledAt, at),
  }));
  const mandatory = states.filter((s) => s.step.mandatory).map((s) => s.state);
  const all = states.map((s) => s.state);
  const scores = all.flatMap((s) => (s.bestScore === null ? [] : [s.bestScore]));
  const completedAt = completionTime(mandatory);
  const result = resultOf(mandatory);
  return {
    progress: all.length === 0 ? 0 : Math.floor((100 * all.filter((s) => s.completed).length) / all.length),
    globalTime: events.reduce((sum, e) => sum + (e.durationMs ?? 0), 0),
    ...(scores.length > 0 ? { score: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) } : {}),
    status: statusOf(all, mandatory),
    ...(completedAt !== null ? { completedAt } : {}),
    detailedStatus: detailedStatusOf(input, at, mandatory, events.length > 0),
    ...(result ? { result } : {}),
    ...(input.archivedAt !== null ? { archivedAt: input.archivedAt } : {}),
  };
}

/**
 * "Every step" rules need a step: Lantern learns a course's items from its data (a statement on a
 * new block creates one), so a session without any means nothing is known yet, not that all is done.
 */
const every = (states: readonly StepState[], holds: (s: StepState) => boolean): boolean =>
  states.length > 0 && states.every(holds);

/** When the last mandatory step was completed; null until every one is. */
function completionTime(mandatory: readonly StepState[]): number | null {
  if (!every(mandatory, (s) => s.completed)) return null;
  return Math.max(...mandatory.map((s) => s.completedAt!));
}

function statusOf(all: readonly StepState[], mandatory: readonly StepState[]): PathStatus {
  if (every(all, (s) => s.completed)) return "completed";
  if (mandatory.some((s) => s.awaitingCorrection)) return "awaitingCorrection";
  if (mandatory.some((s) => s.late)) return "late";
  return "onTime";
}

/** The first rule of `docs/metrics.md` that holds. */
function detailedStatusOf(
  input: PathSessionInput,
  at: number,
  mandatory: readonly StepState[],
  started: boolean,
): PathSessionStats["detailedStatus"] {
  if (input.startsAt !== null && input.startsAt > at) return { type: "sessionNotOpened" };
  if (every(mandatory, (s) => s.outcome === "successful")) return { type: "successful" };
  if (input.endsAt !== null && input.endsAt <= at) return { type: "unsuccessful", reason: "sessionEnded" };
  if (mandatory.some((s) => s.outcome === "failed")) return { type: "unsuccessful" };
  // A step already handed in again waits for its grade: that learner is awaiting correction, not to retake.
  if (every(mandatory, (s) => s.completed) && mandatory.some((s) => s.outcome === "retake" && !s.awaitingCorrection))
    return { type: "toRetake" };
  if (mandatory.some((s) => s.awaitingCorrection)) return { type: "awaitingCorrection" };
  if (!started) return { type: "notYetStarted" };
  if (mandatory.some((s) => s.late)) return { type: "late" };
  return { type: "onTime" };
}

/** Once every mandatory step is completed: successful, else unsuccessful when one failed, else retake. */
function resultOf(mandatory: readonly StepState[]): PathResult | null {
  if (!every(mandatory, (s) => s.completed)) return null;
  if (mandatory.every((s) => s.outcome === "successful")) return "successful";
  return mandatory.some((s) => s.outcome === "failed") ? "unsuccessful" : "retake";
}
