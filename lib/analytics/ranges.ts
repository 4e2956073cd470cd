/** Engagement ranges of `docs/metrics.md` § Engagement ranges. */

/** `[lower, upper]`, lower-inclusive, upper-exclusive; `null` as the upper bound means unbounded. */
export type Range = [number, number | null];

export interface EngagementRange {
  below_average: Range | null;
  average: Range | null;
  above_average: Range | null;
}

export const RANGE_METRICS = [
  "problems_attempted",
  "problems_completed",
  "problem_attempts_per_completed",
  "discussion_contributions",
  "videos_viewed",
] as const;
export type RangeMetric = (typeof RANGE_METRICS)[number];

export type EngagementRanges = Record<RangeMetric, EngagementRange>;

/**
 * The q-th quantile of sorted values by linear interpolation between closest ranks, at position
 * (n−1)·q (numpy's default). +∞ values are allowed: interpolating towards +∞ gives +∞.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("percentile of no values");
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const frac = pos - lo;
  const a = sorted[lo] as number;
  if (frac === 0 || lo + 1 >= sorted.length) return a;
  const b = sorted[lo + 1] as number;
  if (a === Infinity || b === Infinity) return Infinity;
  return a + (b - a) * frac;
}

// Percentiles are shown to people and compared to integers; 9 decimals hide float noise
// such as 0.5499999999999998 without changing any real value.
function clean(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e9) / 1e9 : x;
}

const bound = (x: number): number | null => (x === Infinity ? null : x);
const range = (lower: number, upper: number): Range | null => (lower === Infinity ? null : [lower, bound(upper)]);

/** The three ranges of one metric from the values of the learners that count for it. */
export function engagementRange(values: readonly number[]): EngagementRange {
  if (values.length === 0) return { below_average: null, average: [0, null], above_average: null };
  const sorted = [...values].sort((a, b) => a - b);
  const p15 = clean(percentile(sorted, 0.15));
  const p85 = clean(percentile(sorted, 0.85));
  const below_average = p15 > 0 ? range(0, p15) : null;
  if (p15 === p85) return { below_average, average: range(p15, Infinity), above_average: null };
  return { below_average, average: range(p15, p85), above_average: range(p85, Infinity) };
}

/** The lower bound of `above_average`, or null when there is none. */
export function aboveAverageFloor(r: EngagementRange): number | null {
  return r.above_average ? r.above_average[0] : null;
}

/** What the ranges read of one learner's default-window figures. */
export interface RangeInput {
  problemsAttempted: number;
  problemsCompleted: number;
  problemAttempts: number;
  videosViewed: number;
  discussionContributions: number;
  daysActive: number;
}

/**
 * A course's ranges from its learners' default-window figures: only active learners count, and for
 * the ratio only those with attempts, a learner with attempts but no completion counting as +∞.
 */
export function engagementRangesOf(learners: Iterable<RangeInput>): EngagementRanges {
  const values: Record<RangeMetric, number[]> = {
    problems_attempted: [],
    problems_completed: [],
    problem_attempts_per_completed: [],
    discussion_contributions: [],
    videos_viewed: [],
  };
  for (const l of learners) {
    if (l.daysActive <= 0) continue;
    values.problems_attempted.push(l.problemsAttempted);
    values.problems_completed.push(l.problemsCompleted);
    values.discussion_contributions.push(l.discussionContributions);
    values.videos_viewed.push(l.videosViewed);
    if (l.problemAttempts > 0) {
      values.problem_attempts_per_completed.push(
        l.problemsCompleted > 0 ? l.problemAttempts / l.problemsCompleted : Infinity,
      );
    }
  }
  return Object.fromEntries(RANGE_METRICS.map((m) => [m, engagementRange(values[m])])) as EngagementRanges;
}

/**
 * A metric's ranges under Open edX's newer names beside the seed's: `class_rank_bottom` is the
 * weaker side, `class_rank_top` the stronger. For every count more is stronger, so bottom is
 * `below_average`; for the attempts ratio fewer attempts per correct problem is stronger, so its
 * `class_rank_top` is the low side, `below_average`.
 */
export interface RankedRange extends EngagementRange {
  class_rank_bottom: Range | null;
  class_rank_average: Range | null;
  class_rank_top: Range | null;
}

export type RankedRanges = Record<RangeMetric, RankedRange>;

export function withClassRanks(ranges: EngagementRanges): RankedRanges {
  const ranked = (metric: RangeMetric): RankedRange => {
    const r = ranges[metric];
    const [bottom, top] =
      metric === "problem_attempts_per_completed"
        ? [r.above_average, r.below_average]
        : [r.below_average, r.above_average];
    return { ...r, class_rank_bottom: bottom, class_rank_average: r.average, class_rank_top: top };
  };
  return Object.fromEntries(RANGE_METRICS.map((m) => [m, ranked(m)])) as RankedRanges;
}
