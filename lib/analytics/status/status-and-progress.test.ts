import { describe, expect, it } from "vitest";
import { goalStatusOf, type Criteria, type ObjectiveTargetInput } from "./status-and-progress";

const criteria: Criteria = {
  minPredictedMastery: 0.95,
  minConsecutiveCorrect: null,
  minWorkPerTarget: 0,
  maxWorkOnGoal: null,
};

/** A pmf over 0…30 from {attempts: probability}. */
const dist = (weights: Record<number, number>): Float64Array => {
  const pmf = new Float64Array(31);
  for (const [k, w] of Object.entries(weights)) pmf[Number(k)] = w;
  return pmf;
};
const done = dist({ 0: 1 });

const objective = (over: Partial<ObjectiveTargetInput> = {}): ObjectiveTargetInput => ({
  kind: "objective",
  id: "lo-1",
  work: 0,
  mastery: 0.1,
  streak: 0,
  fitted: true,
  // Mean 6.4, median 5.
  toComplete: dist({ 4: 0.3, 5: 0.4, 10: 0.3 }),
  minToComplete: 4,
  ...over,
});

describe("target status (objective)", () => {
  it("is complete with mastery at the threshold and enough work; progress 1, nothing remaining", () => {
    const r = goalStatusOf(
      criteria,
      5,
      [objective({ work: 5, mastery: 0.95, toComplete: done, minToComplete: 0 })],
      null,
    );
    expect(r.targets[0]).toMatchObject({ status: "complete", progress: 1, expectedRemaining: 0 });
    expect(r).toMatchObject({ status: "complete", progress: 1, workRemaining: 0 });
  });

  it("needs min_work_per_target too: mastered with too little work is in progress, the shortfall remaining", () => {
    const r = goalStatusOf(
      { ...criteria, minWorkPerTarget: 5 },
      2,
      [objective({ work: 2, mastery: 0.99, toComplete: done, minToComplete: 0 })],
      null,
    );
    expect(r.targets[0]).toMatchObject({ status: "in_progress", expectedRemaining: 3, minRemaining: 3 });
    expect(r.targets[0]!.progress).toBeCloseTo(2 / 5);
    expect(r.workRemaining).toBe(3);
  });

  it("is no_work without goal-scoped work even when mastery is high from other work", () => {
    const r = goalStatusOf(
      { ...criteria, minWorkPerTarget: 1 },
      0,
      [objective({ work: 0, mastery: 0.99, toComplete: done, minToComplete: 0 })],
      null,
    );
    expect(r.targets[0]!.status).toBe("no_work");
    expect(r.status).toBe("no_work");
    expect(r.progress).toBe(0);
  });

  it("is struggling after ten goal-scoped attempts without mastery, in progress before", () => {
    expect(goalStatusOf(criteria, 9, [objective({ work: 9 })], null).targets[0]!.status).toBe("in_progress");
    const r = goalStatusOf(criteria, 10, [objective({ work: 10 })], null);
    expect(r.targets[0]!.status).toBe("struggling");
    expect(r.status).toBe("struggling");
  });

  it("takes progress as work over work plus the expected (mean) remaining; work remaining is the median, the range its 10th–90th percentiles", () => {
    // Mean 0.5·4 + 0.5·8 = 6; P(N ≤ 4) = 0.5 reaches the median at 4; P(N ≤ 4) ≥ 0.1 and only P(N ≤ 8) ≥ 0.9.
    const r = goalStatusOf(criteria, 4, [objective({ work: 4, toComplete: dist({ 4: 0.5, 8: 0.5 }) })], null);
    expect(r.targets[0]!.progress).toBeCloseTo(0.4);
    expect(r.progress).toBeCloseTo(0.4);
    expect(r.workRemaining).toBe(4);
    expect(r.workRemainingRange).toEqual([4, 8]);
  });

  it("owes at least the min_work_per_target shortfall on every path: max(N, shortfall)", () => {
    // Shortfall 5: the paths at 4 become 5; median 5, range [5, 8].
    const r = goalStatusOf(
      { ...criteria, minWorkPerTarget: 6 },
      1,
      [objective({ work: 1, toComplete: dist({ 4: 0.5, 8: 0.5 }) })],
      null,
    );
    expect(r.workRemaining).toBe(5);
    expect(r.workRemainingRange).toEqual([5, 8]);
    expect(r.targets[0]!.expectedRemaining).toBe(6);
  });
});

