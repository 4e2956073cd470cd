import { z } from "zod";
import { COMPLETION_STATUSES } from "@/db/schema";
import { parseTimestamp } from "@/lib/ingest/iso8601";

/**
 * Query parameters of `GET /learners/results` (docs/ispring-api.md, the seed): lists in any of the
 * forms iSpring clients send, one-sided date ranges, statuses and keyset paging.
 */

export const MAX_PAGE_SIZE = 1000;

// List parameter → the field it fills; the seed's own sample request writes `completionStatus`.
const LISTS: Readonly<Record<string, string>> = {
  enrollmentIds: "enrollmentIds",
  userIds: "userIds",
  courseIds: "courseIds",
  departmentIds: "departmentIds",
  completionStatuses: "completionStatuses",
  completionStatus: "completionStatuses",
  userStatuses: "userStatuses",
};

// A `+` in an unencoded query string arrives as a space: `…T21:00:00 00:00` meant `…+00:00`.
const restorePlus = (value: string): string => value.replace(/ (\d{2}(?::?\d{2})?)$/, "+$1");

/**
 * The URL's parameters as the schema reads them: lists from `ids[]=a&ids[]=b`, `ids[0]=a`,
 * repeated `ids=a&ids=b` or `ids=a,b` (mixed freely, empty items dropped); every other
 * parameter's first value that is not empty (`pageToken=` on a first page is no token).
 */
export function resultsQueryInput(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const list = LISTS[key.replace(/\[\d*\]$/, "")];
    if (list) {
      const items = value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      out[list] = [...((out[list] as string[] | undefined) ?? []), ...items];
    } else if (!(key in out) && value !== "") {
      out[key] = /Date\[/.test(key) ? restorePlus(value) : value;
    }
  }
  return out;
}

/** A bound of a date range: an ISO 8601 date-time (`2026-03-01T00:00:00Z`, `…+03:00`) or a date. */
const bound = (end: boolean) =>
  z
    .string()
    .meta({ examples: [end ? "2026-03-31T23:59:59Z" : "2026-03-01"] })
    .transform((v, ctx) => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(v);
      const ms = parseTimestamp(day ? `${v}T00:00:00Z` : v);
      if (ms === null) {
        ctx.addIssue({
          code: "custom",
          message: "must be an ISO 8601 date-time (2026-03-01T00:00:00Z) or date (2026-03-01)",
        });
        return z.NEVER;
      }
      return new Date(day && end ? ms + 86_399_999 : ms).toISOString();
    });
const from = (what: string) =>
  bound(false).optional().describe(`${what} from this time, inclusive; either bound may be given alone.`);
const to = (what: string) =>
  bound(true).optional().describe(`${what} up to this time, inclusive; a bare date means its whole day (UTC).`);

const idList = (what: string) =>
  z.array(z.string()).optional().describe(`${what}: \`${what}[]=a&${what}[]=b\`, repeated, or comma-separated.`);

// `pageToken` is the base64url of the last enrollment id of the page before, as the vendor's own tokens are.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodePageToken(lastEnrollmentId: string): string {
  return Buffer.from(lastEnrollmentId).toString("base64url");
}

const pageToken = z
  .string()
  .describe("The previous page's `nextPageToken`: the page after it.")
  .transform((v, ctx) => {
    const id = Buffer.from(v, "base64url").toString("utf8");
    if (!UUID.test(id)) {
      ctx.addIssue({ code: "custom", message: "is not a token this API gave out (use nextPageToken as it came)" });
      return z.NEVER;
    }
    return id;
  });

export const resultsQuery = z
  .object({
    enrollmentIds: idList("enrollmentIds"),
    userIds: idList("userIds"),
    courseIds: idList("courseIds"),
    departmentIds: idList("departmentIds").describe("departmentIds (each with its sub-departments), in any list form."),
    completionStatuses: z
      .array(z.enum(COMPLETION_STATUSES))
      .optional()
      .describe("Results with any of these statuses (`completionStatus` is read the same)."),
    userStatuses: z
      .array(z.enum(["1", "3"]))
      .optional()
      .describe("1 active, 3 blocked users (default: active only)."),
    "accessDate[startDate]": from("Access (assignment) date"),
    "accessDate[endDate]": to("Access (assignment) date"),
    "dueDate[startDate]": from("Due date"),
    "dueDate[endDate]": to("Due date"),
    "completionDate[startDate]": from("Completion date"),
    "completionDate[endDate]": to("Completion date"),
    pageSize: z
      .string()
      .regex(/^\d+$/, "must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
      .optional()
      .describe(`Rows per page, 1–${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}).`),
    pageToken: pageToken.optional(),
  })
  .superRefine((q, ctx) => {
    const pairs = [
      ["accessDate", q["accessDate[startDate]"], q["accessDate[endDate]"]],
      ["dueDate", q["dueDate[startDate]"], q["dueDate[endDate]"]],
      ["completionDate", q["completionDate[startDate]"], q["completionDate[endDate]"]],
    ] as const;
    for (const [name, start, end] of pairs) {
      if (start && end && start > end)
        ctx.addIssue({ code: "custom", path: [`${name}[startDate]`], message: "must not be after endDate" });
    }
  });

export type ResultsQuery = z.infer<typeof resultsQuery>;
