import type { EventKind } from "@/db/schema";
import { dayOf, type DayWindow } from "@/lib/time";

/** Engagement metrics of `docs/metrics.md` § Engagement metrics, from one learner's events in one course. */
export interface EngagementMetrics {
  problems_attempted: number;
  problems_completed: number;
  problem_attempts: number;
  problem_attempts_per_completed: number | null;
  videos_viewed: number;
  discussion_contributions: number;
  days_active: number;
}

/** Per-day values, as the engagement timeline returns them. */
export interface DayValues {
  date: string;
  discussion_contributions: number;
  problems_attempted: number;
  problems_completed: number;
  videos_viewed: number;
  problem_attempts: number;
}

export interface EngagementEvent {
  itemId: string;
  kind: EventKind;
  ts: number;
  success?: boolean | null;
}

/** `problem_attempts / problems_completed`; null when nothing was completed. */
export function attemptsPerCompleted(problemAttempts: number, problemsCompleted: number): number | null {
  return problemsCompleted > 0 ? problemAttempts / problemsCompleted : null;
}

/** The sort key `attempt_ratio_order`: attempts when the ratio is not null, else −attempts. */
export function attemptRatioOrder(problemAttempts: number, problemsCompleted: number): number {
  return problemsCompleted > 0 ? problemAttempts : 0 - problemAttempts;
}

/**
 * The metrics over the events given (the caller picks the window). This is the definition the
 * maintained tables (db/queries/derived.ts) are tested against.
 */
export function metricsOf(events: readonly EngagementEvent[]): EngagementMetrics {
  const attempted = new Set<string>();
  const completed = new Set<string>();
  const videos = new Set<string>();
  const days = new Set<string>();
  let attempts = 0;
  let posts = 0;
  for (const e of events) {
    days.add(dayOf(e.ts));
    if (e.kind === "problem_attempt") {
      attempts++;
      attempted.add(e.itemId);
      if (e.success) completed.add(e.itemId);
    } else if (e.kind === "video_play") videos.add(e.itemId);
    else if (e.kind === "discussion_post") posts++;
  }
  return {
    problems_attempted: attempted.size,
    problems_completed: completed.size,
    problem_attempts: attempts,
    problem_attempts_per_completed: attemptsPerCompleted(attempts, completed.size),
    videos_viewed: videos.size,
    discussion_contributions: posts,
    days_active: days.size,
  };
}

export function inWindow(ts: number, window: DayWindow): boolean {
  const day = dayOf(ts);
  return day >= window.start && day < window.end;
}

/** Metrics over a window `[start, end)` of days. */
export function windowMetricsOf(events: readonly EngagementEvent[], window: DayWindow): EngagementMetrics {
  return metricsOf(events.filter((e) => inWindow(e.ts, window)));
}

/** Per-day values for every day with an event, ascending. */
export function dailyValuesOf(events: readonly EngagementEvent[]): DayValues[] {
  const byDay = new Map<string, EngagementEvent[]>();
  for (const e of events) {
    const d = dayOf(e.ts);
    const list = byDay.get(d);
    if (list) list.push(e);
    else byDay.set(d, [e]);
  }
  return [...byDay.keys()].sort().map((date) => {
    const m = metricsOf(byDay.get(date) ?? []);
    return {
      date,
      discussion_contributions: m.discussion_contributions,
      problems_attempted: m.problems_attempted,
      problems_completed: m.problems_completed,
      videos_viewed: m.videos_viewed,
      problem_attempts: m.problem_attempts,
    };
  });
}
