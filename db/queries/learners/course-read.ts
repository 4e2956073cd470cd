import type { Db } from "../../client";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import { defaultWindow, type DayWindow } from "@/lib/time";
import { ensureCourseFresh } from "../derived";
import { accountUrlBase, type LearnerContext } from "./learner-object";

type Sqlite = Db["$client"];

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

/** Refreshes a course's derived rows for `asOf` (when needed); null when there is no such course. */
export function readCourse(db: Db, courseId: string, asOf: string, window?: DayWindow | null): CourseRead | null {
  const s = db.$client;
  const course = s.prepare(`SELECT last_updated_at AS lastUpdated FROM courses WHERE id = ?`).get(courseId) as
    | { lastUpdated: string | null }
    | undefined;
  if (!course) return null;
  const ranges = ensureCourseFresh(db, courseId, asOf);
  const state = s.prepare(`SELECT as_of AS asOf, ranges_stale AS stale FROM course_state WHERE course_id = ?`).get(courseId) as
    | { asOf: string; stale: number }
    | undefined;
  return {
    ranges,
    fresh: state?.asOf === asOf && !state.stale,
    lastUpdated: course.lastUpdated,
    window: window ?? defaultWindow(asOf),
    accountUrlBase: accountUrlBase(),
  };
}

export interface GroupCount {
  segments: number;
  cohort: string | null;
  mode: string;
  learners: number;
}

/**
 * Stores the course's learners per (segments, cohort, mode): called by `ensureCourseFresh` in the
 * transaction that makes the segments current, from the rows it already holds.
 */
export function writeGroupCounts(s: Sqlite, courseId: string, rows: Iterable<{ segments: number; cohort: string | null; mode: string }>): void {
  const groups = new Map<string, GroupCount>();
  for (const r of rows) {
    const key = `${r.segments}\u0000${r.mode}\u0000${r.cohort ?? "\u0001"}`;
    const g = groups.get(key);
    if (g) g.learners++;
    else groups.set(key, { segments: r.segments, cohort: r.cohort, mode: r.mode, learners: 1 });
  }
  s.prepare(`DELETE FROM learner_group_count WHERE course_id = ?`).run(courseId);
  const insert = s.prepare(`INSERT INTO learner_group_count (course_id, segments, cohort, mode, learners) VALUES (?, ?, ?, ?, ?)`);
  for (const g of groups.values()) insert.run(courseId, g.segments, g.cohort, g.mode, g.learners);
}

/**
 * The course's learners per (segments, cohort, mode): the stored counts when fresh, else counted
 * from the summaries (a learner whose segments await recomputing counts as in none).
 */
export function groupCounts(s: Sqlite, courseId: string, fresh: boolean): GroupCount[] {
  return s
    .prepare(
      fresh
        ? `SELECT segments, cohort, mode, learners FROM learner_group_count WHERE course_id = ?`
        : `SELECT coalesce(segments, 0) AS segments, cohort, mode, COUNT(*) AS learners FROM learner_summary
           WHERE course_id = ? GROUP BY 1, 2, 3`,
    )
    .all(courseId) as GroupCount[];
}
