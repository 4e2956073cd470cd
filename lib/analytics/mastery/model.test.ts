import { describe, expect, it } from "vitest";
import { predictResponses } from "./evaluate";
import { DEFAULT_VARIANT, fitAll, fitObjective, paramsOf } from "./model";
import { DEFAULT_PARAMS, type BktParams } from "./params";
import { simulateSequences } from "./simulate";
import { trace } from "./trace";

describe("fitObjective", () => {
  const truth: BktParams = { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 };
  const many = simulateSequences(truth, 40, 6, 4);

  it("keeps the defaults until 5 users have at least 3 attempts", () => {
    const four = [...many.slice(0, 4).map((s) => s.slice(0, 3)), [true, false], [false, false]];
    expect(fitObjective(four)).toEqual({ params: DEFAULT_PARAMS, fitted: false, logLikelihood: null });
    const five = [...four, many[4]!.slice(0, 3)];
    const fit = fitObjective(five);
    expect(fit.fitted).toBe(true);
    expect(fit.params).not.toEqual(DEFAULT_PARAMS);
  });

  it("fits the default variant unless told otherwise", () => {
    expect(fitObjective(many).params.forget > 0).toBe(DEFAULT_VARIANT === "forgetting");
    expect(fitObjective(many, { variant: "standard" }).params.forget).toBe(0);
  });
});

describe("fitAll and predictResponses", () => {
  const sims = simulateSequences({ prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 }, 12, 5, 8);
  // Two skills, each user's responses interleaved across them, as a real log is.
  const log = sims.flatMap((seq, u) =>
    seq.flatMap((correct, t) => [
      { user: `u${u}`, skill: "a", correct },
      { user: `u${u}`, skill: "b", correct: t % 2 === 0 },
    ]),
  );
  const fits = fitAll(log, { variant: "standard" });

  it("fits every skill of the log and falls back to the defaults for an unknown one", () => {
    expect([...fits.keys()].sort()).toEqual(["a", "b"]);
    expect(paramsOf(fits, "a")).toBe(fits.get("a")!.params);
    expect(paramsOf(fits, "nowhere")).toEqual(DEFAULT_PARAMS);
  });

  it("predicts each response from the same user's earlier responses on that skill only", () => {
    const predicted = predictResponses(log, (skill) => paramsOf(fits, skill));
    for (const [u, seq] of sims.entries()) {
      const want = trace(paramsOf(fits, "a"), seq).map((s) => s.pCorrect);
      const got = log.flatMap((r, i) => (r.user === `u${u}` && r.skill === "a" ? [predicted[i]!] : []));
      expect(got).toEqual(want);
    }
  });
});
