import { describe, expect, it } from "vitest";
import { DEFAULT_FIT_OPTIONS, emFrom, fitSkill, maximise, restartStarts, type FitOptions } from "./em";
import { expectedCounts } from "./forward-backward";
import { boundsOf, DEFAULT_PARAMS, FORGETTING_BOUNDS, STANDARD_BOUNDS, type BktParams } from "./params";
import { packSequences } from "./sequences";
import { simulateSequences } from "./simulate";

const standard: FitOptions = { ...DEFAULT_FIT_OPTIONS, variant: "standard" };
const forgetting: FitOptions = { ...DEFAULT_FIT_OPTIONS, variant: "forgetting" };

function expectNear(got: BktParams, want: BktParams, tolerance: Partial<Record<keyof BktParams, number>>): void {
  for (const [k, tol] of Object.entries(tolerance) as [keyof BktParams, number][]) {
    expect(Math.abs(got[k] - want[k]), `${k}: fitted ${got[k]}, true ${want[k]}`).toBeLessThanOrEqual(tol);
  }
}

describe("fitSkill recovers the parameters data were simulated with", () => {
  it("standard BKT", () => {
    const truth: BktParams = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 };
    const fit = fitSkill(packSequences(simulateSequences(truth, 2000, 12, 7)), standard);
    expectNear(fit.params, truth, { prior: 0.03, learn: 0.03, guess: 0.03, slip: 0.03 });
    expect(fit.params.forget).toBe(0);
  });

  it("BKT with forgetting, forget fitted too", () => {
    const truth: BktParams = { prior: 0.4, learn: 0.2, guess: 0.25, slip: 0.1, forget: 0.02 };
    const fit = fitSkill(packSequences(simulateSequences(truth, 4000, 20, 11)), forgetting);
    expectNear(fit.params, truth, { prior: 0.03, learn: 0.03, guess: 0.03, slip: 0.03, forget: 0.01 });
  });
});

describe("emFrom", () => {
  // True slip and guess beyond the bounds, so that the bounds bite in most iterations.
  const cases: [string, BktParams][] = [
    ["inside the bounds", { prior: 0.2, learn: 0.1, guess: 0.25, slip: 0.15, forget: 0.02 }],
    ["against the bounds", { prior: 0.5, learn: 0.05, guess: 0.6, slip: 0.55, forget: 0.1 }],
  ];
  for (const [name, truth] of cases) {
    for (const variant of ["standard", "forgetting"] as const) {
      it(`never lowers the log-likelihood (${variant}, ${name})`, () => {
        const seqs = packSequences(simulateSequences(truth, 300, 15, 3));
        const bounds = boundsOf(variant);
        for (const start of restartStarts(variant, 4, 5)) {
          const run = emFrom(seqs, start, { bounds, maxIterations: 60, tolerance: -Infinity });
          expect(run.history.length).toBe(60);
          for (let i = 1; i < run.history.length; i++) {
            expect(run.history[i]!).toBeGreaterThanOrEqual(run.history[i - 1]! - 1e-9 * Math.abs(run.history[i - 1]!));
          }
          for (const [k, [min, max]] of Object.entries(bounds)) {
            const v = run.params[k as keyof BktParams];
            expect(v).toBeGreaterThanOrEqual(min);
            expect(v).toBeLessThanOrEqual(max);
          }
          expect(run.logLikelihood).toBe(expectedCounts(seqs, run.params).logLikelihood);
        }
      });
    }
  }

  it("stops when an iteration gains less than the tolerance per response", () => {
    const seqs = packSequences(simulateSequences(DEFAULT_PARAMS, 200, 10, 9));
    const run = emFrom(seqs, DEFAULT_PARAMS, { bounds: STANDARD_BOUNDS, maxIterations: 10_000, tolerance: 1e-6 });
    expect(run.history.length).toBeLessThan(10_000);
    const h = run.history;
    expect(h[h.length - 1]! - h[h.length - 2]!).toBeLessThan(1e-6 * 2000);
  });
});

describe("maximise", () => {
  it("takes ratios of expected counts, clamped into the bounds", () => {
    const counts = expectedCounts(
      packSequences([
        [true, true, true],
        [true, false, true],
      ]),
      DEFAULT_PARAMS,
    );
    const next = maximise(
      { ...counts, guessed: counts.unlearned * 0.9, slipped: 0 },
      DEFAULT_PARAMS,
      FORGETTING_BOUNDS,
    );
    expect(next.guess).toBe(0.5);
    expect(next.slip).toBe(0.001);
    expect(next.prior).toBeCloseTo(counts.learnedAtStart / 2, 12);
    expect(next.learn).toBeCloseTo(counts.unlearnedToLearned / counts.fromUnlearned, 12);
  });

  it("keeps a parameter with no evidence where it was", () => {
    const counts = expectedCounts(packSequences([[true], [false]]), DEFAULT_PARAMS);
    expect(counts.fromUnlearned + counts.fromLearned).toBe(0);
    const next = maximise(counts, { ...DEFAULT_PARAMS, learn: 0.37 }, STANDARD_BOUNDS);
    expect(next.learn).toBe(0.37);
  });
});

describe("restarts", () => {
  const seqs = packSequences(
    simulateSequences({ prior: 0.35, learn: 0.08, guess: 0.3, slip: 0.2, forget: 0 }, 150, 8, 21),
  );

  it("start from the defaults, then from seeded random points, the same for the same seed", () => {
    const starts = restartStarts("standard", 5, 1);
    expect(starts[0]).toEqual(DEFAULT_PARAMS);
    expect(restartStarts("standard", 5, 1)).toEqual(starts);
    expect(restartStarts("standard", 5, 2)).not.toEqual(starts);
    expect(restartStarts("forgetting", 3, 1)[0]!.forget).toBe(FORGETTING_BOUNDS.forget[0]);
  });

  it("keep the run with the best log-likelihood", () => {
    const options = { ...standard, restarts: 6, maxIterations: 30 };
    const em = { bounds: STANDARD_BOUNDS, maxIterations: 30, tolerance: options.tolerance };
    const runs = restartStarts("standard", 6, options.seed).map((s) => emFrom(seqs, s, em));
    const best = fitSkill(seqs, options);
    expect(best.logLikelihood).toBe(Math.max(...runs.map((r) => r.logLikelihood)));
    expect(new Set(runs.map((r) => r.logLikelihood.toFixed(6))).size).toBeGreaterThan(1);
    expect(fitSkill(seqs, options)).toEqual(best);
  });
});
