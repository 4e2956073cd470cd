import type { LearnerObject } from "@/db/queries/learners/learner-object";
import { aboveAverageFloor, type EngagementRanges } from "@/lib/analytics/ranges";
import type { Segment } from "@/lib/analytics/segments";
import type { Formats } from "./format";
import { FIGURE_LABELS } from "./labels";

/**
 * Why a learner is in a segment, in words (docs/metrics.md § Segments): the rule that put them there,
 * with their own figures when the figures shown are the default window's (the one segments are
 * computed from), else the rule alone. A segment is about the last 7 days' activity; a goal's
 * status ("Needs help") is about the work on that goal, so one learner may be "Highly engaged" and
 * need help on a goal at once — every reason says so.
 */

const ENGAGED_FIGURES = [
  "problems_attempted",
  "problems_completed",
  "videos_viewed",
  "discussion_contributions",
] as const;

export const SEGMENT_VS_GOALS =
  "Segments describe the last 7 days’ activity in the course; a goal’s status (such as “Needs help”) describes work on that goal.";

/** `figures`: the learner's default-window figures, or null when those shown belong to another window. */
export function segmentReason(
  segment: Segment,
  figures: LearnerObject["engagements"] | null,
  ranges: EngagementRanges | null,
  f: Formats,
): string {
  return `${ruleText(segment, figures, ranges, f)} ${SEGMENT_VS_GOALS}`;
}

function ruleText(
  segment: Segment,
  figures: LearnerObject["engagements"] | null,
  ranges: EngagementRanges | null,
  f: Formats,
): string {
  switch (segment) {
    case "highly_engaged": {
      if (!figures || !ranges)
        return "In the last 7 days, at or above the course’s above-average range on problems tried, problems correct, videos or discussions.";
      const reached = ENGAGED_FIGURES.flatMap((m) => {
        const floor = aboveAverageFloor(ranges[m]);
        return floor !== null && figures[m] >= floor
          ? [
              `${FIGURE_LABELS[m].label.toLowerCase()} ${f.count(figures[m])} (above-average range from ${f.count(Math.ceil(floor))})`,
            ]
          : [];
      });
      return `In the last 7 days: ${reached.join("; ")}.`;
    }
    case "struggling": {
      if (!figures || !ranges)
        return "In the last 7 days, attempted problems but answered none correctly, or needed at least the course’s above-average attempts per problem correct.";
      const ratio = figures.problem_attempts_per_completed;
      if (ratio === null)
        return `In the last 7 days, tried ${f.count(figures.problems_attempted)} problems and answered none correctly.`;
      const floor = aboveAverageFloor(ranges.problem_attempts_per_completed);
      return `In the last 7 days, ${f.ratio(ratio)} attempts per problem correct, at or above the course’s above-average range (from ${f.ratio(floor)}).`;
    }
    case "disengaging":
      return "Active the week before last, but not in the last 7 days.";
    case "inactive":
      return "No activity in the last 14 days.";
    case "unenrolled":
      return "Has left the course (still listed, as every learner who ever enrolled is).";
  }
}
