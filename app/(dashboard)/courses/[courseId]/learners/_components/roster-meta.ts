import type { EngagementRanges } from "@/lib/analytics/ranges";
import type { Segment } from "@/lib/analytics/segments";

/** What the roster's controls need of the course: counts for the selects, ranges, the as-of day. */
export interface RosterMeta {
  asOf: string;
  cohorts: Record<string, number>;
  modes: Record<string, number>;
  segments: Record<Segment, number>;
  /** The course's ranges: the default window's. */
  ranges: EngagementRanges;
  /** The ranges of the custom window the page was rendered for, if any (later windows ask `windowRangesFor`). */
  windowRanges: { start: string; end: string; ranges: EngagementRanges } | null;
  /** Learners who ever enrolled (the roster's size before any filter). */
  total: number;
}
