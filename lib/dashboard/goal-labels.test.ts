import { describe, expect, it } from "vitest";
import { formatsFor } from "./format";
import { criteriaText, workRemainingWords } from "./goal-labels";

const base = { minPredictedMastery: 0.95, minConsecutiveCorrect: null, minWorkPerTarget: 0, maxWorkOnGoal: null };

describe("criteriaText", () => {
  it("says the mastery rule, with the work requirement when there is one", () => {
    expect(criteriaText("objective", base)[0]).toBe("A target is complete when its predicted mastery reaches 95%.");
    expect(criteriaText("objective", { ...base, minWorkPerTarget: 2 })[0]).toBe(
      "A target is complete when its predicted mastery reaches 95% and it has at least 2 attempts on this goal.",
    );
  });

  it("says a streak goal's rule, and its threshold only when one is set", () => {
    expect(criteriaText("objective", { ...base, minPredictedMastery: 0, minConsecutiveCorrect: 3 })[0]).toBe(
      "A target is complete when the learner's last 3 answers on it are correct.",
    );
    expect(
      criteriaText("objective", {
        ...base,
        minPredictedMastery: 0.9,
        minConsecutiveCorrect: 1,
        minWorkPerTarget: 1,
      })[0],
    ).toBe(
      "A target is complete when the learner's last answer on it is correct, its predicted mastery reaches 90% and it has at least 1 attempt on this goal.",
    );
  });
});

describe("workRemainingWords", () => {
  const f = formatsFor("en");
  it("says the typical number and the usual range", () => {
    expect(workRemainingWords(4, [2, 7], f)).toEqual({ about: "about 4", usually: "usually 2–7" });
    expect(workRemainingWords(12, [5, 30], f)).toEqual({ about: "about 12", usually: "usually 5 or more" });
    expect(workRemainingWords(30, [14, 30], f)).toEqual({ about: "30+", usually: null });
    expect(workRemainingWords(3, [3, 3], f)).toEqual({ about: "3", usually: null });
    expect(workRemainingWords(1, [1, 2], f)).toEqual({ about: "about 1", usually: "usually 1–2" });
  });
  it("gives no range when done or when the model is not fitted", () => {
    expect(workRemainingWords(0, [0, 0], f)).toEqual({ about: "0", usually: null });
    expect(workRemainingWords(-1, [-1, -1], f)).toEqual({ about: "Not enough data", usually: null });
  });
});
