import { describe, expect, it } from "vitest";
import {
  attemptRatioOrder,
  attemptsPerCompleted,
  dailyValuesOf,
  metricsOf,
  windowMetricsOf,
  type EngagementEvent,
} from "./engagement";

const at = (iso: string) => Date.parse(iso);
const ev = (kind: EngagementEvent["kind"], itemId: string, iso: string, success?: boolean): EngagementEvent => ({
  kind,
  itemId,
  ts: at(iso),
  success,
});

describe("metricsOf", () => {
  const events = [
    ev("problem_attempt", "p1", "2026-03-10T09:00:00Z", false),
    ev("problem_attempt", "p1", "2026-03-10T09:05:00Z", true),
    ev("problem_attempt", "p2", "2026-03-11T09:00:00Z", false),
    ev("video_play", "v1", "2026-03-11T10:00:00Z"),
    ev("video_play", "v1", "2026-03-12T10:00:00Z"),
    ev("discussion_post", "d1", "2026-03-12T11:00:00Z"),
    ev("discussion_post", "d1", "2026-03-12T11:30:00Z"),
    ev("course_launch", "", "2026-03-13T08:00:00Z"),
  ];
  it("counts distinct problems attempted and completed, attempts, distinct videos, posts and days", () => {
    expect(metricsOf(events)).toEqual({
      problems_attempted: 2,
      problems_completed: 1,
      problem_attempts: 3,
      problem_attempts_per_completed: 3,
      videos_viewed: 1,
      discussion_contributions: 2,
      days_active: 4,
    });
  });
  it("restricts to a half-open window of days", () => {
    const m = windowMetricsOf(events, { start: "2026-03-11", end: "2026-03-13" });
    expect(m).toMatchObject({
      problems_attempted: 1,
      problems_completed: 0,
      problem_attempts: 1,
      problem_attempts_per_completed: null,
      days_active: 2,
    });
  });
  it("per-day values count distinct items within the day", () => {
    expect(dailyValuesOf(events)[0]).toEqual({
      date: "2026-03-10",
      discussion_contributions: 0,
      problems_attempted: 1,
      problems_completed: 1,
      videos_viewed: 0,
      problem_attempts: 2,
    });
  });
  it("a time with an offset falls on its UTC day", () => {
    expect(dailyValuesOf([ev("video_play", "v", "2026-03-16T01:30:00+02:00")])[0]!.date).toBe("2026-03-15");
  });
});

describe("ratio and attempt_ratio_order", () => {
  it("ratio is null with nothing completed", () => {
    expect(attemptsPerCompleted(5, 0)).toBeNull();
    expect(attemptsPerCompleted(5, 2)).toBe(2.5);
  });
  it("order key is attempts with a ratio, −attempts without", () => {
    expect(attemptRatioOrder(10, 5)).toBe(10);
    expect(attemptRatioOrder(10, 0)).toBe(-10);
    expect(Object.is(attemptRatioOrder(0, 0), 0)).toBe(true);
  });
});
