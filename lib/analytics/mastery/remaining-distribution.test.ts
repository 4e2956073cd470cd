import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, type BktParams } from "./params";
import { expectedRemaining, minRemaining } from "./remaining";
import { minToComplete, remainingTable, type CompletionRule } from "./remaining-distribution";
import { nextMastery, pCorrect } from "./trace";

// Mastery 1 without forgetting stays 1 whatever the answers (Bayes cannot leave certainty), so
// every answer is correct with probability 1 − slip = 0.8: the textbook "3 in a row" chain.
const sure: BktParams = { prior: 1, learn: 0.2, guess: 0.2, slip: 0.2, forget: 0 };
const streak3: CompletionRule = { threshold: 0, streak: 3 };

// Every path, to `depth` attempts: P(N = k) for k < depth, and P(N ≥ depth) last.
function brute(p: BktParams, m: number, run: number, rule: CompletionRule, depth: number): number[] {
  const out = new Array<number>(depth + 1).fill(0);
  const walk = (mm: number, s: number, k: number, w: number): void => {
    if (mm >= rule.threshold && s >= rule.streak) return void (out[k]! += w);
    if (k === depth) return void (out[depth]! += w);
    const c = pCorrect(p, mm);
    walk(nextMastery(p, mm, true), Math.min(rule.streak, s + 1), k + 1, w * c);
    walk(nextMastery(p, mm, false), 0, k + 1, w * (1 - c));
  };
  walk(m, run, 0, 1);
  return out;
}

describe("remainingTable (streak rule, P(correct) 0.8 throughout)", () => {
  const table = remainingTable(sure, streak3);
  const close = (pmf: Float64Array, expected: Record<number, number>) => {
    for (const [k, v] of Object.entries(expected)) expect(pmf[Number(k)], `P(N = ${k})`).toBeCloseTo(v, 6);
  };

  it("from streak 2: one correct (0.8), else an incorrect and three correct (0.2·0.8³ at 4, then 0.2·0.2·0.8³ at 5)", () => {
    close(table(1, 2), { 0: 0, 1: 0.8, 2: 0, 3: 0, 4: 0.1024, 5: 0.02048 });
  });

  it("from streak 1: c c (0.64), i c c c (0.1024), then c i c c c or i i c c c (0.08192 + 0.02048)", () => {
    close(table(1, 1), { 0: 0, 1: 0, 2: 0.64, 3: 0, 4: 0.1024, 5: 0.08192 + 0.02048 });
  });

  it("from streak 0: c c c (0.512), then an incorrect before the run (0.1024 at 4, 5 and 6), and at 7 no run in the first three", () => {
    close(table(1, 0), { 2: 0, 3: 0.512, 4: 0.1024, 5: 0.1024, 6: 0.1024, 7: (1 - 0.512) * 0.2 * 0.512 });
  });

  it("is 0 once the streak is there, and a distribution (sums to 1, the rest past 30 at index 30)", () => {
    expect(table(1, 3)[0]).toBe(1);
    expect(table(1, 7)[0]).toBe(1);
    const pmf = table(1, 0);
    expect(pmf.length).toBe(31);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(pmf.every((w) => w >= 0)).toBe(true);
    expect(pmf[30]).toBeGreaterThan(0);
  });
});

describe("remainingTable (threshold rule)", () => {
  const p = DEFAULT_PARAMS;
  const rule: CompletionRule = { threshold: 0.95, streak: 0 };
  const table = remainingTable(p, rule);

  it("from the prior 0.1 with the defaults: three correct answers at the least, P(N = 3) = 0.27 · 0.5267 · 0.7866", () => {
    // By hand: P(c) at 0.1 is 0.1·0.9 + 0.9·0.2 = 0.27; mastery after a correct answer is
    // 0.09/0.27 = 1/3, then learn: 1/3 + 2/3·0.2 = 0.4667, where P(c) = 0.5267; then 0.8380 and
    // P(c) 0.7866; then 0.9670 ≥ 0.95.
    const pmf = table(0.1, 0);
    expect([pmf[0], pmf[1], pmf[2]]).toEqual([0, 0, 0]);
    expect(pmf[3]).toBeCloseTo(0.27 * 0.52667 * 0.78658, 3);
  });

  it("is 0 at the threshold and past it", () => {
    expect(table(0.95, 0)[0]).toBe(1);
    expect(table(0.99, 0)[0]).toBe(1);
  });

  it("has the mean of the expected-remaining recursion", () => {
    for (const m of [0.1, 0.3, 0.6, 0.9]) {
      const pmf = table(m, 0);
      const mean = pmf.reduce((a, w, k) => a + w * k, 0);
      expect(Math.abs(mean - expectedRemaining(p, m, 0.95))).toBeLessThan(0.02);
    }
  });
});

describe("remainingTable against every path", () => {
  const models: BktParams[] = [
    DEFAULT_PARAMS,
    { prior: 0.3, learn: 0.05, guess: 0.3, slip: 0.3, forget: 0 },
    { prior: 0.4, learn: 0.1, guess: 0.25, slip: 0.15, forget: 0.03 },
  ];
  const rules: CompletionRule[] = [
    { threshold: 0.95, streak: 0 },
    { threshold: 0, streak: 3 },
    { threshold: 0.9, streak: 2 },
  ];
  it("agrees entry by entry within 0.003 up to 12 attempts", () => {
    for (const p of models) {
      for (const rule of rules) {
        const table = remainingTable(p, rule, 12);
        for (const [m, run] of [
          [p.prior, 0],
          [0.55, 1],
          [0.83, 2],
        ] as const) {
          const exact = brute(p, m, run, rule, 12);
          const got = table(m, run);
          for (let k = 0; k <= 12; k++) expect(Math.abs(got[k]! - exact[k]!), `k = ${k}`).toBeLessThan(0.003);
        }
      }
    }
  });
});

describe("minToComplete", () => {
  it("is the streak still missing, or the correct answers mastery needs, whichever is more", () => {
    expect(minToComplete(sure, 1, 1, streak3)).toBe(2);
    expect(minToComplete(DEFAULT_PARAMS, 0.1, 0, { threshold: 0.95, streak: 0 })).toBe(
      minRemaining(DEFAULT_PARAMS, 0.1, 0.95),
    );
    expect(minToComplete(DEFAULT_PARAMS, 0.1, 2, { threshold: 0.95, streak: 5 })).toBe(3);
    expect(minToComplete(DEFAULT_PARAMS, 0.1, 0, { threshold: 0.95, streak: 5 })).toBe(5);
    expect(minToComplete(DEFAULT_PARAMS, 0.1, 0, { threshold: 1.01, streak: 0 })).toBe(30);
  });
});
