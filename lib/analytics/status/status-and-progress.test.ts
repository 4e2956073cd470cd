import { describe, expect, it } from "vitest";
import { goalStatusOf, type Criteria, type ObjectiveTargetInput } from "./status-and-progress";

const criteria: Criteria = { minPredictedMastery: 0.95, minWorkPerTarget: 0, maxWorkOnGoal: null };
const objective = (over: Partial<ObjectiveTargetInput> = {}): ObjectiveTargetInput => ({
  kind: "objective",
  id: "lo-1",
  work: 0,
  mastery: 0.1,
  fitted: true,
  expectedToMastery: 6.4,
  minToMastery: 4,
  ...over,
});

describe("target status (objective)", () => {
  it("is complete with mastery at the threshold and enough work; progress 1, nothing remaining", () => {
    const r = goalStatusOf(criteria, 5, [objective({ work: 5, mastery: 0.95, expectedToMastery: 0, minToMastery: 0 })], null);
    expect(r.targets[0]).toMatchObject({ status: "complete", progress: 1, expectedRemaining: 0 });
    expect(r).toMatchObject({ status: "complete", progress: 1, workRemaining: 0 });
  });

  it("needs min_work_per_target too: mastered with too little work is in progress, the shortfall remaining", () => {
    const r = goalStatusOf({ ...criteria, minWorkPerTarget: 5 }, 2, [objective({ work: 2, mastery: 0.99, expectedToMastery: 0, minToMastery: 0 })], null);
    expect(r.targets[0]).toMatchObject({ status: "in_progress", expectedRemaining: 3, minRemaining: 3 });
    expect(r.targets[0]!.progress).toBeCloseTo(2 / 5);
    expect(r.workRemaining).toBe(3);
  });

  it("is no_work without goal-scoped work even when mastery is high from other work", () => {
    const r = goalStatusOf({ ...criteria, minWorkPerTarget: 1 }, 0, [objective({ work: 0, mastery: 0.99, expectedToMastery: 0, minToMastery: 0 })], null);
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

  it("takes progress as work over work plus the expected remaining", () => {
    const r = goalStatusOf(criteria, 4, [objective({ work: 4, expectedToMastery: 6 })], null);
    expect(r.targets[0]!.progress).toBeCloseTo(0.4);
    expect(r.progress).toBeCloseTo(0.4);
    expect(r.workRemaining).toBe(6);
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
  const two = [objective({ id: "a", work: 3, mastery: 0.99, expectedToMastery: 0, minToMastery: 0 }), objective({ id: "b", work: 2, expectedToMastery: 5.6, minToMastery: 3 })];
  it("is complete_max_work once goal work reaches max_work_on_goal with a target open, with nothing remaining", () => {
    const r = goalStatusOf({ ...criteria, maxWorkOnGoal: 5 }, 5, two, null);
    expect(r).toMatchObject({ status: "complete_max_work", workRemaining: 0 });
    expect(r.progress).toBeCloseTo(5 / (5 + 5.6));
    expect(goalStatusOf({ ...criteria, maxWorkOnGoal: 6 }, 5, two, null).status).toBe("in_progress");
  });

  it("rounds the expected remaining of open targets, caps it at 30, and says −1 when an open objective is not fitted", () => {
    expect(goalStatusOf(criteria, 5, two, null).workRemaining).toBe(6);
    expect(goalStatusOf(criteria, 5, [objective({ work: 1, expectedToMastery: 44 })], null).workRemaining).toBe(30);
    expect(goalStatusOf(criteria, 5, [two[0]!, objective({ id: "b", work: 2, fitted: false })], null).workRemaining).toBe(-1);
    // A complete target that is not fitted does not matter.
    expect(goalStatusOf(criteria, 5, [{ ...two[0]!, fitted: false }, two[1]!], null).workRemaining).toBe(6);
  });

  it("gives each topic the average and the fewest attempts remaining over its own open targets", () => {
    const r = goalStatusOf(criteria, 5, two, [
      { topic_id: "t1", targets: ["a"] },
      { topic_id: "t2", targets: ["a", "b"] },
    ]);
    expect(r.topics).toEqual([
      { topicId: "t1", averageWorkRemaining: 0, minWorkRemaining: 0 },
      { topicId: "t2", averageWorkRemaining: 6, minWorkRemaining: 3 },
    ]);
    expect(goalStatusOf(criteria, 5, two, null).topics).toBeNull();
  });
});
