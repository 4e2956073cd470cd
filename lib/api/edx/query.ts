import { z } from "zod";
import { SEGMENTS, type Segment } from "@/lib/analytics/segments";
import { daysBetween, type DayWindow } from "@/lib/time";
import { ApiError } from "../errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ORDER_BY } from "./constants";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ORDER_BY, type OrderBy } from "./constants";

/**
 * Query parameters of the Open edX learner analytics API (docs/edx-api.md), as zod schemas shared by the
 * route handlers, the OpenAPI document and the dashboard's client code.
 */

const MAX_WINDOW_DAYS = 366;

// The seed's own examples write `2015-10-6`; both that and `2015-10-06` are read as the same day.
const looseDay = z
  .string()
  .regex(/^\d{4}-\d{1,2}-\d{1,2}$/, "must be a date YYYY-MM-DD")
  .transform((v, ctx) => {
    const [y, m, d] = v.split("-");
    const day = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
    const date = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
      ctx.addIssue({ code: "custom", message: "is not a real date" });
      return z.NEVER;
    }
    return day;
  });

const positiveInt = z
  .string()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number)
  .refine((n) => n >= 1, "must be at least 1");

/** A comma-separated list; an empty value means no filter. */
const segmentList = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Parameters every endpoint of the family takes. */
export const windowQuery = z.object({
  course_id: z.string().optional().describe("The course (required)."),
  start_date: looseDay.optional().describe("Start of the engagement window, inclusive (YYYY-MM-DD); with end_date."),
  end_date: looseDay.optional().describe("End of the engagement window, exclusive (YYYY-MM-DD); with start_date."),
});

export const learnerListQuery = windowQuery.extend({
  text_search: z
    .string()
    .optional()
    .describe("Every whitespace-separated term must occur in the name, username or email (case-insensitive)."),
  segments: segmentList
    .optional()
    .describe(`Comma-separated segments; learners in any of them (${SEGMENTS.join(", ")}).`),
  ignore_segments: segmentList
    .optional()
    .describe("Comma-separated segments; learners in none of them. Not with segments."),
  cohort: z.string().optional().describe("Exact cohort name."),
  enrollment_mode: z.string().optional().describe("Exact enrollment track, e.g. verified."),
  order_by: z.enum(ORDER_BY).optional().describe("Sort key (default username)."),
  sort_order: z.enum(["asc", "desc"]).optional().describe("asc (default) or desc."),
  page: positiveInt.optional().describe("Page number, from 1."),
  page_size: positiveInt
    .optional()
    .describe(`Rows per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}; larger is clamped).`),
  format: z.enum(["json", "csv"]).optional().describe("csv for a CSV file (same as Accept: text/csv)."),
  fields: z
    .string()
    .optional()
    .describe(
      "CSV only: comma-separated columns to include, in this order; empty for every default column. The profile fields (user_id, country, …) are columns only when named. An unknown name, or none at all (`,,,`), is a 400.",
    ),
  csv_columns: z
    .enum(["api", "readable"])
    .optional()
    .describe(
      "CSV only: api (default) for the field names and raw values; readable for the dashboard's download — columns named for people, segments by name, the ratio rounded to one decimal. Not with fields.",
    ),
});
export type LearnerListQuery = z.infer<typeof learnerListQuery>;

/** The course id; a missing or empty one is the 400 `course_not_specified`. */
export function requireCourseId(q: { course_id?: string }): string {
  const id = q.course_id?.trim();
  if (!id) throw new ApiError(400, "course_not_specified", "course_id is required.");
  return id;
}

/** The engagement window chosen by start_date/end_date, null for the default, or a 400. */
export function windowOf(q: { start_date?: string; end_date?: string }): DayWindow | null {
  const { start_date: start, end_date: end } = q;
  if (start === undefined && end === undefined) return null;
  const bad = (message: string) => new ApiError(400, "illegal_parameter_values", message);
  if (start === undefined || end === undefined) throw bad("start_date and end_date go together: give both or neither.");
  if (start >= end) throw bad("start_date must be before end_date.");
  if (daysBetween(start, end) > MAX_WINDOW_DAYS) throw bad(`The window may span at most ${MAX_WINDOW_DAYS} days.`);
  return { start, end };
}

/** Segment names checked against the five of docs/metrics.md; an unknown one is the 404 `segment_not_found`. */
export function knownSegments(names: readonly string[] | undefined): Segment[] {
  const out: Segment[] = [];
  for (const n of names ?? []) {
    if (!(SEGMENTS as readonly string[]).includes(n))
      throw new ApiError(404, "segment_not_found", `No segment "${n}". Segments: ${SEGMENTS.join(", ")}.`);
    out.push(n as Segment);
  }
  return out;
}
