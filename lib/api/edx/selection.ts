import type { Db } from "@/db/client";
import { cohortExists, modeExists, type LearnerSelection } from "@/db/queries/learners";
import { asOfDay } from "@/lib/env";
import { ApiError } from "../errors";
import { knownSegments, windowOf, type LearnerListQuery } from "./query";

/**
 * The learners a list query selects (docs/edx-api.md § The contract, GET /api/v0/learners/), checked as the API checks
 * it: the route and the roster page both read the roster through here, so a URL means the same
 * learners in both. Throws the API's 400/404 errors.
 */
export async function learnerSelectionOf(db: Db, q: LearnerListQuery, courseId: string): Promise<LearnerSelection> {
  const segments = knownSegments(q.segments);
  const ignoreSegments = knownSegments(q.ignore_segments);
  if (segments.length && ignoreSegments.length) {
    throw new ApiError(400, "illegal_parameter_values", "segments and ignore_segments cannot be used together.");
  }
  const cohort = q.cohort || undefined;
  const mode = q.enrollment_mode || undefined;
  if (cohort && !(await cohortExists(db, courseId, cohort)))
    throw new ApiError(404, "cohort_not_found", `No cohort "${cohort}" in this course.`);
  if (mode && !(await modeExists(db, courseId, mode)))
    throw new ApiError(404, "enrollment_mode_not_found", `No enrollment mode "${mode}" in this course.`);
  return {
    asOf: asOfDay(),
    window: windowOf(q),
    textSearch: q.text_search?.trim() || undefined,
    segments,
    ignoreSegments,
    cohort,
    enrollmentMode: mode,
    orderBy: q.order_by ?? "username",
    sortOrder: q.sort_order ?? "asc",
  };
}
