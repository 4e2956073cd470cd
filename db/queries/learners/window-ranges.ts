import type { Db } from "../../client";
import { engagementRangesOf, type EngagementRanges } from "@/lib/analytics/ranges";
import type { DayWindow } from "@/lib/time";
import { read } from "../../sql";
import { ensureCourseFresh } from "../derived";
import { writeMark } from "./window-order";

type Sqlite = Db["$client"];

/**
 * A custom window's engagement ranges: docs/metrics.md's rule (active learners' figures, the ratio over
 * those with attempts, +∞ for none completed) applied to every learner's figures in that window
 * instead of the default window, so a roster or learner page over another window colours each
 * figure against ranges of the same days. The figures are summed set-based from
 * `learner_item_day`, one index seek per learner of the course (as a window sort does), and kept
 * per connection until anything is written (the window-order cache's mark).
 */

const FIGURES = read(
  "learners/window-ranges.figures",
  `SELECT
    COUNT(DISTINCT CASE WHEN attempts > 0 THEN item_id END) AS problemsAttempted,
    COUNT(DISTINCT CASE WHEN successes > 0 THEN item_id END) AS problemsCompleted,
    COALESCE(SUM(attempts), 0) AS problemAttempts,
    COUNT(DISTINCT CASE WHEN plays > 0 THEN item_id END) AS videosViewed,
    COALESCE(SUM(posts), 0) AS discussionContributions,
    COUNT(DISTINCT CASE WHEN events > 0 THEN day END) AS daysActive
  FROM learner_item_day
  WHERE course_id = @course AND user_id IN (SELECT user_id FROM learner_summary WHERE course_id = @course)
    AND day >= @start AND day < @end
  GROUP BY user_id`,
  {
    problemsAttempted: "int",
    problemsCompleted: "int",
    problemAttempts: "int",
    videosViewed: "int",
    discussionContributions: "int",
    daysActive: "int",
  },
);

const KEPT = 16;
const kept = new WeakMap<Sqlite, Map<string, EngagementRanges>>();

export async function windowRanges(
  db: Db,
  courseId: string,
  window: DayWindow,
  asOf: string,
): Promise<EngagementRanges> {
  const s = db.$client;
  // The course's learners are its summary rows, made current first (cheap when nothing changed).
  ensureCourseFresh(db, courseId, asOf);
  let entries = kept.get(s);
  if (!entries) kept.set(s, (entries = new Map()));
  const mark = `${writeMark(s)}\u0000`;
  const key = `${mark}${courseId}\u0000${window.start}\u0000${window.end}`;
  const hit = entries.get(key);
  if (hit) return hit;
  const ranges = engagementRangesOf(FIGURES.all(s, { course: courseId, start: window.start, end: window.end }));
  for (const k of entries.keys()) if (!k.startsWith(mark)) entries.delete(k);
  if (entries.size >= KEPT) entries.delete(entries.keys().next().value!);
  entries.set(key, ranges);
  return ranges;
}
