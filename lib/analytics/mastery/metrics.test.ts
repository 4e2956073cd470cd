import { describe, expect, it } from "vitest";
import { auc, rmse } from "./metrics";

describe("auc", () => {
  it("is 1 for a perfect ranking and 0 for the inverse one", () => {
    const labels = [false, false, true, true, true];
    expect(auc(labels, [0.1, 0.2, 0.3, 0.8, 0.9])).toBe(1);
    expect(auc(labels, [0.9, 0.8, 0.3, 0.2, 0.1])).toBe(0);
  });

  it("counts a tie between a correct and an incorrect response as one half", () => {
    expect(auc([true, false, true, false], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // Pairs (positive, negative): (0.8, 0.4) 1, (0.8, 0.8) ½, (0.4, 0.4) ½, (0.4, 0.8) 0 → 2 of 4.
    expect(auc([true, false, true, false], [0.8, 0.4, 0.4, 0.8])).toBe(0.5);
    // (0.7, 0.2) 1, (0.7, 0.7) ½, (0.3, 0.2) 1, (0.3, 0.7) 0 → 2.5 of 4.
    expect(auc([true, true, false, false], [0.7, 0.3, 0.2, 0.7])).toBe(0.625);
  });

  it("matches counting every pair on a larger sample with many ties", () => {
    const labels: boolean[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 300; i++) {
      labels.push((i * 7919) % 5 < 2);
      scores.push(((i * 104729) % 11) / 10);
    }
    let wins = 0;
    let pairs = 0;
    labels.forEach((li, i) => {
      if (!li) return;
      labels.forEach((lj, j) => {
        if (lj) return;
        pairs++;
        wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
      });
    });
    expect(auc(labels, scores)).toBeCloseTo(wins / pairs, 12);
  });

  it("is undefined without both outcomes, and for mismatched inputs", () => {
    expect(() => auc([true, true], [0.1, 0.2])).toThrow(RangeError);
    expect(() => auc([true, false], [0.1])).toThrow(RangeError);
    expect(() => auc([], [])).toThrow(RangeError);
  });
});

describe("rmse", () => {
  it("is the root mean squared difference from the 0/1 outcomes", () => {
    expect(rmse([true, false], [1, 0])).toBe(0);
    expect(rmse([true, false], [0, 1])).toBe(1);
    expect(rmse([true, false, true, false], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rmse([true, false], [0.9, 0.3])).toBeCloseTo(Math.sqrt((0.01 + 0.09) / 2), 12);
  });
});
