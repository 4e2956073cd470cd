import { describe, expect, it } from "vitest";
import { engagementRange, type EngagementRanges } from "./ranges";
import { maskOf, segmentsFromMask, segmentsOf, SEGMENTS, type SegmentInput } from "./segments";

// above_average floors: attempted 50, completed 50, ratio 6.95, discussions 50, videos 50.
const wide = engagementRange([4, 13, 13, 13, 15, 15, 15, 15, ...Array<number>(11).fill(50), 154]);
const ranges: EngagementRanges = {
  problems_attempted: wide,
  problems_completed: wide,
  problem_attempts_per_completed: engagementRange([1, 2, 3, 4, 5, 6, 7, Infinity]),
  discussion_contributions: wide,
  videos_viewed: engagementRange([5, 5, 5]), // above_average null: never makes anyone highly engaged
};

const learner = (over: Partial<SegmentInput> = {}): SegmentInput => ({
  problemsAttempted: 0,
  problemsCompleted: 0,
  problemAttempts: 0,
  videosViewed: 0,
  discussionContributions: 0,
  daysActive: 1,
  daysActivePrev: 0,
  isActive: true,
  ...over,
});

describe("segmentsOf", () => {
  it("highly_engaged at or above the above_average floor of any counted metric", () => {
    expect(segmentsOf(learner({ problemsAttempted: 50 }), ranges)).toContain("highly_engaged");
    expect(segmentsOf(learner({ discussionContributions: 50 }), ranges)).toContain("highly_engaged");
    expect(
      segmentsOf(learner({ problemsAttempted: 49, problemsCompleted: 49, problemAttempts: 49 }), ranges),
    ).not.toContain("highly_engaged");
  });
  it("no highly_engaged from a metric whose above_average is null", () => {
    expect(segmentsOf(learner({ videosViewed: 1000 }), ranges)).toEqual([]);
  });
  it("struggling with attempts and nothing completed", () => {
    expect(segmentsOf(learner({ problemsAttempted: 1, problemAttempts: 3 }), ranges)).toEqual(["struggling"]);
  });
  it("struggling when the ratio reaches the ratio's above_average floor, not below it", () => {
    expect(segmentsOf(learner({ problemsAttempted: 1, problemsCompleted: 1, problemAttempts: 7 }), ranges)).toEqual([
      "struggling",
    ]);
    expect(segmentsOf(learner({ problemsAttempted: 1, problemsCompleted: 1, problemAttempts: 6 }), ranges)).toEqual([]);
  });
  it("not struggling without attempts", () => {
    expect(segmentsOf(learner(), ranges)).toEqual([]);
  });
  it("disengaging: active the week before, not in the default window", () => {
    expect(segmentsOf(learner({ daysActive: 0, daysActivePrev: 2 }), ranges)).toEqual(["disengaging"]);
  });
  it("inactive: not active in the last 14 days", () => {
    expect(segmentsOf(learner({ daysActive: 0, daysActivePrev: 0 }), ranges)).toEqual(["inactive"]);
  });
  it("unenrolled, alongside others", () => {
    expect(segmentsOf(learner({ daysActive: 0, isActive: false }), ranges)).toEqual(["inactive", "unenrolled"]);
  });
  it("a learner may be in several segments", () => {
    expect(segmentsOf(learner({ problemsAttempted: 60, problemAttempts: 70 }), ranges)).toEqual([
      "highly_engaged",
      "struggling",
    ]);
  });
});

describe("segment bit sets", () => {
  it("round-trip every combination in the listed order", () => {
    for (let mask = 0; mask < 1 << SEGMENTS.length; mask++) expect(maskOf(segmentsFromMask(mask))).toBe(mask);
  });
});
