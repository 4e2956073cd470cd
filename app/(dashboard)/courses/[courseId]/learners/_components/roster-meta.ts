import type { EngagementRanges } from "@/lib/analytics/ranges";
import type { Segment } from "@/lib/analytics/segments";

/** What the roster's controls need of the course: counts for the selects, ranges, the as-of day. */
export interface RosterMeta {
  asOf: string;
  cohorts: Record<string, number>;
  modes: Record<string, number>;
  segments: Record<Segment, number>;
  ranges: EngagementRanges;
  /** Learners who ever enrolled (the roster's size before any filter). */
  total: number;
}
