import { eq } from "drizzle-orm";
import type { Db } from "../../client";
import { courses } from "../../schema";
import { read } from "../../sql";
import { withClassRanks, type RankedRanges } from "@/lib/analytics/ranges";
import { SEGMENTS, segmentsFromMask, type Segment } from "@/lib/analytics/segments";
import { asOfDay } from "@/lib/env";
import { readCourse } from "./course-read";
import { groupCounts } from "./group-counts";

export interface CourseLearnerMetadata {
  /** Every cohort of the course, learners in it (0 included); learners without a cohort are in none. */
  cohorts: Record<string, number>;
  /** All five segments, zero-filled; a learner in several counts in each. */
  segments: Record<Segment, number>;
  /** Every enrollment mode of the course's learners. */
  enrollment_modes: Record<string, number>;
  /** The seed's three ranges of each metric and Open edX's newer class_rank_* names for them. */
  engagement_ranges: { date_range: { start: string; end: string } } & RankedRanges;
}

const COHORT_NAMES = read("learners/metadata.cohort-names", `SELECT name FROM cohorts WHERE course_id = ?`, {
  name: "text",
});

const COHORT_EXISTS = read(
  "learners/metadata.cohort-exists",
  // CASE, not the bare condition: PostgreSQL would answer a boolean, SQLite 1 or 0.
  `SELECT CASE WHEN EXISTS (SELECT 1 FROM cohorts WHERE course_id = @course AND name = @name)
             OR EXISTS (SELECT 1 FROM learner_summary WHERE course_id = @course AND cohort = @name) THEN 1 ELSE 0 END AS found`,
  { found: "int" },
);

const MODE_EXISTS = read(
  "learners/metadata.mode-exists",
  `SELECT 1 AS found FROM learner_summary WHERE course_id = ? AND mode = ? LIMIT 1`,
  { found: "int" },
);

const byName = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * A course's learner metadata (docs/edx-api.md § The contract, GET /api/v0/course_learner_metadata/): counts over the
 * whole roster (unenrolled learners included), and the engagement ranges of the default window.
 * Null for an unknown course.
 */
export async function courseLearnerMetadata(
  db: Db,
  courseId: string,
  asOf: string,
): Promise<CourseLearnerMetadata | null> {
  const course = readCourse(db, courseId, asOf);
  if (!course) return null;
  const s = db.$client;
  const cohorts = new Map<string, number>();
  for (const name of COHORT_NAMES.column(s, "name", courseId)) cohorts.set(name, 0);
  const modes = new Map<string, number>();
  const segments = Object.fromEntries(SEGMENTS.map((x) => [x, 0])) as Record<Segment, number>;
  for (const g of groupCounts(s, courseId, course.fresh)) {
    if (g.cohort !== null) cohorts.set(g.cohort, (cohorts.get(g.cohort) ?? 0) + g.learners);
    modes.set(g.mode, (modes.get(g.mode) ?? 0) + g.learners);
    for (const x of segmentsFromMask(g.segments)) segments[x] += g.learners;
  }
  return {
    cohorts: byName(cohorts),
    segments,
    enrollment_modes: byName(modes),
    engagement_ranges: {
      date_range: { start: course.window.start, end: course.window.end },
      ...withClassRanks(course.ranges),
    },
  };
}

export async function courseExists(db: Db, courseId: string): Promise<boolean> {
  return db.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).get() !== undefined;
}

/** A cohort of the course: declared for it, or held by one of its learners. */
export async function cohortExists(db: Db, courseId: string, name: string, asOf: string = asOfDay()): Promise<boolean> {
  if (!readCourse(db, courseId, asOf)) return false;
  return COHORT_EXISTS.get(db.$client, { course: courseId, name })?.found === 1;
}

/** An enrollment mode some learner of the course has (modes have no table of their own). */
export async function modeExists(db: Db, courseId: string, mode: string, asOf: string = asOfDay()): Promise<boolean> {
  if (!readCourse(db, courseId, asOf)) return false;
  return MODE_EXISTS.get(db.$client, courseId, mode) !== undefined;
}
