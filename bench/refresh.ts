import type { Db } from "@/db/client";
import { ensureCourseFresh } from "@/db/queries/derived";
import { addDays, defaultWindow } from "@/lib/time";
import { timeOnce } from "./stats";

/**
 * The summary refresh of a new as-of day: the first read of the day rebuilds every learner's
 * summary for the new default window, then the ranges and segments (`ensureCourseFresh`). Timed
 * for the next day, then back to the bench's day (which leaves the database as it was). The floor
 * is one SELECT of what the rebuild must read: every learner's default-window figures.
 */

export interface RefreshFigures {
  nextDaySeconds: number;
  backSeconds: number;
  floorSeconds: number;
}

const WINDOW_FIGURES_SQL = `
  SELECT user_id, COUNT(DISTINCT CASE WHEN attempts > 0 THEN item_id END), COUNT(DISTINCT CASE WHEN successes > 0 THEN item_id END),
    SUM(attempts), COUNT(DISTINCT CASE WHEN plays > 0 THEN item_id END), SUM(posts)
  FROM learner_item_day WHERE course_id = ? AND day >= ? AND day < ? GROUP BY user_id`;

export async function measureRefresh(db: Db, course: string, asOf: string): Promise<RefreshFigures> {
  ensureCourseFresh(db, course, asOf);
  const next = await timeOnce(() => ensureCourseFresh(db, course, addDays(asOf, 1)));
  const back = await timeOnce(() => ensureCourseFresh(db, course, asOf));
  const w = defaultWindow(asOf);
  const floor = await timeOnce(() => db.$client.prepare(WINDOW_FIGURES_SQL).all(course, w.start, w.end));
  return { nextDaySeconds: next.seconds, backSeconds: back.seconds, floorSeconds: floor.seconds };
}
