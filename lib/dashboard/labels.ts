import type { RangeMetric } from "@/lib/analytics/ranges";
import type { Segment } from "@/lib/analytics/segments";

/**
 * What the dashboard calls each figure and segment, and the one-line explanation its tooltips
 * give; the definitions are docs/metrics.md's.
 */

export interface FigureLabel {
  label: string;
  /** For narrow headers. */
  short: string;
  description: string;
}

export const FIGURE_LABELS: Record<RangeMetric, FigureLabel> = {
  problems_attempted: {
    label: "Problems tried",
    short: "Tried",
    description: "Distinct problems the learner attempted at least once in the window.",
  },
  problems_completed: {
    label: "Problems correct",
    short: "Correct",
    description: "Distinct problems the learner answered correctly at least once in the window.",
  },
  problem_attempts_per_completed: {
    label: "Attempts per problem correct",
    short: "Attempts / correct",
    description:
      "Problem attempts divided by problems answered correctly in the window; N/A when none was answered correctly. High is the concerning side.",
  },
  videos_viewed: {
    label: "Videos",
    short: "Videos",
    description: "Distinct videos the learner played in the window.",
  },
  discussion_contributions: {
    label: "Discussions",
    short: "Posts",
    description: "Discussion posts, responses and comments the learner wrote in the window.",
  },
};

/** The figures in the roster's column order. */
export const FIGURE_ORDER: readonly RangeMetric[] = [
  "problems_attempted",
  "problems_completed",
  "problem_attempts_per_completed",
  "videos_viewed",
  "discussion_contributions",
];

export const SEGMENT_LABELS: Record<Segment, { label: string; description: string }> = {
  highly_engaged: {
    label: "Highly engaged",
    description:
      "In the last 7 days, above the course's average range on problems tried, problems correct, videos or discussions.",
  },
  struggling: {
    label: "Struggling",
    description:
      "In the last 7 days, attempted problems but answered none correctly, or needed many more attempts per problem than most.",
  },
  disengaging: {
    label: "Disengaging",
    description: "Active the week before last, but not in the last 7 days.",
  },
  inactive: {
    label: "Inactive",
    description: "No activity in the last 14 days.",
  },
  unenrolled: {
    label: "Unenrolled",
    description: "Has left the course (still listed, as every learner who ever enrolled is).",
  },
};
