import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, type BktParams } from "./params";
import { initialState, masteryAfter, nextMastery, observe, pCorrect, trace } from "./trace";

const p = DEFAULT_PARAMS;
const allCorrect = Array<boolean>(10).fill(true);
const allIncorrect = Array<boolean>(10).fill(false);

describe("trace", () => {
  it("predicts each response from the ones before it, the first from the prior", () => {
    const steps = trace(p, [true, false, true]);
    expect(steps[0]!.pCorrect).toBeCloseTo(0.1 * 0.9 + 0.9 * 0.2, 12);
    expect(steps[1]!.pCorrect).toBeCloseTo(pCorrect(p, steps[0]!.mastery), 12);
    expect(steps[2]!.pCorrect).toBeCloseTo(pCorrect(p, steps[1]!.mastery), 12);
    expect(masteryAfter(p, [true, false, true])).toBe(steps[2]!.mastery);
    expect(masteryAfter(p, [])).toBe(p.prior);
  });

  it("applies the learn transition after the posterior: one correct answer from the defaults", () => {
    // Posterior 0.1·0.9 / (0.1·0.9 + 0.9·0.2) = 1/3, then 1/3 + 2/3·0.2.
    expect(masteryAfter(p, [true])).toBeCloseTo(1 / 3 + (2 / 3) * 0.2, 12);
  });

  it("raises an all-correct learner's mastery at every step, to ≥ 0.95 by the third answer", () => {
    const m = trace(p, allCorrect).map((s) => s.mastery);
    for (let i = 1; i < m.length; i++) expect(m[i]!).toBeGreaterThan(m[i - 1]!);
    expect(m[1]!).toBeLessThan(0.95);
    expect(m[2]!).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps an all-incorrect learner's mastery low", () => {
    for (const s of trace(p, allIncorrect)) expect(s.mastery).toBeLessThan(0.3);
    expect(masteryAfter(p, allIncorrect)).toBeLessThan(masteryAfter(p, [true, ...allIncorrect.slice(1)]) + 1e-9);
  });

  it("lowers mastery between attempts when the model forgets", () => {
    const forgetful: BktParams = { ...p, forget: 0.1 };
    const withForget = trace(forgetful, allCorrect).map((s) => s.mastery);
    const without = trace(p, allCorrect).map((s) => s.mastery);
    withForget.forEach((m, i) => expect(m).toBeLessThan(without[i]!));
    for (const m of withForget) expect(m).toBeLessThanOrEqual(1 - forgetful.forget);
    // From the same high mastery the transition alone takes some of it away.
    const high = observe(forgetful, { learned: 0.99, unlearned: 0.01 }, true);
    const noTransition = (0.99 * 0.9) / (0.99 * 0.9 + 0.01 * 0.2);
    expect(high.learned).toBeLessThan(noTransition);
  });

  it("comes back down after a long run of correct answers, which 1 − mastery alone would lose", () => {
    // After 25 correct answers P(not learned) is 1.07e−18, below what 1 − mastery can hold; 25
    // incorrect ones then bring mastery to 0.2325 (exact rational arithmetic).
    const runs = [...Array<boolean>(25).fill(true), ...Array<boolean>(25).fill(false)];
    expect(1 - masteryAfter(p, runs.slice(0, 25))).toBe(0);
    expect(masteryAfter(p, runs)).toBeCloseTo(0.23245189205776878, 9);
    expect(nextMastery(p, 1, false)).toBe(1);
  });

  it("keeps P(learned) + P(not learned) = 1", () => {
    let s = initialState(p);
    for (const c of [true, false, false, true, true]) {
      s = observe({ ...p, forget: 0.05 }, s, c);
      expect(s.learned + s.unlearned).toBeCloseTo(1, 14);
    }
  });
});
