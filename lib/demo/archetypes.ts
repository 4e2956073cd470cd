import type { Random } from "@/lib/random";
import { ACTIVITY_DAYS } from "./catalog";

/**
 * How a learner behaves in a course. Days are counted back from the as-of day: day k is
 * `as_of − k`, so k = 1…7 is the default window and k = 8…14 the week before it.
 */
export const ARCHETYPES = [
  "steady",
  "average",
  "struggling",
  "disengaging",
  "inactive",
  "never_started",
  "unenrolled",
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/**
 * Drawn per learner. Chosen so every segment is well filled over the default window: the steady
 * quarter of the learners active in it land above the 85th percentile (highly engaged), the
 * struggling ones above it on attempts per completion, and disengaging, inactive and unenrolled
 * learners are each 8–15% of a roster.
 */
export const ARCHETYPE_WEIGHTS: Readonly<Record<Archetype, number>> = {
  steady: 0.14,
  average: 0.3,
  struggling: 0.12,
  disengaging: 0.14,
  inactive: 0.14,
  never_started: 0.08,
  unenrolled: 0.08,
};

/** A learner in several courses keeps their archetype in another course with this probability. */
export const KEEP_ARCHETYPE = 0.6;

export interface Behaviour {
  /** Problem actions, videos, posts… per active day. */
  actions: readonly [min: number, max: number];
  /** Chance that a problem attempt is correct. */
  success: number;
  /** Attempts in a row on one problem before moving on. */
  triesPerVisit: number;
  /** Chance of posting when reaching a discussion, and weight of posting when revisiting. */
  posting: number;
  /** Chance a played video is watched to the end. */
  watchesToEnd: number;
  /** Mean score (0–100) on assessments. */
  meanScore: number;
}

const ORDINARY: Behaviour = {
  actions: [2, 4],
  success: 0.6,
  triesPerVisit: 3,
  posting: 0.35,
  watchesToEnd: 0.6,
  meanScore: 70,
};

export const BEHAVIOUR: Readonly<Record<Archetype, Behaviour>> = {
  steady: { actions: [4, 7], success: 0.82, triesPerVisit: 3, posting: 0.8, watchesToEnd: 0.85, meanScore: 84 },
  average: ORDINARY,
  struggling: { actions: [3, 6], success: 0.2, triesPerVisit: 5, posting: 0.25, watchesToEnd: 0.4, meanScore: 48 },
  disengaging: ORDINARY,
  inactive: ORDINARY,
  never_started: ORDINARY,
  unenrolled: { ...ORDINARY, success: 0.5, meanScore: 60 },
};

/** Day (k) of enrolment. Everyone enrols inside the activity window; a few enrol late. */
export function enrolmentDay(rng: Random, archetype: Archetype): number {
  const canBeLate =
    archetype === "steady" || archetype === "average" || archetype === "struggling" || archetype === "never_started";
  if (canBeLate && rng.chance(0.06)) return rng.int(8, 20);
  return rng.chance(0.75) ? rng.int(56, ACTIVITY_DAYS) : rng.int(21, 55);
}

/** Day (k) an unenrolled learner leaves: at least two days after enrolling. */
export function unenrolmentDay(rng: Random, enrolK: number): number {
  return rng.int(2, enrolK - 3);
}

/**
 * The days (k, oldest first) on which the learner does something, between enrolment and as-of.
 * Each archetype forces the days that define it (e.g. a disengaging learner is always active at
 * least once in the week before the default window and never in it).
 */
export function activeDays(rng: Random, archetype: Archetype, enrolK: number, leaveK: number | null): number[] {
  const on = new Uint8Array(ACTIVITY_DAYS + 1);
  const fill = (from: number, to: number, p: (k: number) => number): void => {
    for (let k = Math.max(1, from); k <= Math.min(to, enrolK); k++) if (rng.chance(p(k))) on[k] = 1;
  };
  const force = (from: number, to: number, count: number): void => {
    const lo = Math.max(1, from);
    const hi = Math.min(to, enrolK);
    for (let n = 0; n < count && lo <= hi; n++) on[rng.int(lo, hi)] = 1;
  };
  switch (archetype) {
    case "steady":
      fill(1, enrolK, (k) => (k <= 7 ? 0.75 : 0.4));
      force(1, 7, 3);
      break;
    case "average":
      fill(1, enrolK, () => 0.25);
      force(1, 7, 1);
      break;
    case "struggling":
      fill(1, enrolK, (k) => (k <= 7 ? 0.6 : 0.25));
      force(1, 7, 2);
      break;
    case "disengaging":
      fill(8, enrolK, () => 0.3);
      force(8, 14, 1);
      break;
    case "inactive": {
      const stop = rng.int(15, Math.max(15, Math.min(enrolK, 45)));
      fill(stop, enrolK, () => 0.25);
      force(stop, stop, 1);
      break;
    }
    case "unenrolled":
      fill((leaveK ?? 1) + 1, enrolK, () => 0.3);
      if (rng.chance(0.8)) force((leaveK ?? 1) + 1, enrolK, 1);
      break;
    case "never_started":
      break;
  }
  const days: number[] = [];
  for (let k = enrolK; k >= 1; k--) if (on[k]) days.push(k);
  return days;
}

export const GOAL_PROFILES = ["no_work", "in_progress", "complete", "struggling", "complete_max_work"] as const;
export type GoalProfile = (typeof GOAL_PROFILES)[number];

/** The goal status a learner's goal-scoped work aims at, by archetype. */
export function goalProfile(rng: Random, archetype: Archetype): GoalProfile {
  if (archetype === "steady") {
    return rng.weighted({ no_work: 0.15, in_progress: 0.25, complete: 0.4, struggling: 0.05, complete_max_work: 0.15 });
  }
  if (archetype === "struggling") {
    return rng.weighted({ no_work: 0.15, in_progress: 0.2, complete: 0.05, struggling: 0.4, complete_max_work: 0.2 });
  }
  return rng.weighted({ no_work: 0.3, in_progress: 0.35, complete: 0.15, struggling: 0.12, complete_max_work: 0.08 });
}
