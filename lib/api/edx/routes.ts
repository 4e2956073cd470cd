import { z } from "zod";
import {
  courseLearnerMetadata,
  getLearner,
  iterateLearners,
  learnerTimelineByUsername,
  listLearners,
  type LearnerObject,
  type LearnerSelection,
} from "@/db/queries/learners";
import type { Db } from "@/db/client";
import { asOfDay } from "@/lib/env";
import { csvResponse, safeFileName, type CsvValue } from "../csv";
import { ApiError } from "../errors";
import { requireCourseReader } from "../guards";
import { apiRoute } from "../handler";
import { csvValues, needsProfiles, pickColumns, type CsvLearner } from "./csv-columns";
import { pagedBody, pageOf, requirePage } from "./paging";
import { READABLE_HEADER, readableValues } from "./readable-csv";
import { learnerListQuery, requireCourseId, windowOf, windowQuery, type LearnerListQuery } from "./query";
import { learnerSelectionOf } from "./selection";
import { learnerPageSchema, learnerSchema, metadataSchema, timelineSchema } from "./schemas";

/**
 * The Open edX learner analytics API (docs/edx-api.md), served identically under /api/v0/ and
 * /api/learner_analytics/v0/: the route files of both prefixes export these handlers.
 */

const EDX = { family: "edx", invalidCode: "illegal_parameter_values" } as const;
const usernameParams = z.object({ username: z.string() });

const learnerNotFound = (username: string) =>
  new ApiError(404, "learner_not_found", `No learner "${username}" in this course.`);

function wantsCsv(req: Request, q: LearnerListQuery): boolean {
  if (q.format) return q.format === "csv";
  return /\btext\/csv\b/i.test(req.headers.get("accept") ?? "");
}

/** Every learner of a selection as batches of CSV rows, as the export iterator reads them. */
async function* csvRows(
  db: Db,
  courseId: string,
  sel: LearnerSelection,
  row: (l: CsvLearner) => CsvValue[],
  profiles: boolean,
) {
  for await (const batch of iterateLearners(db, courseId, sel, { profiles })) yield batch.map(row);
}

const COURSE_ERRORS =
  "`course_not_found` (administrators only: anyone else not staff of the course gets 403 whether or not it exists)";
const READERS = "Administrators and the course's instructors and staff.";

// GET /api/v0/learners/?course_id=
export const listLearnersRoute = apiRoute(
  {
    ...EDX,
    query: learnerListQuery,
    doc: {
      summary: "List a course's learners",
      description: `${READERS} Filter, sort and page the roster; with \`Accept: text/csv\` (or \`format=csv\`) every matching learner as CSV, in the requested order — only that page when \`page\` is given (past the last page a 404, as for JSON). Nulls sort last ascending, first descending, except the ratio: attempts with no correct answer sort as +∞ (more attempts higher), no attempts last in both directions, and ties break on attempt_ratio_order the other way; every sort ends with username ascending.`,
      responses: {
        200: {
          description: "One page of learners (a `Link` header carries next/prev), or the CSV file.",
          schema: learnerPageSchema,
          contentType: ["application/json", "text/csv"],
          headers: { Link: '`<url>; rel="next", <url>; rel="prev"` when there are such pages' },
        },
        404: {
          description: `${COURSE_ERRORS}, \`segment_not_found\`, \`cohort_not_found\`, \`enrollment_mode_not_found\`, \`page_not_found\`.`,
        },
      },
    },
  },
  async ({ req, db, caller, query }) => {
    const courseId = requireCourseId(query);
    await requireCourseReader(db, caller, courseId);
    const sel = await learnerSelectionOf(db, query, courseId);
    if (wantsCsv(req, query)) {
      const readable = query.csv_columns === "readable";
      if (readable && query.fields !== undefined)
        throw new ApiError(400, "illegal_parameter_values", "fields cannot be combined with csv_columns=readable.");
      const columns = pickColumns(query.fields);
      const header = readable ? READABLE_HEADER : columns;
      const row = readable ? readableValues : (l: CsvLearner) => csvValues(l, columns);
      const fileName = `${safeFileName(courseId)}--${sel.asOf}--learners.csv`;
      // The readable download holds no profile fields; the API's CSV only those `fields` names.
      const profiles = !readable && needsProfiles(columns);
      if (query.page === undefined) return csvResponse(fileName, header, csvRows(db, courseId, sel, row, profiles));
      const page = pageOf(query);
      const { count, results } = await listLearners(db, courseId, { ...sel, ...page });
      requirePage(page, count);
      return csvResponse(fileName, header, [results.map(row)]);
    }
    const page = pageOf(query);
    const { count, results } = await listLearners(db, courseId, { ...sel, ...page });
    const { body, headers } = pagedBody<LearnerObject>(req, page, count, results);
    return Response.json(body, { headers });
  },
);

// GET /api/v0/learners/{username}/?course_id=
export const learnerDetailRoute = apiRoute(
  {
    ...EDX,
    params: usernameParams,
    query: windowQuery,
    doc: {
      summary: "One learner's figures in a course",
      description: `${READERS} Engagement over the default window (the 7 days before the as-of day) or start_date/end_date.`,
      responses: {
        200: { description: "The learner.", schema: learnerSchema },
        404: { description: `\`learner_not_found\` (no such user, or never enrolled), ${COURSE_ERRORS}.` },
      },
    },
  },
  async ({ db, caller, params, query }) => {
    const courseId = requireCourseId(query);
    await requireCourseReader(db, caller, courseId);
    const learner = await getLearner(db, courseId, params.username, { asOf: asOfDay(), window: windowOf(query) });
    if (!learner) throw learnerNotFound(params.username);
    return Response.json(learner);
  },
);

// GET /api/v0/engagement_timelines/{username}/?course_id=
export const timelineRoute = apiRoute(
  {
    ...EDX,
    params: usernameParams,
    query: windowQuery,
    doc: {
      summary: "A learner's day-by-day engagement",
      description: `${READERS} With start_date/end_date: every day of the window, zeros where idle. Without: the first to the last active day, idle days filled with zeros; no activity gives no days.`,
      responses: {
        200: { description: "The days, ascending.", schema: timelineSchema },
        404: { description: `\`learner_not_found\`, ${COURSE_ERRORS}.` },
      },
    },
  },
  async ({ db, caller, params, query }) => {
    const courseId = requireCourseId(query);
    await requireCourseReader(db, caller, courseId);
    const days = await learnerTimelineByUsername(db, courseId, params.username, windowOf(query));
    if (!days) throw learnerNotFound(params.username);
    return Response.json({ days });
  },
);

// GET /api/v0/course_learner_metadata/{course_id}/ — the id may hold "/" (a catch-all segment).
export const metadataRoute = apiRoute(
  {
    ...EDX,
    params: z.object({ course_id: z.array(z.string()).min(1).describe("The course id; it may contain / and +") }),
    doc: {
      summary: "A course's cohorts, segments, enrollment modes and engagement ranges",
      description: `${READERS} Every cohort and mode, all five segments zero-filled, and the ranges over the default window.`,
      responses: { 200: { description: "The metadata.", schema: metadataSchema }, 404: { description: COURSE_ERRORS } },
    },
  },
  async ({ db, caller, params }) => {
    // Next.js hands path values over decoded: decoding again would read "%25" as a broken escape.
    const courseId = params.course_id.join("/");
    await requireCourseReader(db, caller, courseId);
    const meta = await courseLearnerMetadata(db, courseId, asOfDay());
    if (!meta) throw new ApiError(404, "course_not_found", `No course "${courseId}".`);
    return Response.json(meta);
  },
);
