import type { Db } from "../../client";
import type { DayValues } from "@/lib/analytics/engagement";
import type { DayWindow } from "@/lib/time";
import { learnerTimeline } from "../engagement";
import { readCourse } from "./course-read";
import { read } from "../../sql";
import { SUMMARY_COLUMNS, SUMMARY_ROW, toLearnerCore, type LearnerObject } from "./learner-object";
import { profilesOf } from "./profile";
import { windowFiguresOf } from "./window";

const SUMMARY = read(
  "learners/detail.summary",
  `SELECT ${SUMMARY_COLUMNS} FROM learner_summary s WHERE s.course_id = ? AND s.username = ?`,
  SUMMARY_ROW,
);

const ENROLLED_ID = read(
  "learners/detail.enrolled-id",
  `SELECT e.user_id FROM users u JOIN enrollments e ON e.user_id = u.id AND e.course_id = ? WHERE u.username = ?`,
  { user_id: "text" },
);

/**
 * One learner of a course (docs/edx-api.md § The contract, GET /api/v0/learners/{username}/): null when the user does not
 * exist or never enrolled in the course (an unenrolled learner is still found).
 */
export async function getLearner(
  db: Db,
  courseId: string,
  username: string,
  opts: { asOf: string; window?: DayWindow | null },
): Promise<LearnerObject | null> {
  const course = readCourse(db, courseId, opts.asOf, opts.window);
  if (!course) return null;
  const row = SUMMARY.get(db.$client, courseId, username);
  if (!row) return null;
  const figures = opts.window ? windowFiguresOf(db, courseId, [row.userId], opts.window).get(row.userId) : undefined;
  return Object.assign(toLearnerCore(row, course, figures), profilesOf(db.$client, [row.userId]).get(row.userId)!);
}

/** The user id of `username` when that user ever enrolled in the course, else null. */
export async function enrolledLearnerId(db: Db, courseId: string, username: string): Promise<string | null> {
  return ENROLLED_ID.get(db.$client, courseId, username)?.user_id ?? null;
}

/**
 * The engagement timeline of an enrolled learner (docs/edx-api.md § The contract, GET /api/v0/engagement_timelines/), or
 * null when the user does not exist or never enrolled in the course.
 */
export async function learnerTimelineByUsername(
  db: Db,
  courseId: string,
  username: string,
  window?: DayWindow | null,
): Promise<DayValues[] | null> {
  const userId = await enrolledLearnerId(db, courseId, username);
  return userId === null ? null : learnerTimeline(db, courseId, userId, window ?? undefined);
}
