import { describe, expect, it } from "vitest";
import { pathSessionStats, type PathSessionInput } from "./stats";
import type { Step, StepEvent } from "./steps";
import { step, stepEvent } from "./test-factories";

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const NOW = T0 + 20 * DAY;

const ev = (itemId: string, kind: StepEvent["kind"], day: number, extra: Partial<StepEvent> = {}) =>
  stepEvent(itemId, kind, T0 + day * DAY, extra);
const done = (itemId: string, day = 1) => ev(itemId, "item_completed", day);
const scored = (itemId: string, score: number, day = 2) => ev(itemId, "item_scored", day, { score });

/** A session that opened before T0 and ends after NOW, a learner enrolled at T0; steps a, b (mandatory) and c (optional). */
function stats(events: StepEvent[], extra: Partial<PathSessionInput> = {}) {
  return pathSessionStats({
    startsAt: T0 - DAY,
    endsAt: NOW + 30 * DAY,
    enrolledAt: T0,
    archivedAt: null,
    steps: [step("a"), step("b"), step("c", { mandatory: false })],
    events,
    now: NOW,
    ...extra,
  });
}
const quiz = (extra: Partial<Step> = {}) => [step("a"), step("q", { minScore: 60, maxAttempts: 2, ...extra })];
const essay = [step("a"), step("e", { requiresCorrection: true, minScore: 50 })];

describe("figures", () => {
  it("progress is the share of all steps completed, rounded down; globalTime sums every duration", () => {
    const s = stats([
      done("a"),
      ev("", "course_launch", 0, { durationMs: 1500 }),
      ev("b", "video_play", 1, { durationMs: 60_000 }),
    ]);
    expect(s).toMatchObject({ progress: 33, globalTime: 61_500 });
    expect(stats([done("a"), done("b")]).progress).toBe(66);
    expect(stats([done("a"), done("b"), done("c")]).progress).toBe(100);
    expect(stats([]).progress).toBe(0);
  });

  it("score is the rounded mean best score of the scored steps, absent with none", () => {
    const s = stats([scored("a", 0.4), scored("a", 0.905), scored("c", 0.6)]);
    expect(s.score).toBe(75);
    expect(stats([done("a")])).not.toHaveProperty("score");
  });

  it("completedAt is when the last mandatory step was completed, absent until then", () => {
    expect(stats([done("b", 5), done("a", 3)]).completedAt).toBe(T0 + 5 * DAY);
    expect(stats([done("a", 3), done("c", 4)])).not.toHaveProperty("completedAt");
  });

  it("an unenrolled learner keeps the figures of the moment they left, with archivedAt", () => {
    const left = T0 + 4 * DAY;
    const s = stats([done("a", 2), done("b", 6)], {
      archivedAt: left,
      steps: [step("a"), step("b", { dueAt: T0 + 10 * DAY })],
    });
    expect(s).toMatchObject({ archivedAt: left, progress: 50, status: "onTime", detailedStatus: { type: "onTime" } });
    expect(s).not.toHaveProperty("result");
    expect(stats([])).not.toHaveProperty("archivedAt");
  });
});

describe("status", () => {
  it("completed: every step, optional ones included, is completed", () => {
    expect(stats([done("a"), done("b"), done("c")]).status).toBe("completed");
    expect(stats([done("a"), done("b")]).status).toBe("onTime");
  });

  it("awaitingCorrection: a mandatory step awaits correction", () => {
    expect(stats([done("a"), ev("e", "item_submitted", 2)], { steps: essay }).status).toBe("awaitingCorrection");
  });

  it("late: a mandatory step past its due date is not completed", () => {
    expect(stats([done("a")], { steps: [step("a"), step("b", { dueAfterDays: 10 })] }).status).toBe("late");
  });

  it("onTime: every passed due date met or on an optional step", () => {
    const steps = [
      step("a", { dueAt: NOW - DAY }),
      step("b", { dueAt: NOW + DAY }),
      step("c", { mandatory: false, dueAt: NOW - DAY }),
    ];
    expect(stats([done("a")], { steps }).status).toBe("onTime");
  });
});