describe("target status (streak goal)", () => {
  const streak3: Criteria = { ...criteria, minPredictedMastery: 0, minConsecutiveCorrect: 3 };
  it("is complete when the last three answers are correct, whatever the mastery; in progress with two", () => {
    expect(
      goalStatusOf(
        streak3,
        3,
        [objective({ work: 3, mastery: 0.2, streak: 3, toComplete: done, minToComplete: 0 })],
        null,
      ),
    ).toMatchObject({ status: "complete", workRemaining: 0 });
    const two = goalStatusOf(
      streak3,
      2,
      [objective({ work: 2, mastery: 0.99, streak: 2, toComplete: dist({ 1: 0.8, 4: 0.2 }), minToComplete: 1 })],
      null,
    );
    expect(two).toMatchObject({ status: "in_progress", workRemaining: 1, workRemainingRange: [1, 4] });
    expect(two.targets[0]!.progress).toBeCloseTo(2 / (2 + 0.8 + 0.8));
  });

  it("needs the mastery threshold too when the goal sets one", () => {
    const both = { ...streak3, minPredictedMastery: 0.95 };
    expect(goalStatusOf(both, 3, [objective({ work: 3, mastery: 0.9, streak: 3 })], null).status).toBe("in_progress");
    expect(
      goalStatusOf(
        both,
        3,
        [objective({ work: 3, mastery: 0.96, streak: 3, toComplete: done, minToComplete: 0 })],
        null,
      ).status,
    ).toBe("complete");
  });

  it("is struggling after ten goal-scoped attempts without the streak", () => {
    expect(goalStatusOf(streak3, 10, [objective({ work: 10, mastery: 0.99, streak: 1 })], null).status).toBe(
      "struggling",
    );
  });
});

describe("target status (item)", () => {
  const item = (work: number, correct: number) => ({ kind: "item" as const, id: "p1", work, correct });
  it("is complete with one correct answer, struggling after three misses, else in progress or no work", () => {
    const status = (w: number, c: number) => goalStatusOf(criteria, w, [item(w, c)], null).targets[0]!.status;
    expect(status(0, 0)).toBe("no_work");
    expect(status(2, 0)).toBe("in_progress");
    expect(status(3, 0)).toBe("struggling");
    expect(status(4, 1)).toBe("complete");
  });
});

describe("goal status", () => {
  // Mean 0.9 + 2 + 2.7 = 5.6 (what progress reads), median 5 (what work_remaining says; it was round(5.6) = 6 when it was the mean).
  const b56 = dist({ 3: 0.3, 5: 0.4, 9: 0.3 });
  const two = [
    objective({ id: "a", work: 3, mastery: 0.99, toComplete: done, minToComplete: 0 }),
    objective({ id: "b", work: 2, toComplete: b56, minToComplete: 3 }),
  ];
  it("is complete_max_work once goal work reaches max_work_on_goal with a target open, with nothing remaining", () => {
    const r = goalStatusOf({ ...criteria, maxWorkOnGoal: 5 }, 5, two, null);
    expect(r).toMatchObject({ status: "complete_max_work", workRemaining: 0 });
    expect(r.progress).toBeCloseTo(5 / (5 + 5.6));
    expect(goalStatusOf({ ...criteria, maxWorkOnGoal: 6 }, 5, two, null).status).toBe("in_progress");
  });

  it("sums the open targets' distributions (independent targets: their convolution), caps at 30, and says −1 when an open objective is not fitted", () => {
    // {1: ½, 3: ½} + {2: 1} = {3: ½, 5: ½}: median 3, range [3, 5] — not the sum of the medians' neighbours.
    const sum = goalStatusOf(
      criteria,
      5,
      [
        objective({ id: "x", work: 1, toComplete: dist({ 1: 0.5, 3: 0.5 }) }),
        objective({ id: "y", work: 1, toComplete: dist({ 2: 1 }) }),
      ],
      null,
    );
    expect([sum.workRemaining, sum.workRemainingRange]).toEqual([3, [3, 5]]);
    expect(goalStatusOf(criteria, 5, two, null).workRemaining).toBe(5);
    const capped = goalStatusOf(
      criteria,
      5,
      [
        objective({ id: "x", work: 1, toComplete: dist({ 25: 1 }) }),
        objective({ id: "y", work: 1, toComplete: dist({ 20: 1 }) }),
      ],
      null,
    );
    expect([capped.workRemaining, capped.workRemainingRange]).toEqual([30, [30, 30]]);
    const unfitted = goalStatusOf(criteria, 5, [two[0]!, objective({ id: "b", work: 2, fitted: false })], null);
    expect([unfitted.workRemaining, unfitted.workRemainingRange]).toEqual([-1, [-1, -1]]);
    // A complete target that is not fitted does not matter.
    expect(goalStatusOf(criteria, 5, [{ ...two[0]!, fitted: false }, two[1]!], null).workRemaining).toBe(5);
  });

  it("has nothing remaining, range [0, 0], once complete", () => {
    expect(goalStatusOf(criteria, 5, [two[0]!], null)).toMatchObject({
      status: "complete",
      workRemaining: 0,
      workRemainingRange: [0, 0],
    });
  });

  it("gives each topic the average and the fewest attempts remaining over its own open targets", () => {
    const r = goalStatusOf(criteria, 5, two, [
      { topic_id: "t1", targets: ["a"] },
      { topic_id: "t2", targets: ["a", "b"] },
    ]);
    expect(r.topics).toEqual([
      { topicId: "t1", averageWorkRemaining: 0, minWorkRemaining: 0 },
      { topicId: "t2", averageWorkRemaining: 5, minWorkRemaining: 3 },
    ]);
    expect(goalStatusOf(criteria, 5, two, null).topics).toBeNull();
  });
});
