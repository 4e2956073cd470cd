/**
 * Parameters of Bayesian Knowledge Tracing for one learning objective (skill): a two-state hidden
 * Markov model, "not yet learned" and "learned", observed through correct/incorrect responses.
 */
export interface BktParams {
  /** P(L0): the skill is learned before the first attempt. */
  prior: number;
  /** P(T): an unlearned skill becomes learned between two attempts. */
  learn: number;
  /** P(G): a correct response while the skill is not learned. */
  guess: number;
  /** P(S): an incorrect response while the skill is learned. */
  slip: number;
  /** P(F): a learned skill is lost between two attempts; 0 in standard BKT. */
  forget: number;
}

/** docs/metrics.md § Status and progress: what an objective that is not fitted uses. */
export const DEFAULT_PARAMS: Readonly<BktParams> = Object.freeze({
  prior: 0.1,
  learn: 0.2,
  guess: 0.2,
  slip: 0.1,
  forget: 0,
});

export type Interval = readonly [min: number, max: number];
export type BktBounds = Readonly<Record<keyof BktParams, Interval>>;

/**
 * Where EM may put the parameters (docs/mastery.md § Bounds).
 *
 * - guess ≤ 0.5 and slip ≤ 0.5: the largest box in which guess ≤ 1 − slip, i.e. the learned state
 *   never answers worse than the unlearned one. Beyond it EM can settle on the label-swapped
 *   solution, in which "learned" means struggling. Tighter caps (0.3) predicted worse here
 *   (held-out AUC 0.747 against 0.759).
 * - forget ≤ 0.03 in the forgetting variant: mastery after a transition is at most 1 − forget, so a
 *   larger forget can put the default goal threshold (0.95) out of reach. With a cap of 0.3, 25 of
 *   the 110 fitted ASSISTments skills could never be mastered, and held-out AUC was only 0.0006 higher.
 * - lower bounds 0.001 and upper bounds 0.999 elsewhere: a parameter at exactly 0 or 1 can never
 *   leave it under EM, and a zero emission makes one surprising response impossible (log 0).
 */
export const STANDARD_BOUNDS: BktBounds = Object.freeze({
  prior: [0.001, 0.999],
  learn: [0.001, 0.999],
  guess: [0.001, 0.5],
  slip: [0.001, 0.5],
  forget: [0, 0],
});

export const FORGETTING_BOUNDS: BktBounds = Object.freeze({
  ...STANDARD_BOUNDS,
  forget: [0.001, 0.03],
});

export type BktVariant = "standard" | "forgetting";

export function boundsOf(variant: BktVariant): BktBounds {
  return variant === "forgetting" ? FORGETTING_BOUNDS : STANDARD_BOUNDS;
}

const KEYS = ["prior", "learn", "guess", "slip", "forget"] as const;

function clamp(x: number, [min, max]: Interval): number {
  return Math.min(max, Math.max(min, x));
}

/** Each parameter moved to the nearest value inside its interval. */
export function clampToBounds(params: BktParams, bounds: BktBounds): BktParams {
  const out = { ...params };
  for (const k of KEYS) out[k] = clamp(params[k], bounds[k]);
  return out;
}

/** Uniform draws inside the bounds, from `uniform` (values in [0, 1)) — a random EM start. */
export function randomParams(bounds: BktBounds, uniform: () => number): BktParams {
  const out = { ...DEFAULT_PARAMS };
  for (const k of KEYS) {
    const [min, max] = bounds[k];
    out[k] = min + (max - min) * uniform();
  }
  return out;
}
