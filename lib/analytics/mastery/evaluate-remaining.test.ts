import { describe, expect, it } from "vitest";
import {
  completionIndex,
  medianOf,
  remainingCase,
  spearman,
  summarize,
  trajectory,
  type RemainingCase,
} from "./evaluate-remaining";
import type { BktParams } from "./params";
import { remainingTable, type CompletionRule } from "./remaining-distribution";
import { simulateSequences } from "./simulate";

const truth: BktParams = { prior: 0.2, learn: 0.15, guess: 0.25, slip: 0.1, forget: 0.01 };
const rules: CompletionRule[] = [
  { threshold: 0, streak: 3 },
  { threshold: 0.9, streak: 0 },
];

/**
 * Learners drawn from `truth`, read at every attempt 0…14 before the rule held — moments chosen
 * from the past alone, with 30 answers after each, so the capped actual value is always known —
 * and predicted with `model`.
 */
function simulatedCases(model: BktParams, rule: CompletionRule): RemainingCase[] {
  const table = remainingTable(model, rule);
  const out: RemainingCase[] = [];
  for (const answers of simulateSequences(truth, 600, 45, 7)) {
    const path = trajectory(model, answers);
    const truePath = trajectory(truth, answers);
    for (let cut = 0; cut < 15; cut++) {
      // When the rule holds is read off the true posterior (for a threshold rule) or the answers.
      if (truePath.mastery[cut]! >= rule.threshold && truePath.streak[cut]! >= rule.streak) break;
      const c = remainingCase(model, table, rule, path, cut);
      const done = completionIndex({ mastery: truePath.mastery.slice(cut), streak: truePath.streak.slice(cut) }, rule);
      out.push({ ...c, actual: Math.min(30, done ?? 30) });
    }
  }
  return out;
}

describe("work_remaining_range on data simulated from known parameters", () => {
  it("holds the actual remaining work at least 8 times in 10, missing it about 1 in 10 above and no more below", () => {
    for (const rule of rules) {
      const s = summarize(simulatedCases(truth, rule), 3);
      expect(s.n).toBeGreaterThan(2000);
      expect(s.inRange, JSON.stringify(rule)).toBeGreaterThanOrEqual(0.78);
      expect(s.below).toBeLessThanOrEqual(0.12);
      expect(s.above).toBeLessThanOrEqual(0.12);
      // Nor is the top padded: the 90th percentile is about where one in ten goes past (0.09 here).
      expect(s.above).toBeGreaterThanOrEqual(0.05);
      // And the median ranks the learners: who is predicted to need more does need more.
      expect(Math.abs(s.spearman)).toBeGreaterThan(0.3);
    }
  });

  it("does not with a model that is wrong about the learners (the check can fail)", () => {
    // Guess 0.5 and slip 0.01: the model thinks every run of correct answers comes easily.
    const optimistic = { ...truth, guess: 0.5, slip: 0.01, learn: 0.5 };
    const s = summarize(simulatedCases(optimistic, rules[0]!), 3);
    expect(s.above).toBeGreaterThan(0.2);
  });
});

describe("summaries", () => {
  it("Spearman: 1 for the same order, −1 reversed, ties at their mean rank", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    // Ranks [1.5, 1.5, 3] against [1, 2, 3]: r = 0.866.
    expect(spearman([5, 5, 7], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2);
  });

  it("error, bias, coverage and the baselines over the cases with a known actual value", () => {
    const c = (predicted: number, low: number, high: number, bound: number, actual: number | null): RemainingCase => ({
      predicted,
      low,
      high,
      bound,
      actual,
      observed: 5,
    });
    const s = summarize([c(3, 3, 6, 3, 3), c(4, 3, 8, 2, 9), c(5, 4, 9, 3, 2), c(9, 9, 9, 9, null)], 3);
    expect(s.n).toBe(3);
    expect(s.mae).toBeCloseTo((0 + 5 + 3) / 3);
    expect(s.bias).toBeCloseTo((0 - 5 + 3) / 3);
    expect([s.inRange, s.below, s.above]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(s.maeConstant).toBeCloseTo((0 + 6 + 1) / 3);
    expect(s.maeBound).toBeCloseTo((0 + 7 + 1) / 3);
    expect(medianOf([4, 1, 3, 2])).toBe(2);
  });
});
