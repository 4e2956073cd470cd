import { describe, expect, it } from "vitest";
import { bandOf, figureBand, isConcerning } from "./bands";
import { engagementRange } from "./ranges";

// The first reference case of docs/metrics.md: below [0,13], average [13,50], above [50,null].
const ref = engagementRange([4, 13, 13, 13, 15, 15, 15, 15, ...Array(11).fill(50), 154]);

describe("bandOf", () => {
  it("places values by lower-inclusive, upper-exclusive bounds", () => {
    expect(ref.below_average).toEqual([0, 13]);
    expect(bandOf(0, ref)).toBe("low");
    expect(bandOf(12, ref)).toBe("low");
    expect(bandOf(13, ref)).toBe("average");
    expect(bandOf(49, ref)).toBe("average");
    expect(bandOf(50, ref)).toBe("high");
    expect(bandOf(154, ref)).toBe("high");
  });

  it("has no low band when below_average is null and no high band when above_average is null", () => {
    const flat = engagementRange([0]); // below null, average [0,null], above null
    expect(bandOf(0, flat)).toBe("average");
    expect(bandOf(9, flat)).toBe("average");
    const fives = engagementRange([5, 5, 5, 5, 5, 5]); // below [0,5], average [5,null]
    expect(bandOf(4, fives)).toBe("low");
    expect(bandOf(500, fives)).toBe("average");
  });
});

describe("figureBand", () => {
  const ratio = engagementRange([1, 2, 3, 4, 5, 6, 7, Infinity]); // above [6.95, null]
  it("counts a null ratio with attempts (nothing solved) as high, and without attempts as nothing", () => {
    expect(figureBand("problem_attempts_per_completed", null, ratio, { problemsAttempted: 3 })).toBe("high");
    expect(figureBand("problem_attempts_per_completed", null, ratio, { problemsAttempted: 0 })).toBeNull();
    expect(figureBand("problem_attempts_per_completed", 7, ratio, { problemsAttempted: 3 })).toBe("high");
    expect(figureBand("problem_attempts_per_completed", 3, ratio, { problemsAttempted: 3 })).toBe("average");
    expect(figureBand("problem_attempts_per_completed", 2, ratio, { problemsAttempted: 3 })).toBe("low");
  });
});

describe("isConcerning", () => {
  it("is the low side for activity and the high side for the ratio", () => {
    expect(isConcerning("videos_viewed", "low")).toBe(true);
    expect(isConcerning("videos_viewed", "high")).toBe(false);
    expect(isConcerning("problem_attempts_per_completed", "high")).toBe(true);
    expect(isConcerning("problem_attempts_per_completed", "low")).toBe(false);
  });
});
