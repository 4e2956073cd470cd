import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { learnerSummary } from "../schema";
import { read } from "../sql";
import { attemptsPerCompleted, type DayValues, type EngagementMetrics } from "@/lib/analytics/engagement";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import { segmentsFromMask, type Segment } from "@/lib/analytics/segments";
import { asOfDay } from "@/lib/env";
import { addDays, daysOf, type DayWindow } from "@/lib/time";
import { ensureCourseFresh } from "./derived";

/** The course's engagement ranges over the default window (recomputed only when data changed). */
export async function courseRanges(db: Db, courseId: string, asOf: string = asOfDay()): Promise<EngagementRanges> {
  return ensureCourseFresh(db, courseId, asOf);
}

const WINDOW_METRICS = read(
  "engagement.window-metrics",
  `SELECT COUNT(DISTINCT CASE WHEN attempts > 0 THEN item_id END) AS attempted,
         COUNT(DISTINCT CASE WHEN successes > 0 THEN item_id END) AS completed,
         COALESCE(SUM(attempts), 0) AS attempts,
         COUNT(DISTINCT CASE WHEN plays > 0 THEN item_id END) AS videos,
         COALESCE(SUM(posts), 0) AS posts,
         COUNT(DISTINCT CASE WHEN events > 0 THEN day END) AS days
       FROM learner_item_day WHERE course_id = ? AND user_id = ? AND day >= ? AND day < ?`,
  { attempted: "int", completed: "int", attempts: "int", videos: "int", posts: "int", days: "int" },
);

/** One learner's metrics over any window, from the maintained per-item and per-day counts. */
export async function learnerWindowMetrics(
  db: Db,
  courseId: string,
  userId: string,
  window: DayWindow,
): Promise<EngagementMetrics> {
  // An aggregate without GROUP BY: always one row.
  const row = WINDOW_METRICS.get(db.$client, courseId, userId, window.start, window.end)!;
  return {
    problems_attempted: row.attempted,
    problems_completed: row.completed,
    problem_attempts: row.attempts,
    problem_attempts_per_completed: attemptsPerCompleted(row.attempts, row.completed),
    videos_viewed: row.videos,
    discussion_contributions: row.posts,
    days_active: row.days,
  };
}

const DAY_COLUMNS = `day AS date, discussion_contributions, problems_attempted, problems_completed,
  videos_viewed, problem_attempts`;

const DAY_ROW = {
  date: "text",
  discussion_contributions: "int",
  problems_attempted: "int",
  problems_completed: "int",
  videos_viewed: "int",
  problem_attempts: "int",
} as const;

const DAYS_IN_WINDOW = read(
  "engagement.days-in-window",
  `SELECT ${DAY_COLUMNS} FROM learner_day WHERE course_id = ? AND user_id = ? AND day >= ? AND day < ? ORDER BY day`,
  DAY_ROW,
);

const ALL_DAYS = read(
  "engagement.all-days",
  `SELECT ${DAY_COLUMNS} FROM learner_day WHERE course_id = ? AND user_id = ? ORDER BY day`,
  DAY_ROW,
);

const zeroDay = (date: string): DayValues => ({
  date,
  discussion_contributions: 0,
  problems_attempted: 0,
  problems_completed: 0,
  videos_viewed: 0,
  problem_attempts: 0,
});

/**
 * The per-day values of a learner in a course. With a window: every day of it, zeros where idle.
 * Without: from the first to the last active day, idle days in between filled with zeros.
 */
export async function learnerTimeline(
  db: Db,
  courseId: string,
  userId: string,
  window?: DayWindow,
): Promise<DayValues[]> {
  const rows: DayValues[] = window
    ? DAYS_IN_WINDOW.all(db.$client, courseId, userId, window.start, window.end)
    : ALL_DAYS.all(db.$client, courseId, userId);
  const span = window ?? (rows.length ? { start: rows[0]!.date, end: addDays(rows[rows.length - 1]!.date, 1) } : null);
  if (!span) return [];
  const byDay = new Map(rows.map((r) => [r.date, r]));
  return daysOf(span).map((d) => byDay.get(d) ?? zeroDay(d));
}

/** The segments of one learner at the as-of day. */
export async function learnerSegments(
  db: Db,
  courseId: string,
  userId: string,
  asOf: string = asOfDay(),
): Promise<Segment[]> {
  ensureCourseFresh(db, courseId, asOf);
  const row = db
    .select({ segments: learnerSummary.segments })
    .from(learnerSummary)
    .where(and(eq(learnerSummary.courseId, courseId), eq(learnerSummary.userId, userId)))
    .get();
  return row?.segments == null ? [] : segmentsFromMask(row.segments);
}
