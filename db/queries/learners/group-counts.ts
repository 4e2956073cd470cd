import type { Db } from "../../client";
import { read, write } from "../../sql";

type Sqlite = Db["$client"];

/*
 * The stored count of a course's learners per (segments, cohort, mode) (table learner_group_count),
 * written when the segments are made current and read by the course metadata. Apart from
 * course-read.ts, which calls `ensureCourseFresh`, so that derived.ts can write it without an import
 * cycle.
 */

export interface GroupCount {
  segments: number;
  cohort: string | null;
  mode: string;
  learners: number;
}

const CLEAR = write("learners/group-counts.clear", `DELETE FROM learner_group_count WHERE course_id = ?`);
const INSERT = write(
  "learners/group-counts.insert",
  `INSERT INTO learner_group_count (course_id, segments, cohort, mode, learners) VALUES (?, ?, ?, ?, ?)`,
);

const GROUP_ROW = { segments: "int", cohort: "text?", mode: "text", learners: "int" } as const;
const STORED = read(
  "learners/group-counts.stored",
  `SELECT segments, cohort, mode, learners FROM learner_group_count WHERE course_id = ?`,
  GROUP_ROW,
);
const COUNTED = read(
  "learners/group-counts.counted",
  `SELECT coalesce(segments, 0) AS segments, cohort, mode, COUNT(*) AS learners FROM learner_summary
           WHERE course_id = ? GROUP BY 1, 2, 3`,
  GROUP_ROW,
);

/**
 * Stores the course's learners per (segments, cohort, mode): called by `ensureCourseFresh` in the
 * transaction that makes the segments current, from the rows it already holds.
 */
export function writeGroupCounts(
  s: Sqlite,
  courseId: string,
  rows: Iterable<{ segments: number; cohort: string | null; mode: string }>,
): void {
  const groups = new Map<string, GroupCount>();
  for (const r of rows) {
    const key = `${r.segments}\u0000${r.mode}\u0000${r.cohort ?? "\u0001"}`;
    const g = groups.get(key);
    if (g) g.learners++;
    else groups.set(key, { segments: r.segments, cohort: r.cohort, mode: r.mode, learners: 1 });
  }
  CLEAR.run(s, courseId);
  for (const g of groups.values()) INSERT.run(s, courseId, g.segments, g.cohort, g.mode, g.learners);
}

/**
 * The course's learners per (segments, cohort, mode): the stored counts when fresh, else counted
 * from the summaries (a learner whose segments await recomputing counts as in none).
 */
export function groupCounts(s: Sqlite, courseId: string, fresh: boolean): GroupCount[] {
  return (fresh ? STORED : COUNTED).all(s, courseId);
}
