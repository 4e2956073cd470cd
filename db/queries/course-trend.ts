import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { courses } from "../schema";
import { read } from "../sql";
import { daysOf } from "@/lib/time";

/** One day of a course's activity: learners active and the sums of their per-day figures. */
export interface CourseDay {
  date: string;
  active_learners: number;
  problems_attempted: number;
  problems_completed: number;
  problem_attempts: number;
  videos_viewed: number;
  discussion_contributions: number;
}

const zeroDay = (date: string): CourseDay => ({
  date,
  active_learners: 0,
  problems_attempted: 0,
  problems_completed: 0,
  problem_attempts: 0,
  videos_viewed: 0,
  discussion_contributions: 0,
});

const TREND = read(
  "course-trend.days",
  `SELECT day AS date, COUNT(*) AS active_learners, SUM(problems_attempted) AS problems_attempted,
              SUM(problems_completed) AS problems_completed, SUM(problem_attempts) AS problem_attempts,
              SUM(videos_viewed) AS videos_viewed, SUM(discussion_contributions) AS discussion_contributions
       FROM learner_day WHERE course_id = ? AND day < ? GROUP BY day ORDER BY day`,
  {
    date: "text",
    active_learners: "int",
    problems_attempted: "int",
    problems_completed: "int",
    problem_attempts: "int",
    videos_viewed: "int",
    discussion_contributions: "int",
  },
);

// A course's trend sums learner_day over every day so far: cheap for a class, a scan of millions of
// rows for 100,000 learners. It changes only when data arrives or the day turns, so it is kept per
// (course, last ingest, as-of day).
const cache = new Map<string, { key: string; days: CourseDay[] }>();

/**
 * The course so far, day by day (the course overview's charts): from the course's start, or its
 * first active day when it has no start, up to the day before the as-of day; idle days are zeros.
 * Per-day figures are summed over learners (a problem two learners tried counts twice).
 */
export async function courseTrend(db: Db, courseId: string, asOf: string): Promise<CourseDay[]> {
  const course = db
    .select({ startsAt: courses.startsAt, lastUpdated: courses.lastUpdatedAt })
    .from(courses)
    .where(eq(courses.id, courseId))
    .get();
  if (!course) return [];
  const key = `${course.lastUpdated}|${asOf}|${course.startsAt}`;
  const hit = cache.get(courseId);
  if (hit?.key === key) return hit.days;
  const rows: CourseDay[] = TREND.all(db.$client, courseId, asOf);
  const startDay = course.startsAt?.slice(0, 10);
  const first = startDay && (!rows.length || startDay < rows[0]!.date) ? startDay : rows[0]?.date;
  const days = first && first < asOf ? fill(rows, first, asOf) : [];
  cache.set(courseId, { key, days });
  return days;
}

function fill(rows: CourseDay[], start: string, end: string): CourseDay[] {
  const byDay = new Map(rows.map((r) => [r.date, r]));
  return daysOf({ start, end }).map((d) => byDay.get(d) ?? zeroDay(d));
}
