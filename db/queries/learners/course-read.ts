import type { Db } from "../../client";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import { defaultWindow, type DayWindow } from "@/lib/time";
import { read } from "../../sql";
import { ensureCourseFresh } from "../derived";
import { accountUrlBase, type LearnerContext } from "./learner-object";

/** A course made current for a read, and what every learner object of the answer shares. */
export interface CourseRead extends LearnerContext {
  ranges: EngagementRanges;
  /**
   * The summaries, segments and `learner_group_count` are current for the as-of day. False only
   * while another connection holds the write lock and the refresh had to wait (derived.ts): then
   * counts are taken from the rows themselves.
   */
  fresh: boolean;
}

const COURSE = read("learners/course-read.course", `SELECT last_updated_at AS lastUpdated FROM courses WHERE id = ?`, {
  lastUpdated: "text?",
});

const STATE = read(
  "learners/course-read.state",
  `SELECT as_of AS asOf, ranges_stale AS stale FROM course_state WHERE course_id = ?`,
  { asOf: "text", stale: "int" },
);

/** Refreshes a course's derived rows for `asOf` (when needed); null when there is no such course. */
export function readCourse(db: Db, courseId: string, asOf: string, window?: DayWindow | null): CourseRead | null {
  const s = db.$client;
  const course = COURSE.get(s, courseId);
  if (!course) return null;
  const ranges = ensureCourseFresh(db, courseId, asOf);
  const state = STATE.get(s, courseId);
  return {
    ranges,
    fresh: state?.asOf === asOf && !state.stale,
    lastUpdated: course.lastUpdated,
    window: window ?? defaultWindow(asOf),
    accountUrlBase: accountUrlBase(),
  };
}
