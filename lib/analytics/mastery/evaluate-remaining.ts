import type { BktParams } from "./params";
import { REMAINING_HORIZON } from "./remaining";
import { minToComplete, quantile, type CompletionRule, type RemainingPmf } from "./remaining-distribution";
import { initialState, observe } from "./trace";

/**
 * Remaining work checked against what learners did (docs/mastery.md § Measured: remaining work):
 * a learner's answers on a skill are cut after `cut` of them, the model predicts the further
 * attempts until the rule holds from the state there, and the answers after the cut say when it
 * actually did — the first attempt after which the rule holds on the real answers (for a
 * threshold rule, the model's own posterior updated on them crossing the threshold).
 */

export interface RemainingCase {
  /** The median of the predicted distribution (what `work_remaining` says). */
  predicted: number;
  /** Its 10th and 90th percentiles (`work_remaining_range`). */
  low: number;
  high: number;
  /** The rule's trivial bound: the all-correct path (for "N in a row" alone, N − the current streak). */
  bound: number;
  /** Further attempts until the rule held, capped at 30 like the prediction; null when it never did within the answers seen. */
  actual: number | null;
  /** Answers after the cut. */
  observed: number;
}

/** Per state along a sequence: mastery and the run of correct answers after t answers, t = 0…n. */
export function trajectory(p: BktParams, responses: readonly boolean[]): { mastery: number[]; streak: number[] } {
  let s = initialState(p);
  const mastery = [s.learned];
  const streak = [0];
  for (const correct of responses) {
    s = observe(p, s, correct);
    mastery.push(s.learned);
    streak.push(correct ? streak.at(-1)! + 1 : 0);
  }
  return { mastery, streak };
}

/** The first t at which the rule holds along the trajectory, or null. */
export function completionIndex(path: { mastery: number[]; streak: number[] }, rule: CompletionRule): number | null {
  for (let t = 0; t < path.mastery.length; t++)
    if (path.mastery[t]! >= rule.threshold && path.streak[t]! >= rule.streak) return t;
  return null;
}

/**
 * The case of a sequence cut after `cut` answers (the rule must not hold there). With the cap, an
 * actual value is known also when the rule never held but 30 or more answers followed the cut.
 */
export function remainingCase(
  p: BktParams,
  table: (mastery: number, streak: number) => RemainingPmf,
  rule: CompletionRule,
  path: { mastery: number[]; streak: number[] },
  cut: number,
): RemainingCase {
  const m = path.mastery[cut]!;
  const s = path.streak[cut]!;
  const pmf = table(m, s);
  const done = completionIndex({ mastery: path.mastery.slice(cut), streak: path.streak.slice(cut) }, rule);
  const observed = path.mastery.length - 1 - cut;
  const actual =
    done !== null ? Math.min(REMAINING_HORIZON, done) : observed >= REMAINING_HORIZON ? REMAINING_HORIZON : null;
  return {
    predicted: quantile(pmf, 0.5),
    low: quantile(pmf, 0.1),
    high: quantile(pmf, 0.9),
    bound: minToComplete(p, m, s, rule),
    actual,
    observed,
  };
}

export interface RemainingSummary {
  n: number;
  mae: number;
  bias: number;
  spearman: number;
  /** Share of actual values inside [low, high]. */
  inRange: number;
  /** Shares below low and above high. */
  below: number;
  above: number;
  /** Mean absolute error of a constant (the train split's median actual value) and of the trivial bound. */
  constant: number;
  maeConstant: number;
  maeBound: number;
  biasBound: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Ranks 1…n, ties sharing their mean rank. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]!] === xs[order[i]!]) j++;
    for (let k = i; k <= j; k++) out[order[k]!] = (i + j + 2) / 2;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson's on the ranks, ties at their mean rank); NaN when either side is constant. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The median of a list (the lower middle one for an even count, as a work_remaining would be a whole number). */
export function medianOf(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Error, bias, rank correlation and range coverage over the cases with a known actual value. */
export function summarize(cases: readonly RemainingCase[], constant: number): RemainingSummary {
  const known = cases.filter((c): c is RemainingCase & { actual: number } => c.actual !== null);
  const actual = known.map((c) => c.actual);
  const share = (f: (c: RemainingCase & { actual: number }) => boolean) => known.filter(f).length / known.length;
  return {
    n: known.length,
    mae: mean(known.map((c) => Math.abs(c.predicted - c.actual))),
    bias: mean(known.map((c) => c.predicted - c.actual)),
    spearman: spearman(
      known.map((c) => c.predicted),
      actual,
    ),
    inRange: share((c) => c.low <= c.actual && c.actual <= c.high),
    below: share((c) => c.actual < c.low),
    above: share((c) => c.actual > c.high),
    constant,
    maeConstant: mean(actual.map((a) => Math.abs(constant - a))),
    maeBound: mean(known.map((c) => Math.abs(c.bound - c.actual))),
    biasBound: mean(known.map((c) => c.bound - c.actual)),
  };
}
