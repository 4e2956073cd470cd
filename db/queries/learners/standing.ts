import type { Db } from "../../client";
import { read } from "../../sql";
import { ensureCourseFresh } from "../derived";

/**
 * What the learner page says about an enrollment beyond the learner object (docs/edx-api.md), which has no
 * field for it: the learner's last active day in the course, and whether and when they left.
 */
export interface LearnerStanding {
  /** The latest UTC day with any event in the course, at any time; null when never active. */
  lastActiveDay: string | null;
  enrolled: boolean;
  /** When the learner left, when known (an unenrollment may arrive without a date). */
  unenrolledAt: string | null;
}

const STANDING = read(
  "learners/standing.of-username",
  `SELECT s.last_active_day AS lastActiveDay, s.is_active AS isActive, e.unenrolled_at AS unenrolledAt
       FROM learner_summary s JOIN enrollments e ON e.id = s.enrollment_id
       WHERE s.course_id = ? AND s.username = ?`,
  { lastActiveDay: "text?", isActive: "int", unenrolledAt: "text?" },
);

/**
 * The standing of `username` in the course at the as-of day; null when that user never enrolled in
 * it. The summary rows are built on the first read of an as-of day, hence the refresh first.
 */
export async function learnerStanding(
  db: Db,
  courseId: string,
  username: string,
  asOf: string,
): Promise<LearnerStanding | null> {
  ensureCourseFresh(db, courseId, asOf);
  const row = STANDING.get(db.$client, courseId, username);
  if (!row) return null;
  return {
    lastActiveDay: row.lastActiveDay,
    enrolled: Boolean(row.isActive),
    unenrolledAt: row.isActive ? null : row.unenrolledAt,
  };
}
