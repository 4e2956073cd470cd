import type { EngagementRange, RangeMetric } from "./ranges";

/**
 * Where a learner's figure sits in the course's engagement ranges (docs/metrics.md § Engagement ranges;
 * every range lower-inclusive, upper-exclusive): `low` inside below_average, `high` at or above
 * above_average's lower bound, `average` otherwise. Null when there is nothing to place.
 */
export type Band = "low" | "average" | "high";

export function bandOf(value: number, range: EngagementRange): Band {
  const below = range.below_average;
  if (below && value >= below[0] && (below[1] === null || value < below[1])) return "low";
  if (range.above_average && value >= range.above_average[0]) return "high";
  return "average";
}

/**
 * The band of a roster figure. The ratio is null both with no attempts (nothing to place) and
 * with attempts but nothing completed, which the ranges count as +∞ (always high).
 */
export function figureBand(
  metric: RangeMetric,
  value: number | null,
  range: EngagementRange,
  ctx: { problemsAttempted: number },
): Band | null {
  if (value === null) {
    if (metric !== "problem_attempts_per_completed" || ctx.problemsAttempted === 0) return null;
    return range.above_average ? "high" : null;
  }
  return bandOf(value, range);
}

/** Whether a band is the concerning side: low activity, or a high ratio of attempts per problem solved. */
export function isConcerning(metric: RangeMetric, band: Band): boolean {
  return metric === "problem_attempts_per_completed" ? band === "high" : band === "low";
}
