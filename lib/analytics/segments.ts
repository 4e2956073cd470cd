import type { EngagementMetrics } from "./engagement";
import { aboveAverageFloor, type EngagementRanges } from "./ranges";

/** The five segments of `docs/metrics.md` § Segments, in the order they are listed. */
export const SEGMENTS = ["highly_engaged", "struggling", "disengaging", "inactive", "unenrolled"] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Stored as a bit set: bit i is SEGMENTS[i]. */
export function segmentBit(s: Segment): number {
  return 1 << SEGMENTS.indexOf(s);
}

export function segmentsFromMask(mask: number): Segment[] {
  return SEGMENTS.filter((s) => (mask & segmentBit(s)) !== 0);
}

export function maskOf(segments: readonly Segment[]): number {
  return segments.reduce((m, s) => m | segmentBit(s), 0);
}

/** What the segment rules read of a learner: default-window figures and the week before. */
export interface SegmentInput {
  problemsAttempted: number;
  problemsCompleted: number;
  problemAttempts: number;
  videosViewed: number;
  discussionContributions: number;
  /** Days active in the default window `[as_of − 7, as_of)`. */
  daysActive: number;
  /** Days active in `[as_of − 14, as_of − 7)`. */
  daysActivePrev: number;
  isActive: boolean;
}

const atLeastFloor = (value: number, floor: number | null): boolean => floor !== null && value >= floor;

/** The segments a learner is in, given the course's engagement ranges over the default window. */
export function segmentsOf(x: SegmentInput, ranges: EngagementRanges): Segment[] {
  const out: Segment[] = [];
  if (
    atLeastFloor(x.problemsAttempted, aboveAverageFloor(ranges.problems_attempted)) ||
    atLeastFloor(x.problemsCompleted, aboveAverageFloor(ranges.problems_completed)) ||
    atLeastFloor(x.videosViewed, aboveAverageFloor(ranges.videos_viewed)) ||
    atLeastFloor(x.discussionContributions, aboveAverageFloor(ranges.discussion_contributions))
  ) {
    out.push("highly_engaged");
  }
  if (x.problemAttempts > 0) {
    const floor = aboveAverageFloor(ranges.problem_attempts_per_completed);
    if (x.problemsCompleted === 0 || atLeastFloor(x.problemAttempts / x.problemsCompleted, floor))
      out.push("struggling");
  }
  if (x.daysActive === 0 && x.daysActivePrev > 0) out.push("disengaging");
  if (x.daysActive === 0 && x.daysActivePrev === 0) out.push("inactive");
  if (!x.isActive) out.push("unenrolled");
  return out;
}

/** The segment rules' view of a learner's default-window metrics. */
export function segmentInputOf(m: EngagementMetrics, daysActivePrev: number, isActive: boolean): SegmentInput {
  return {
    problemsAttempted: m.problems_attempted,
    problemsCompleted: m.problems_completed,
    problemAttempts: m.problem_attempts,
    videosViewed: m.videos_viewed,
    discussionContributions: m.discussion_contributions,
    daysActive: m.days_active,
    daysActivePrev,
    isActive,
  };
}
