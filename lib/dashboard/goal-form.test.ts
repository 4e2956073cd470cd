import { describe, expect, it } from "vitest";
import type { Goal } from "@/db/queries/status-progress";
import { formProblem, formValues, goalBody, goalErrorTexts, NEW_GOAL } from "./goal-form";

const streakGoal: Goal = {
  id: "g",
  courseId: "c",
  name: "Loops",
  targetKind: "objective",
  targets: ["o1", "o2", "o3"],
  topics: [
    { topic_id: "t1", targets: ["o1", "o2"] },
    { topic_id: "t2", targets: ["o3"] },
  ],
  criteria: { minPredictedMastery: 0, minConsecutiveCorrect: 4, minWorkPerTarget: 2, maxWorkOnGoal: null },
};

describe("goalBody", () => {
  it("sends a streak rule without a mastery threshold, and blanks as defaults", () => {
    expect(
      goalBody({ ...NEW_GOAL, name: " Loops ", targets: ["o1"], useMastery: false, useStreak: true, streak: "3" }),
    ).toEqual({
      name: "Loops",
      targets: ["o1"],
      topics: null,
      completion_criteria: {
        min_predicted_mastery: 0,
        min_consecutive_correct: 3,
        min_work_per_target: 0,
        max_work_on_goal: null,
      },
    });
  });

  it("turns the percentage into the API's share, exactly", () => {
    expect(goalBody({ ...NEW_GOAL, targets: ["o1"], mastery: "92.5" }).completion_criteria.min_predicted_mastery).toBe(
      0.925,
    );
    expect(goalBody({ ...NEW_GOAL, targets: ["o1"] }).completion_criteria.min_predicted_mastery).toBe(0.95);
  });

  it("passes a 0 streak on for the API to refuse rather than dropping it", () => {
    expect(
      goalBody({ ...NEW_GOAL, targets: ["o1"], useStreak: true, streak: "0" }).completion_criteria
        .min_consecutive_correct,
    ).toBe(0);
  });

  it("sends only the work limit for an item goal", () => {
    expect(
      goalBody({ ...NEW_GOAL, kind: "item", targets: ["p1"], useStreak: true, maxWork: "20" }).completion_criteria,
    ).toEqual({ max_work_on_goal: 20 });
  });

  it("keeps an edited goal's topics, each with the targets still chosen", () => {
    const v = { ...formValues(streakGoal), targets: ["o1", "o2"] };
    expect(goalBody(v, streakGoal.topics).topics).toEqual([{ topic_id: "t1", targets: ["o1", "o2"] }]);
    expect(goalBody({ ...v, targets: ["o9"] }, streakGoal.topics).topics).toBeNull();
  });
});

describe("formValues", () => {
  it("reads a streak goal back as its streak, with no mastery rule", () => {
    expect(formValues(streakGoal)).toMatchObject({
      useMastery: false,
      useStreak: true,
      streak: "4",
      minWork: "2",
      maxWork: "",
    });
    expect(goalBody(formValues(streakGoal), streakGoal.topics).completion_criteria).toEqual({
      min_predicted_mastery: 0,
      min_consecutive_correct: 4,
      min_work_per_target: 2,
      max_work_on_goal: null,
    });
  });
});

describe("formProblem", () => {
  it("refuses an objective goal with no rule, not an item goal", () => {
    expect(formProblem({ ...NEW_GOAL, useMastery: false })).toMatch(/Choose how a target is complete/);
    expect(formProblem({ ...NEW_GOAL, kind: "item", useMastery: false })).toBeNull();
  });
});

describe("goalErrorTexts", () => {
  it("says the API's field problems in the form's words", () => {
    expect(goalErrorTexts("Invalid body: completion_criteria.min_consecutive_correct: must be at least 1")).toEqual([
      "Correct answers in a row must be at least 1.",
    ]);
    expect(goalErrorTexts("Invalid body: name: must not be empty; targets: must name at least one target")).toEqual([
      "Give the goal a name.",
      "Choose at least one target.",
    ]);
    expect(
      goalErrorTexts("Invalid body: completion_criteria.min_predicted_mastery: Too big: expected number to be <=1"),
    ).toEqual(["The mastery threshold must be a number from 0 to 100%."]);
    expect(goalErrorTexts("targets: objective x is not assessed by any item of course c")).toEqual([
      "The targets: objective x is not assessed by any item of course c.",
    ]);
  });

  it("names a topic's field by what it is", () => {
    expect(goalErrorTexts("topics[0].targets: o9 is not one of the goal's targets")).toEqual([
      "The goal’s topics: o9 is not one of the goal's targets.",
    ]);
  });

  it("shows a message of another shape as written", () => {
    expect(goalErrorTexts("You are not staff of this course.")).toEqual(["You are not staff of this course."]);
  });
});
