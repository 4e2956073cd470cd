import { Random } from "@/lib/random";
import { expectedCounts, type ExpectedCounts } from "./forward-backward";
import {
  boundsOf,
  clampToBounds,
  DEFAULT_PARAMS,
  randomParams,
  type BktBounds,
  type BktParams,
  type BktVariant,
} from "./params";
import type { SkillSequences } from "./sequences";

export interface EmOptions {
  bounds: BktBounds;
  /** At most this many E-steps. */
  maxIterations: number;
  /** Stop once an iteration gains less log-likelihood than this per response. */
  tolerance: number;
}

export interface EmRun {
  params: BktParams;
  /** Log-likelihood of `params`: the last entry of `history`. */
  logLikelihood: number;
  /** Log-likelihood before each M-step, i.e. of each iterate, starting with `start`. */
  history: number[];
}

// A ratio whose denominator is no evidence at all (e.g. no sequence longer than one response, so
// no transition was ever observed) leaves the parameter where it was.
function ratio(num: number, den: number, previous: number): number {
  return den > 0 ? num / den : previous;
}

/**
 * The M-step. The expected complete-data log-likelihood splits into one Bernoulli term per
 * parameter, each concave with its maximum at the ratio of expected counts, so clamping each ratio
 * into its interval is the exact maximum under the bounds: bounded EM still never lowers the
 * likelihood.
 */
export function maximise(n: ExpectedCounts, previous: BktParams, bounds: BktBounds): BktParams {
  return clampToBounds(
    {
      prior: ratio(n.learnedAtStart, n.sequences, previous.prior),
      learn: ratio(n.unlearnedToLearned, n.fromUnlearned, previous.learn),
      forget: ratio(n.learnedToUnlearned, n.fromLearned, previous.forget),
      guess: ratio(n.guessed, n.unlearned, previous.guess),
      slip: ratio(n.slipped, n.learned, previous.slip),
    },
    bounds,
  );
}

/** Baum–Welch from one starting point until the gain per iteration falls below the tolerance. */
export function emFrom(seqs: SkillSequences, start: BktParams, options: EmOptions): EmRun {
  const responses = seqs.outcomes.length;
  let params = clampToBounds(start, options.bounds);
  const history: number[] = [];
  for (let i = 0; i < options.maxIterations; i++) {
    const counts = expectedCounts(seqs, params);
    const previous = history[history.length - 1];
    history.push(counts.logLikelihood);
    if (previous !== undefined && counts.logLikelihood - previous < options.tolerance * responses) break;
    if (i + 1 === options.maxIterations) break;
    params = maximise(counts, params, options.bounds);
  }
  return { params, logLikelihood: history[history.length - 1] ?? 0, history };
}

export interface FitOptions {
  variant: BktVariant;
  /** EM runs: the first from the defaults, the rest from seeded random points inside the bounds. */
  restarts: number;
  seed: number;
  maxIterations: number;
  tolerance: number;
}

export const DEFAULT_FIT_OPTIONS: Readonly<Omit<FitOptions, "variant">> = Object.freeze({
  restarts: 5,
  seed: 1,
  maxIterations: 200,
  tolerance: 1e-7,
});

/** The starting points of a fit's restarts, deterministic for a seed. */
export function restartStarts(variant: BktVariant, restarts: number, seed: number): BktParams[] {
  const bounds = boundsOf(variant);
  const random = new Random(seed);
  const uniform = (): number => random.float();
  const starts: BktParams[] = [];
  for (let i = 0; i < restarts; i++) {
    starts.push(i === 0 ? { ...DEFAULT_PARAMS, forget: bounds.forget[0] } : randomParams(bounds, uniform));
  }
  return starts;
}

/** The best (highest log-likelihood) of several EM runs on one skill's sequences. */
export function fitSkill(seqs: SkillSequences, options: FitOptions): EmRun {
  const em: EmOptions = {
    bounds: boundsOf(options.variant),
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  };
  let best: EmRun | null = null;
  for (const start of restartStarts(options.variant, options.restarts, options.seed)) {
    const run = emFrom(seqs, start, em);
    if (best === null || run.logLikelihood > best.logLikelihood) best = run;
  }
  if (best === null) throw new RangeError("fitSkill needs at least one restart");
  return best;
}
