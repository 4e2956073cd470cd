import { describe, expect, it } from "vitest";
import { criteriaText } from "./goal-labels";

const base = { minPredictedMastery: 0.95, minConsecutiveCorrect: null, minWorkPerTarget: 0, maxWorkOnGoal: null };

describe("criteriaText", () => {
  it("says the mastery rule, with the work requirement when there is one", () => {
    expect(criteriaText("objective", base)[0]).toBe("A target is complete when its predicted mastery reaches 95%.");
    expect(criteriaText("objective", { ...base, minWorkPerTarget: 2 })[0]).toBe("A target is complete when its predicted mastery reaches 95% and it has at least 2 attempts on this goal.");
  });

  it("says a streak goal's rule, and its threshold only when one is set", () => {
    expect(criteriaText("objective", { ...base, minPredictedMastery: 0, minConsecutiveCorrect: 3 })[0]).toBe("A target is complete when the learner's last 3 answers on it are correct.");
    expect(criteriaText("objective", { ...base, minPredictedMastery: 0.9, minConsecutiveCorrect: 1, minWorkPerTarget: 1 })[0]).toBe(
      "A target is complete when the learner's last answer on it is correct, its predicted mastery reaches 90% and it has at least 1 attempt on this goal.",
    );
  });
});
