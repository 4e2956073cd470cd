import { FIGURE_LABELS } from "@/lib/dashboard/labels";
import type { SeriesKey } from "./timeline-params";

/** What the timeline calls each per-day series: the figures' names, plus the attempts behind the ratio. */
export const SERIES_LABELS: Record<SeriesKey, string> = {
  problems_attempted: FIGURE_LABELS.problems_attempted.label,
  problems_completed: FIGURE_LABELS.problems_completed.label,
  videos_viewed: FIGURE_LABELS.videos_viewed.label,
  discussion_contributions: FIGURE_LABELS.discussion_contributions.label,
  problem_attempts: "Attempts",
};

/**
 * How each series is drawn: a colour (learner.css, per theme) and a dash pattern, so the lines stay
 * apart without relying on colour alone. The checkboxes show the same swatch, as the chart's legend.
 */
export const SERIES_DASH: Record<SeriesKey, string | undefined> = {
  problems_attempted: undefined,
  problems_completed: "7 3",
  videos_viewed: undefined,
  discussion_contributions: "2 3",
  problem_attempts: "10 4 2 4",
};

export const seriesColour = (key: SeriesKey) => `var(--series-${key.replaceAll("_", "-")})`;