describe("detailedStatus, first rule that holds", () => {
  const type = (s: ReturnType<typeof stats>) => s.detailedStatus;

  it("sessionNotOpened: the session starts in the future, whatever else holds", () => {
    expect(type(stats([done("a"), done("b")], { startsAt: NOW + DAY }))).toEqual({ type: "sessionNotOpened" });
  });

  it("successful: every mandatory step successful, also after the session ended", () => {
    expect(type(stats([done("a"), done("b")]))).toEqual({ type: "successful" });
    expect(type(stats([done("a"), done("b")], { endsAt: NOW - DAY }))).toEqual({ type: "successful" });
  });

  it("unsuccessful, sessionEnded: the session ended before the learner succeeded", () => {
    expect(type(stats([done("a")], { endsAt: NOW - DAY }))).toEqual({ type: "unsuccessful", reason: "sessionEnded" });
    expect(type(stats([], { endsAt: NOW - DAY }))).toEqual({ type: "unsuccessful", reason: "sessionEnded" });
  });

  it("unsuccessful: a mandatory step failed (below its minimum, no attempts left)", () => {
    expect(type(stats([ev("q", "item_scored", 1, { score: 0.5 }), scored("q", 0.4)], { steps: quiz() }))).toEqual({
      type: "unsuccessful",
    });
  });

  it("toRetake: every mandatory step completed, one below its minimum with attempts left", () => {
    expect(type(stats([done("a"), scored("q", 0.5)], { steps: quiz() }))).toEqual({ type: "toRetake" });
  });

  it("awaitingCorrection: a mandatory step awaits correction — also one handed in again after a low grade", () => {
    expect(type(stats([done("a"), ev("e", "item_submitted", 2)], { steps: essay }))).toEqual({
      type: "awaitingCorrection",
    });
    const again = [done("a"), ev("e", "item_submitted", 2), scored("e", 0.3, 4), ev("e", "item_submitted", 6)];
    expect(type(stats(again, { steps: essay }))).toEqual({ type: "awaitingCorrection" });
    // Once graded, correction is no longer pending: the step to retake shows.
    expect(type(stats([...again, scored("e", 0.4, 8)], { steps: essay }))).toEqual({ type: "toRetake" });
  });

  it("notYetStarted: no event in an open session", () => {
    expect(type(stats([], { steps: [step("a", { dueAt: NOW - DAY })] }))).toEqual({ type: "notYetStarted" });
  });

  it("late: started, and a mandatory step past due (absolute or relative) is not completed", () => {
    expect(type(stats([done("a")], { steps: [step("a"), step("b", { dueAt: NOW - 1 })] }))).toEqual({ type: "late" });
    expect(type(stats([done("a")], { steps: [step("a"), step("b", { dueAfterDays: 19 })] }))).toEqual({ type: "late" });
    expect(type(stats([done("a")], { steps: [step("a"), step("b", { dueAfterDays: 21 })] }))).toEqual({
      type: "onTime",
    });
  });

  it("onTime: started, nothing late, not everything done", () => {
    expect(type(stats([ev("a", "video_play", 1)]))).toEqual({ type: "onTime" });
  });
});

describe("result", () => {
  it("is absent until every mandatory step is completed", () => {
    expect(stats([done("a")])).not.toHaveProperty("result");
  });

  it("successful: every mandatory step successful", () => {
    expect(stats([done("a"), scored("q", 0.6)], { steps: quiz() }).result).toBe("successful");
  });

  it("retake: a minimum missed with attempts left", () => {
    expect(stats([done("a"), scored("q", 0.59)], { steps: quiz() }).result).toBe("retake");
  });

  it("unsuccessful: a minimum missed with no attempts left", () => {
    expect(stats([done("a"), scored("q", 0.59)], { steps: quiz({ maxAttempts: 1 }) }).result).toBe("unsuccessful");
  });
});

describe("a session without mandatory steps", () => {
  it("is never completed: no steps known yet is not everything done", () => {
    expect(stats([], { steps: [] })).toEqual({
      progress: 0,
      globalTime: 0,
      status: "onTime",
      detailedStatus: { type: "notYetStarted" },
    });
    const optional = [step("c", { mandatory: false })];
    expect(stats([done("c")], { steps: optional })).toEqual({
      progress: 100,
      globalTime: 0,
      status: "completed",
      detailedStatus: { type: "onTime" },
    });
  });
});
