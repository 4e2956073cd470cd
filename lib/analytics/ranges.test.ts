import { describe, expect, it } from "vitest";
import { engagementRange, engagementRangesOf, percentile, withClassRanks } from "./ranges";

describe("engagementRange — the reference cases of docs/metrics.md", () => {
  it("[4, 13×3, 15×4, 50×11, 154]", () => {
    const values = [4, 13, 13, 13, 15, 15, 15, 15, ...Array<number>(11).fill(50), 154];
    expect(engagementRange(values)).toEqual({ below_average: [0, 13], average: [13, 50], above_average: [50, null] });
  });
  it("[5,5,5,5,5,5]", () => {
    expect(engagementRange([5, 5, 5, 5, 5, 5])).toEqual({
      below_average: [0, 5],
      average: [5, null],
      above_average: null,
    });
  });
  it("[0]", () => {
    expect(engagementRange([0])).toEqual({ below_average: null, average: [0, null], above_average: null });
  });
  it("[1,0,0,0]", () => {
    expect(engagementRange([1, 0, 0, 0])).toEqual({
      below_average: null,
      average: [0, 0.55],
      above_average: [0.55, null],
    });
  });
  it("[1..7, +∞]", () => {
    expect(engagementRange([1, 2, 3, 4, 5, 6, 7, Infinity])).toEqual({
      below_average: [0, 2.05],
      average: [2.05, 6.95],
      above_average: [6.95, null],
    });
  });
  it("no values", () => {
    expect(engagementRange([])).toEqual({ below_average: null, average: [0, null], above_average: null });
  });
});

describe("engagementRange — infinities", () => {
  it("interpolating towards +∞ gives +∞, written as a null upper bound", () => {
    // positions (n−1)·q = 0.3 and 1.7 on [1, ∞, ∞]: both percentiles are +∞.
    expect(engagementRange([1, Infinity, Infinity])).toEqual({
      below_average: [0, null],
      average: null,
      above_average: null,
    });
  });
  it("average [p15, null] with above null when p85 is +∞ and p15 finite", () => {
    const r = engagementRange([1, 1, 1, 1, 1, 1, 1, 1, Infinity, Infinity]);
    expect(r.below_average).toEqual([0, 1]);
    expect(r.average).toEqual([1, null]);
    expect(r.above_average).toBeNull();
  });
  it("all +∞: every range whose lower bound would be +∞ is null", () => {
    expect(engagementRange([Infinity, Infinity])).toEqual({
      below_average: [0, null],
      average: null,
      above_average: null,
    });
  });
});

describe("percentile", () => {
  it("interpolates linearly at (n−1)·q like numpy", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.85)).toBe(10);
    expect(percentile([0, 10], 0.15)).toBeCloseTo(1.5, 12);
  });
});

describe("engagementRangesOf", () => {
  const learner = (over: Partial<Parameters<typeof engagementRangesOf>[0] extends Iterable<infer T> ? T : never>) => ({
    problemsAttempted: 0,
    problemsCompleted: 0,
    problemAttempts: 0,
    videosViewed: 0,
    discussionContributions: 0,
    daysActive: 1,
    ...over,
  });
  it("counts only active learners, and for the ratio only those with attempts (no completion = +∞)", () => {
    const ranges = engagementRangesOf([
      learner({ problemsAttempted: 2, problemsCompleted: 1, problemAttempts: 2 }),
      learner({ problemsAttempted: 1, problemsCompleted: 0, problemAttempts: 5 }),
      learner({ videosViewed: 3 }),
      learner({ problemsAttempted: 99, daysActive: 0 }),
    ]);
    // attempted over active learners: [2, 1, 0]
    expect(ranges.problems_attempted).toEqual(engagementRange([2, 1, 0]));
    // ratio over learners with attempts: [2, +∞]
    expect(ranges.problem_attempts_per_completed).toEqual(engagementRange([2, Infinity]));
    expect(ranges.videos_viewed).toEqual(engagementRange([0, 0, 3]));
  });
  it("gives the no-values ranges for a course with nobody active", () => {
    const ranges = engagementRangesOf([learner({ daysActive: 0 })]);
    expect(ranges.discussion_contributions).toEqual({ below_average: null, average: [0, null], above_average: null });
  });
});

describe("withClassRanks — Open edX's newer names", () => {
  it("puts the low side at the bottom of every count and at the top of the attempts ratio", () => {
    const learner = (problemsAttempted: number, problemsCompleted: number, problemAttempts: number) => ({
      problemsAttempted,
      problemsCompleted,
      problemAttempts,
      videosViewed: 0,
      discussionContributions: 0,
      daysActive: 1,
    });
    const ranges = engagementRangesOf([learner(1, 1, 1), learner(2, 2, 3), learner(3, 3, 8), learner(4, 1, 5)]);
    const ranked = withClassRanks(ranges);
    expect(ranked.problems_attempted).toEqual({
      ...ranges.problems_attempted,
      class_rank_bottom: [0, 1.45],
      class_rank_average: [1.45, 3.55],
      class_rank_top: [3.55, null],
    });
    expect(ranked.problem_attempts_per_completed).toEqual({
      ...ranges.problem_attempts_per_completed,
      class_rank_bottom: [3.95, null],
      class_rank_average: [1.225, 3.95],
      class_rank_top: [0, 1.225],
    });
  });
});
