import type { Db } from "../client";
import { read } from "../sql";

export interface LoadedSummary {
  courses: number;
  learners: number;
  enrollments: number;
  events: number;
  lastUpdated: string | null;
}

const LOADED = read(
  "overview.loaded",
  `SELECT (SELECT COUNT(*) FROM courses) AS courses,
              (SELECT COUNT(DISTINCT user_id) FROM enrollments) AS learners,
              (SELECT COUNT(*) FROM enrollments) AS enrollments,
              (SELECT COUNT(*) FROM events) AS events,
              (SELECT MAX(last_updated_at) FROM courses) AS lastUpdated`,
  { courses: "int", learners: "int", enrollments: "int", events: "int", lastUpdated: "text?" },
);

/** What is loaded, for the first page: counts kept cheap (indexed COUNTs, no scans of events' columns). */
export async function loadedSummary(db: Db): Promise<LoadedSummary> {
  // Scalar subqueries without a FROM: always one row.
  return LOADED.get(db.$client)!;
}
