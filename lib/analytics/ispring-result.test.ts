import { describe, expect, it } from "vitest";
import { COMPLETION_STATUSES } from "@/db/schema";
import { ispringResultOf, timeSpentOf, type MandatoryItemFacts, type ResultInput } from "./ispring-result";

const NOW = Date.parse("2026-03-20T12:00:00Z");
const T = (day: number) => Date.parse(`2026-03-${String(day).padStart(2, "0")}T10:00:00Z`);

const base: ResultInput = {
  explicitStatus: null,
  explicitScore: null,
  explicitCompletedAt: null,
  passingScore: null,
  dueDate: null,
  hasActivity: true,
  mandatoryItems: 3,
  items: [],
};
const done = (day: number, bestScore: number | null = null): MandatoryItemFacts => ({
  completedAtMs: T(day),
  bestScore,
});
const open = (bestScore: number | null = null): MandatoryItemFacts => ({ completedAtMs: null, bestScore });
const result = (over: Partial<ResultInput>) => ispringResultOf({ ...base, ...over }, NOW);

describe("completionStatus", () => {
  it("is not_started without any event, with neither progress nor score", () => {
    expect(result({ hasActivity: false })).toEqual({ completionStatus: "not_started", isOverdue: false });
  });

  it("is in_progress until every mandatory item is completed", () => {
    expect(result({ items: [] }).completionStatus).toBe("in_progress");
    expect(result({ items: [done(1), done(2), open()] }).completionStatus).toBe("in_progress");
  });

  it("is complete once every mandatory item is, when the course has no passing score", () => {
    expect(result({ items: [done(1), done(2), done(3, 0.1)] }).completionStatus).toBe("complete");
  });

  it("is passed or failed against the course's passing score", () => {
    const items = [done(1, 0.8), done(2, 0.6), done(3)];
    expect(result({ items, passingScore: 70 }).completionStatus).toBe("passed");
    expect(result({ items, passingScore: 70.01 }).completionStatus).toBe("failed");
    // The explicit score is the one that counts.
    expect(result({ items, passingScore: 70, explicitScore: 50 }).completionStatus).toBe("failed");
  });

  it("is complete when the course has a passing score but nothing was scored", () => {
    expect(result({ items: [done(1), done(2), done(3)], passingScore: 60 }).completionStatus).toBe("complete");
  });

  it("stays in_progress in a course without mandatory items", () => {
    expect(result({ mandatoryItems: 0 })).toEqual({ completionStatus: "in_progress", isOverdue: false });
  });

  it.each(COMPLETION_STATUSES)("is the explicit status %s when one is set", (status) => {
    expect(
      result({ explicitStatus: status, items: [done(1), done(2), done(3)], hasActivity: status !== "not_started" })
        .completionStatus,
    ).toBe(status);
    expect(result({ explicitStatus: status, hasActivity: false }).completionStatus).toBe(status);
  });
});

describe("progress, score and completion date", () => {
  it("is the percent of mandatory items completed, with two decimals", () => {
    expect(result({ items: [done(1), open(0.2)] }).progress).toBe(33.33);
    expect(result({ items: [done(1), done(2)] }).progress).toBe(66.67);
    expect(result({ items: [done(1), done(2), done(3)] }).progress).toBe(100);
    expect(result({ items: [] }).progress).toBe(0);
    expect(result({ mandatoryItems: 11, items: [done(1)] }).progress).toBe(9.09);
  });

  it("scores the mean best score of the scored mandatory items, unless an explicit score is set", () => {
    expect(result({ items: [done(1, 0.5), open(0.75), done(2)] }).awardedScore).toBe(62.5);
    expect(result({ items: [done(1, 1 / 3)] }).awardedScore).toBe(33.33);
    expect(result({ items: [done(1)] }).awardedScore).toBeUndefined();
    expect(result({ items: [done(1, 0.5)], explicitScore: 91.5 }).awardedScore).toBe(91.5);
  });

  it("dates completion when the last mandatory item was completed", () => {
    expect(result({ items: [done(3), done(1), done(2)] }).completionDate).toBe(new Date(T(3)).toISOString());
    expect(result({ items: [done(3), open()] }).completionDate).toBeUndefined();
  });

  it("prefers the explicit completion date, and has none for an unfinished status", () => {
    const at = "2026-02-01T08:00:00.000Z";
    expect(result({ explicitStatus: "accepted", explicitCompletedAt: at }).completionDate).toBe(at);
    expect(result({ explicitStatus: "passed", items: [done(1), done(2), done(4)] }).completionDate).toBe(
      new Date(T(4)).toISOString(),
    );
    expect(result({ explicitStatus: "passed" }).completionDate).toBeUndefined();
    expect(result({ explicitStatus: "declined", explicitCompletedAt: at }).completionDate).toBeUndefined();
    expect(result({ explicitStatus: "incomplete", items: [done(1), done(2), done(3)] }).completionDate).toBeUndefined();
  });

  it("counts time spent in whole seconds", () => {
    expect(timeSpentOf(0)).toBe(0);
    expect(timeSpentOf(1499)).toBe(1);
    expect(timeSpentOf(1500)).toBe(2);
  });
});

describe("isOverdue", () => {
  const past = "2026-03-19T00:00:00.000Z";
  const future = "2026-03-21T00:00:00.000Z";

  it("is a due date before now with the course not completed", () => {
    expect(result({ dueDate: past }).isOverdue).toBe(true);
    expect(result({ dueDate: past, hasActivity: false }).isOverdue).toBe(true);
    expect(result({ dueDate: future }).isOverdue).toBe(false);
    expect(result({}).isOverdue).toBe(false);
  });

  it("is never overdue once complete, passed or accepted; failed and the rest still are", () => {
    for (const s of ["complete", "passed", "accepted"] as const)
      expect(result({ dueDate: past, explicitStatus: s }).isOverdue).toBe(false);
    for (const s of ["failed", "pending", "incomplete", "declined", "not_started"] as const)
      expect(result({ dueDate: past, explicitStatus: s }).isOverdue).toBe(true);
    expect(result({ dueDate: past, items: [done(1), done(2), done(3)] }).isOverdue).toBe(false);
  });
});
