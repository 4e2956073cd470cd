import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, type BktParams } from "./params";
import { expectedRemaining, minRemaining, REMAINING_HORIZON } from "./remaining";
import { nextMastery, pCorrect } from "./trace";

const p = DEFAULT_PARAMS;

// The recursion of the definition, over every path (2^depth of them).
function bruteExpected(q: BktParams, m: number, threshold: number, depth: number): number {
  if (m >= threshold || depth === 0) return 0;
  const c = pCorrect(q, m);
  return (
    1 +
    c * bruteExpected(q, nextMastery(q, m, true), threshold, depth - 1) +
    (1 - c) * bruteExpected(q, nextMastery(q, m, false), threshold, depth - 1)
  );
}

const models: BktParams[] = [
  p,
  { prior: 0.3, learn: 0.05, guess: 0.3, slip: 0.3, forget: 0 },
  { prior: 0.4, learn: 0.1, guess: 0.25, slip: 0.15, forget: 0.03 },
];

describe("minRemaining", () => {
  it("counts the correct answers needed, 0 when already there", () => {
    expect(minRemaining(p, 0.1, 0.95)).toBe(3);
    expect(minRemaining(p, nextMastery(p, 0.1, true), 0.95)).toBe(2);
    expect(minRemaining(p, 0.95, 0.95)).toBe(0);
    expect(minRemaining(p, 0.99, 0.95)).toBe(0);
  });

  it("is the cap, 30, when the threshold cannot be reached", () => {
    // With forgetting, mastery stays ≤ 1 − forget = 0.9.
    expect(minRemaining({ ...p, forget: 0.1 }, 0.1, 0.95)).toBe(REMAINING_HORIZON);
    expect(minRemaining(p, 0.1, 1.01)).toBe(30);
  });
});

describe("expectedRemaining", () => {
  it("is 0 when mastery is already at the threshold", () => {
    for (const q of models) {
      expect(expectedRemaining(q, 0.95, 0.95)).toBe(0);
      expect(expectedRemaining(q, 0.97, 0.95)).toBe(0);
    }
  });

  it("is at least the min remaining", () => {
    for (const q of models) {
      for (const m of [0, 0.05, 0.1, 0.3, 0.5, 0.8, 0.94]) {
        for (const threshold of [0.6, 0.9, 0.95]) {
          expect(expectedRemaining(q, m, threshold)).toBeGreaterThanOrEqual(minRemaining(q, m, threshold));
        }
      }
    }
  });

  it("agrees with the exact recursion over every path", () => {
    for (const q of models) {
      for (const m of [q.prior, 0.6]) {
        expect(Math.abs(expectedRemaining(q, m, 0.95, 12) - bruteExpected(q, m, 0.95, 12))).toBeLessThan(0.01);
      }
    }
  });

  it("counts a path still short of the threshold after 30 attempts as 30: E[min(N, 30)]", () => {
    // guess = slip = 0 and prior = learn: every attempt is correct with probability 0.2 and a
    // correct one is mastery (1), an incorrect one leaves mastery at 0.2 — N is geometric.
    const q: BktParams = { prior: 0.2, learn: 0.2, guess: 0, slip: 0, forget: 0 };
    expect(expectedRemaining(q, 0.2, 0.95)).toBeCloseTo((1 - 0.8 ** 30) / 0.2, 9);
    expect(expectedRemaining(q, 0.2, 0.95, 5)).toBeCloseTo((1 - 0.8 ** 5) / 0.2, 9);
  });

  it("is 30 when the threshold cannot be reached", () => {
    expect(expectedRemaining({ ...p, forget: 0.1 }, 0.1, 0.95)).toBeCloseTo(30, 9);
  });

  it("falls as mastery rises", () => {
    const at = [0.1, 0.3, 0.5, 0.7, 0.9].map((m) => expectedRemaining(p, m, 0.95));
    for (let i = 1; i < at.length; i++) expect(at[i]!).toBeLessThan(at[i - 1]!);
  });
});
