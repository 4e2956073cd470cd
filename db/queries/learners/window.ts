import type { Db } from "../../client";
import type { DayWindow } from "@/lib/time";
import { jsonValues, read } from "../../sql";
import type { Columns } from "./columns";
import type { WindowFigures } from "./learner-object";

/**
 * Engagement figures over a custom window (docs/edx-api.md `start_date`/`end_date`), set-based from
 * `learner_item_day`: the default window is already on `learner_summary`, a custom one is not.
 */

// Distinct items over the window's days: the per-item rows of one learner and course are unique
// per day, so an item active on several days counts once.
const FIGURES = `COUNT(DISTINCT CASE WHEN attempts > 0 THEN item_id END) AS problemsAttempted,
  COUNT(DISTINCT CASE WHEN successes > 0 THEN item_id END) AS problemsCompleted,
  SUM(attempts) AS problemAttempts,
  COUNT(DISTINCT CASE WHEN plays > 0 THEN item_id END) AS videosViewed,
  SUM(posts) AS discussionContributions`;

/**
 * The CTE `w` of the figures in the window of the learners a subquery selects, for a query over
 * `learner_summary s` that sorts or exports on them. The per-item counts are read learner by
 * learner (an index seek on each one's window), so the cost is one seek per learner plus the
 * rows inside the window, never the course's other days.
 */
export function windowCte(users: string): string {
  return `w AS (
    SELECT user_id, ${FIGURES} FROM learner_item_day
    WHERE course_id = @course AND user_id IN (${users}) AND day >= @windowStart AND day < @windowEnd
    GROUP BY user_id)`;
}

/** The figures of `w` joined to a summary row (zeros for a learner idle in the window). */
export const WINDOW_FIELDS: Columns = [
  ["wProblemsAttempted", "coalesce(w.problemsAttempted, 0)"],
  ["wProblemsCompleted", "coalesce(w.problemsCompleted, 0)"],
  ["wProblemAttempts", "coalesce(w.problemAttempts, 0)"],
  ["wVideosViewed", "coalesce(w.videosViewed, 0)"],
  ["wDiscussionContributions", "coalesce(w.discussionContributions, 0)"],
];

export interface WindowColumns {
  wProblemsAttempted: number;
  wProblemsCompleted: number;
  wProblemAttempts: number;
  wVideosViewed: number;
  wDiscussionContributions: number;
}

export function figuresOfColumns(r: WindowColumns): WindowFigures {
  return {
    problemsAttempted: r.wProblemsAttempted,
    problemsCompleted: r.wProblemsCompleted,
    problemAttempts: r.wProblemAttempts,
    videosViewed: r.wVideosViewed,
    discussionContributions: r.wDiscussionContributions,
  };
}

export const windowParams = (window: DayWindow) => ({ windowStart: window.start, windowEnd: window.end });

const ZERO: WindowFigures = {
  problemsAttempted: 0,
  problemsCompleted: 0,
  problemAttempts: 0,
  videosViewed: 0,
  discussionContributions: 0,
};

const FIGURES_OF_USERS = read(
  "learners/window.figures-of-users",
  `SELECT user_id AS userId, ${FIGURES} FROM learner_item_day
       WHERE course_id = @course AND user_id IN (SELECT value FROM json_each(@users)) AND day >= @windowStart AND day < @windowEnd
       GROUP BY user_id`,
  {
    userId: "text",
    problemsAttempted: "int",
    problemsCompleted: "int",
    problemAttempts: "int",
    videosViewed: "int",
    discussionContributions: "int",
  },
  {
    postgres: `SELECT user_id AS userId, ${FIGURES} FROM learner_item_day
       WHERE course_id = @course AND user_id IN (${jsonValues("@users")})
       AND day >= @windowStart AND day < @windowEnd
       GROUP BY user_id`,
  },
);

/** The window figures of a few learners (a page): one indexed range per learner. */
export function windowFiguresOf(
  db: Db,
  courseId: string,
  userIds: readonly string[],
  window: DayWindow,
): Map<string, WindowFigures> {
  const rows = FIGURES_OF_USERS.all(db.$client, {
    course: courseId,
    users: JSON.stringify(userIds),
    ...windowParams(window),
  });
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  return new Map(userIds.map((u) => [u, byUser.get(u) ?? ZERO]));
}
