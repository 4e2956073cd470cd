import type { BktParams } from "./params";
import { nextMastery, pCorrect } from "./trace";

/** docs/metrics.md: the remaining-work recursion looks at most 30 attempts ahead. */
export const REMAINING_HORIZON = 30;

// The expectation below merges future mastery values that fall in the same 1/1000-wide bin. Kept
// apart they double with every attempt (2³⁰ paths, and they rarely coincide); merged, one call is
// ~60k steps. Measured against finer bins the answer moves by less than 0.01 attempts.
const BINS = 1000;

/**
 * The fewest further attempts, all answered correctly, after which mastery ≥ `threshold`: 0 when it
 * already is, and `horizon` (30) when even 30 correct answers do not get there — which is also the
 * answer when the threshold can never be reached (with forgetting, mastery stays ≤ 1 − forget).
 */
export function minRemaining(p: BktParams, mastery: number, threshold: number, horizon = REMAINING_HORIZON): number {
  let m = mastery;
  for (let k = 0; k < horizon; k++) {
    if (m >= threshold) return k;
    m = nextMastery(p, m, true);
  }
  return horizon;
}

/**
 * The expected number of further attempts until mastery ≥ `threshold` when every future response
 * is drawn from the model (correct with P(correct) at the mastery it is answered with), truncated
 * at `horizon` attempts: E[min(N, 30)] for the first attempt N after which mastery is there.
 *
 * That is the recursion E(m, d) = 0 when m ≥ threshold or d = 0, else
 * 1 + P(c)·E(m after correct, d − 1) + P(i)·E(m after incorrect, d − 1), E(mastery, 30); a path that
 * is not there after 30 attempts counts 30, which is the same as summing the truncated series
 * Σₖ₌₀²⁹ P(N > k). It is evaluated forwards: the probability mass of the paths not yet there,
 * by mastery bin, one attempt at a time, each attempt adding the mass still going.
 */
export function expectedRemaining(
  p: BktParams,
  mastery: number,
  threshold: number,
  horizon = REMAINING_HORIZON,
): number {
  if (mastery >= threshold) return 0;
  let mass = new Float64Array(BINS + 1);
  // Σ mass·mastery per bin, so that a bin's paths continue from their mass-weighted mean mastery.
  let moment = new Float64Array(BINS + 1);
  let nextMass = new Float64Array(BINS + 1);
  let nextMoment = new Float64Array(BINS + 1);
  const add = (m: number, w: number): void => {
    if (m >= threshold || w === 0) return;
    const bin = Math.floor(m * BINS);
    nextMass[bin] = nextMass[bin]! + w;
    nextMoment[bin] = nextMoment[bin]! + w * m;
  };
  const bin0 = Math.floor(mastery * BINS);
  mass[bin0] = 1;
  moment[bin0] = mastery;
  let expected = 0;
  for (let d = 0; d < horizon; d++) {
    nextMass.fill(0);
    nextMoment.fill(0);
    let going = 0;
    for (let b = 0; b <= BINS; b++) {
      const w = mass[b]!;
      if (w === 0) continue;
      going += w;
      const m = moment[b]! / w;
      const c = pCorrect(p, m);
      add(nextMastery(p, m, true), w * c);
      add(nextMastery(p, m, false), w * (1 - c));
    }
    if (going === 0) break;
    expected += going;
    [mass, nextMass] = [nextMass, mass];
    [moment, nextMoment] = [nextMoment, moment];
  }
  return expected;
}
