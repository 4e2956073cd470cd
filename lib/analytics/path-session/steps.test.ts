import { describe, expect, it } from "vitest";
import { dueOf, stepStateOf, type Step, type StepEvent } from "./steps";
import { step as stepOf, stepEvent } from "./test-factories";

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const step = (extra: Partial<Step> = {}) => stepOf("s", extra);
const ev = (kind: StepEvent["kind"], day: number, extra: Partial<StepEvent> = {}) =>
  stepEvent("s", kind, T0 + day * DAY, extra);
const at = (s: Step, events: StepEvent[], now = T0 + 30 * DAY) => stepStateOf(s, events, T0, now);

describe("a step's completion", () => {
  it("comes from item_completed, any item_scored, or a correct problem attempt — the first of them", () => {
    expect(at(step(), [ev("item_completed", 2)])).toMatchObject({ completed: true, completedAt: T0 + 2 * DAY });
    expect(at(step(), [ev("item_scored", 3, { score: 0 })])).toMatchObject({
      completed: true,
      completedAt: T0 + 3 * DAY,
    });
    expect(
      at(step(), [
        ev("problem_attempt", 1, { success: false }),
        ev("problem_attempt", 4, { success: true }),
        ev("item_completed", 2),
      ]).completedAt,
    ).toBe(T0 + 2 * DAY);
  });

  it("does not come from a wrong answer, a submission or a video play", () => {
    const s = at(step(), [ev("problem_attempt", 1, { success: false }), ev("item_submitted", 2), ev("video_play", 3)]);
    expect(s).toMatchObject({ completed: false, completedAt: null, outcome: null });
  });
});

describe("a step's outcome", () => {
  it("is successful without a minimum score, or with a best score reaching it", () => {
    expect(at(step(), [ev("item_completed", 1)]).outcome).toBe("successful");
    const s = at(step({ minScore: 57, maxAttempts: 1 }), [
      ev("item_scored", 1, { score: 0.3 }),
      ev("item_scored", 2, { score: 0.57 }),
    ]);
    expect(s).toMatchObject({ outcome: "successful", bestScore: 57, attempts: 2 });
  });

  it("is retake below the minimum with attempts left (unlimited when max_attempts is absent)", () => {
    expect(
      at(step({ minScore: 60 }), [ev("item_scored", 1, { score: 0.4 }), ev("item_scored", 2, { score: 0.5 })]).outcome,
    ).toBe("retake");
    expect(at(step({ minScore: 60, maxAttempts: 2 }), [ev("item_scored", 1, { score: 0.4 })]).outcome).toBe("retake");
  });

  it("is failed below the minimum with no attempts left", () => {
    const s = at(step({ minScore: 60, maxAttempts: 2 }), [
      ev("item_scored", 1, { score: 0.4 }),
      ev("item_scored", 2, { score: 0.59 }),
    ]);
    expect(s).toMatchObject({ outcome: "failed", bestScore: 59, attempts: 2 });
  });

  it("counts problem attempts as tries, and misses a minimum it has no score for", () => {
    const problem = step({ minScore: 50, maxAttempts: 2 });
    expect(
      at(problem, [
        ev("problem_attempt", 1, { success: false, score: 0 }),
        ev("problem_attempt", 2, { success: true, score: 0.4 }),
      ]).outcome,
    ).toBe("failed");
    expect(at(problem, [ev("item_completed", 1)])).toMatchObject({ outcome: "retake", bestScore: null, attempts: 0 });
  });
});

describe("awaiting correction", () => {
  const graded = step({ requiresCorrection: true });

  it("is a submission of a step that requires correction, not yet followed by a grade", () => {
    expect(at(graded, [ev("item_submitted", 1)]).awaitingCorrection).toBe(true);
    expect(at(graded, [ev("item_submitted", 1), ev("item_scored", 3, { score: 0.8 })]).awaitingCorrection).toBe(false);
    // Graded, then handed in again.
    expect(
      at(graded, [ev("item_submitted", 1), ev("item_scored", 3, { score: 0.5 }), ev("item_submitted", 4)])
        .awaitingCorrection,
    ).toBe(true);
  });

  it("never holds for a step that needs no correction", () => {
    expect(at(step(), [ev("item_submitted", 1)]).awaitingCorrection).toBe(false);
  });
});

describe("late", () => {
  it("is a mandatory step not completed after its absolute due date", () => {
    const due = step({ dueAt: T0 + 10 * DAY });
    expect(at(due, [], T0 + 10 * DAY + 1).late).toBe(true);
    expect(at(due, [], T0 + 10 * DAY).late).toBe(false);
    expect(at(due, [ev("item_completed", 11)], T0 + 12 * DAY).late).toBe(false);
    expect(at(step({ dueAt: T0 + DAY, mandatory: false }), [], T0 + 12 * DAY).late).toBe(false);
  });

  it("counts a relative due date from the enrolment; the absolute one wins when both are set", () => {
    const relative = step({ dueAfterDays: 7 });
    expect(dueOf(relative, T0 + DAY)).toBe(T0 + 8 * DAY);
    expect(stepStateOf(relative, [], T0 + DAY, T0 + 8 * DAY + 1).late).toBe(true);
    expect(stepStateOf(relative, [], T0 + 5 * DAY, T0 + 8 * DAY + 1).late).toBe(false);
    expect(dueOf(step({ dueAt: T0, dueAfterDays: 7 }), T0 + DAY)).toBe(T0);
    expect(dueOf(step(), T0)).toBeNull();
  });
});
