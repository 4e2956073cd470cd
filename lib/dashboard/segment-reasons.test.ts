import { describe, expect, it } from "vitest";
import { engagementRange, type EngagementRanges } from "@/lib/analytics/ranges";
import { formatsFor } from "./format";
import { outsideWorkText } from "./goal-labels";
import { segmentReason } from "./segment-reasons";

const f = formatsFor("en-US");
// Ranges from a spread of values, so every figure has an above-average range.
const spread = engagementRange([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]);
const ranges: EngagementRanges = {
  problems_attempted: spread,
  problems_completed: spread,
  videos_viewed: spread,
  discussion_contributions: spread,
  problem_attempts_per_completed: engagementRange([1, 1.2, 1.5, 2, 2.5, 3, 4, 6]),
};
const figures = (over: Partial<Record<string, number | null>>) => ({
  date_range: { start: "2026-03-13", end: "2026-03-20" },
  problems_attempted: 0,
  problems_completed: 0,
  videos_viewed: 0,
  discussion_contributions: 0,
  problem_attempts_per_completed: null,
  ...over,
});

describe("segmentReason", () => {
  it("names the figures that reached the above-average range, and says segments are not goal statuses", () => {
    const text = segmentReason(
      "highly_engaged",
      figures({ problems_attempted: 20, problems_completed: 3, videos_viewed: 20 }),
      ranges,
      f,
    );
    expect(text).toMatch(
      /^In the last 7 days: problems tried 20 \(above-average range from \d+\); videos 20 \(above-average range from \d+\)\./,
    );
    expect(text).not.toContain("problems correct");
    expect(text).toContain("a goal’s status (such as “Needs help”) describes work on that goal");
  });

  it("says which struggling rule holds: none correct, or the ratio at the threshold", () => {
    expect(segmentReason("struggling", figures({ problems_attempted: 3 }), ranges, f)).toMatch(
      /^In the last 7 days, tried 3 problems and answered none correctly\./,
    );
    expect(
      segmentReason(
        "struggling",
        figures({ problems_attempted: 4, problems_completed: 2, problem_attempts_per_completed: 6.5 }),
        ranges,
        f,
      ),
    ).toMatch(
      /^In the last 7 days, 6\.5 attempts per problem correct, at or above the course’s above-average range \(from \d\.\d\)\./,
    );
  });

  it("gives the rule alone when the figures shown are another window's", () => {
    expect(segmentReason("highly_engaged", null, ranges, f)).toMatch(
      /^In the last 7 days, at or above the course’s above-average range on problems tried/,
    );
    expect(segmentReason("inactive", null, null, f)).toMatch(/^No activity in the last 14 days\./);
  });
});

describe("outsideWorkText", () => {
  it("says what was solved and tried outside the goal, and nothing when there is nothing", () => {
    expect(outsideWorkText({ problems: 4, solved: 2, attempted: 2 }, f)).toBe(
      "2 of 4 target problems already solved outside this goal",
    );
    expect(outsideWorkText({ problems: 4, solved: 2, attempted: 3 }, f)).toBe(
      "2 of 4 target problems already solved outside this goal, 1 more tried",
    );
    expect(outsideWorkText({ problems: 19, solved: 0, attempted: 1 }, f)).toBe(
      "1 of 19 target problems tried outside this goal, none solved",
    );
    expect(outsideWorkText({ problems: 4, solved: 0, attempted: 0 }, f)).toBeNull();
  });
});
