import type { BktParams } from "./params";
import { REMAINING_HORIZON } from "./remaining";
import { nextMastery, pCorrect } from "./trace";

/**
 * The distribution of further attempts until a goal's rule holds for one objective
 * (docs/mastery.md § Remaining work as a distribution): every future response drawn from the
 * model, correct with P(correct) of the mastery it is answered with, mastery updated by Bayes and
 * learn/forget between answers, and — for a streak rule — the run of correct answers carried along.
 */

/** What completes an objective target: mastery ≥ `threshold` and the last `streak` answers correct (0: no streak). */
export interface CompletionRule {
  threshold: number;
  streak: number;
}

/**
 * P(N = k) for k = 0 … horizon − 1, and at index `horizon` P(N ≥ horizon): what "capped at 30"
 * keeps of the number N of further attempts. Sums to 1.
 */
export type RemainingPmf = Float64Array;

// Mastery grid of the backward recursion (steps of 1/2000, linear interpolation between points).
// Finer grids move the distribution by less than 0.002 per entry (tested against exhaustive paths).
const GRID = 2000;

const at = (k: number) => k / GRID;

/**
 * The backward recursion for one model and rule: F_d(m, s) = P(N ≤ d) from mastery m with a run
 * of s correct answers, for every grid mastery, every s in 0…streak and d < horizon:
 *
 *   F_d(m, s) = 1 when the rule holds at (m, s), else
 *             = P(c)·F_{d−1}(m after correct, min(s + 1, streak)) + P(i)·F_{d−1}(m after incorrect, 0)
 *
 * with F_0 = 1 exactly where the rule holds. Building it costs a few milliseconds; then each
 * starting state costs one exact step and two interpolated reads of `horizon` numbers.
 */
export function remainingTable(
  p: BktParams,
  rule: CompletionRule,
  horizon = REMAINING_HORIZON,
): (mastery: number, run: number) => RemainingPmf {
  const S = rule.streak;
  const rows = S + 1;
  const holds = (m: number, s: number) => m >= rule.threshold && s >= S;
  // F[((s·(GRID+1)) + k)·horizon + d]: a state's CDF over d is contiguous, for the final reads.
  const F = new Float32Array(rows * (GRID + 1) * horizon);
  const cell = (s: number, k: number) => (s * (GRID + 1) + k) * horizon;
  // Where F_{d−1} is read at a mastery off the grid: the offsets of the two grid points around it
  // and the weight of the upper one, linear interpolation — never across the threshold on a row
  // where the streak is already long enough, where F jumps to 1. Weight −1: the rule holds there
  // (F = 1 for every d). The places do not depend on d, so each is found once.
  const place = (s: number, m: number, into: { lo: Int32Array; hi: Int32Array; w: Float64Array }, i: number): void => {
    const x = Math.min(GRID, Math.max(0, m * GRID));
    const l = Math.min(GRID - 1, Math.floor(x));
    into.lo[i] = cell(s, l);
    into.hi[i] = cell(s, l + 1);
    into.w[i] = holds(m, s) ? -1 : s >= S && at(l + 1) >= rule.threshold ? 0 : x - l;
  };
  const value = (lo: number, hi: number, w: number, d: number): number =>
    w < 0 ? 1 : F[lo + d]! + (F[hi + d]! - F[lo + d]!) * w;
  const places = (n: number) => ({ lo: new Int32Array(n), hi: new Int32Array(n), w: new Float64Array(n) });
  const c = new Float64Array(GRID + 1);
  const down = places(GRID + 1);
  const up = places(rows * (GRID + 1));
  for (let k = 0; k <= GRID; k++) {
    c[k] = pCorrect(p, at(k));
    place(0, nextMastery(p, at(k), false), down, k);
    const mc = nextMastery(p, at(k), true);
    for (let s = 0; s < rows; s++) place(Math.min(S, s + 1), mc, up, s * (GRID + 1) + k);
  }
  for (let s = 0; s < rows; s++)
    for (let k = 0; k <= GRID; k++) if (holds(at(k), s)) F.fill(1, cell(s, k), cell(s, k) + horizon);
  for (let d = 1; d < horizon; d++) {
    for (let s = 0; s < rows; s++) {
      for (let k = 0; k <= GRID; k++) {
        if (holds(at(k), s)) continue;
        const u = s * (GRID + 1) + k;
        F[cell(s, k) + d] =
          c[k]! * value(up.lo[u]!, up.hi[u]!, up.w[u]!, d - 1) +
          (1 - c[k]!) * value(down.lo[k]!, down.hi[k]!, down.w[k]!, d - 1);
      }
    }
  }
  const start = places(2);
  return (mastery, run) => {
    const s = Math.min(S, Math.max(0, run));
    const pmf = new Float64Array(horizon + 1);
    if (holds(mastery, s)) {
      pmf[0] = 1;
      return pmf;
    }
    const q = pCorrect(p, mastery);
    place(Math.min(S, s + 1), nextMastery(p, mastery, true), start, 0);
    place(0, nextMastery(p, mastery, false), start, 1);
    const [uLo, uHi, uW] = [start.lo[0]!, start.hi[0]!, start.w[0]!];
    const [dLo, dHi, dW] = [start.lo[1]!, start.hi[1]!, start.w[1]!];
    let before = 0;
    for (let d = 1; d < horizon; d++) {
      const cdf = Math.min(1, Math.max(before, q * value(uLo, uHi, uW, d - 1) + (1 - q) * value(dLo, dHi, dW, d - 1)));
      pmf[d] = cdf - before;
      before = cdf;
    }
    pmf[horizon] = 1 - before;
    return pmf;
  };
}

// The pmfs are sums of products of float32 table entries: a CDF that should be exactly 0.5 may
// come out a hair under it, which must not push the median one attempt up.
const EPSILON = 1e-6;

/** The smallest k with P(N ≤ k) ≥ level: the median at 0.5, `work_remaining_range` at 0.1 and 0.9. */
export function quantile(pmf: Float64Array, level: number): number {
  let cdf = 0;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k]!;
    if (cdf >= level - EPSILON) return k;
  }
  return pmf.length - 1;
}

/** The fewest further attempts, all correct, after which the rule holds; `horizon` when 30 do not do it. */
export function minToComplete(
  p: BktParams,
  mastery: number,
  run: number,
  rule: CompletionRule,
  horizon = REMAINING_HORIZON,
): number {
  let m = mastery;
  for (let k = 0; k < horizon; k++) {
    if (m >= rule.threshold && run + k >= rule.streak) return k;
    m = nextMastery(p, m, true);
  }
  return horizon;
}
