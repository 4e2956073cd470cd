import { z } from "zod";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { departmentSubtrees, resultsPage, type ResultRow, type ResultsFilter } from "@/db/queries/ispring-results";
import { COMPLETION_STATUSES, type UserStatus } from "@/db/schema";
import { departmentScope, mayListResults } from "@/lib/auth/access";
import { forbidden } from "../errors";
import { apiRoute } from "../handler";
import { named } from "../openapi";
import { ispringCaller } from "./caller";
import { encodePageToken, MAX_PAGE_SIZE, resultsQuery, resultsQueryInput, type ResultsQuery } from "./query";
import { ispringErrorResponse, resultsResponse } from "./respond";
import { currentTime } from "@/lib/clock";

/** `GET /api/ispring/learners/results` (docs/ispring-api.md; the seed's fields and layout). */

const date = (what: string) =>
  z.string().describe(`${what}, ISO 8601 in UTC to the second (\`2026-03-01T09:30:00+00:00\`).`);

const resultSchema = named(
  "IspringLearnerResult",
  z.object({
    userId: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    enrollmentId: z.string(),
    accessDate: date("When the course was assigned: the enrollment's access date, else its enrollment time"),
    dueDate: date("The due date, when there is one").optional(),
    expirationDate: date("When access closes, when it does").optional(),
    completionDate: date("When the course was finished (complete, passed, failed or accepted)").optional(),
    timeSpent: z.number().int().describe("Seconds, the sum of the learner's event durations."),
    completionStatus: z.enum(COMPLETION_STATUSES),
    progress: z
      .number()
      .optional()
      .describe("Percent of mandatory items completed, 0–100, two decimals; absent before any activity."),
    awardedScore: z
      .number()
      .optional()
      .describe("0–100, two decimals: the explicit score, else the mean best score of the scored mandatory items."),
    passingScore: z.number().optional().describe("The course's passing score, when it has one."),
    isOverdue: z
      .union([z.literal(0), z.literal(1)])
      .describe("1 when the due date has passed and the course is not complete, passed or accepted."),
    viewsCount: z.number().int().describe("Course launches."),
  }),
);
const pageSchema = named(
  "IspringLearnerResults",
  z.object({
    results: z.array(resultSchema),
    nextPageToken: z.string().optional().describe("Present when more results follow: pass it as pageToken."),
  }),
);
type ResultJson = z.infer<typeof resultSchema>;

// The seed writes times to the second with an explicit offset.
const seconds = (iso: string): string => `${new Date(iso).toISOString().slice(0, 19)}+00:00`;
const optional = (iso: string | null | undefined) => (iso ? seconds(iso) : undefined);

function resultOf(r: ResultRow): ResultJson {
  const f = r.figures;
  return {
    userId: r.userId,
    courseId: r.courseId,
    courseTitle: r.courseTitle,
    enrollmentId: r.enrollmentId,
    accessDate: seconds(r.accessDate),
    dueDate: optional(r.dueDate),
    expirationDate: optional(r.expirationDate),
    completionDate: optional(f.completionDate),
    timeSpent: r.timeSpent,
    completionStatus: f.completionStatus,
    progress: f.progress,
    awardedScore: f.awardedScore,
    passingScore: r.passingScore ?? undefined,
    isOverdue: f.isOverdue ? 1 : 0,
    viewsCount: r.viewsCount,
  };
}

const USER_STATUSES: Record<"1" | "3", UserStatus> = { "1": "active", "3": "blocked" };
// An empty list (`userIds[]=`) is no filter, as an absent one.
const given = <T>(list: readonly T[] | undefined): readonly T[] | undefined => (list?.length ? list : undefined);

/** The departments whose users the caller asked for and may read; undefined for every user. */
async function departmentsOf(
  db: Db,
  scope: "all" | string[],
  asked: readonly string[] | undefined,
): Promise<readonly string[] | undefined> {
  if (!asked) return scope === "all" ? undefined : scope;
  const tree = await departmentSubtrees(db, asked);
  return scope === "all" ? tree : tree.filter((d) => scope.includes(d));
}

async function filterOf(db: Db, scope: "all" | string[], q: ResultsQuery): Promise<ResultsFilter> {
  const range = (from: string | undefined, to: string | undefined) => (from || to ? { from, to } : undefined);
  return {
    enrollmentIds: given(q.enrollmentIds)?.map((id) => id.toLowerCase()),
    userIds: given(q.userIds),
    courseIds: given(q.courseIds),
    departmentIds: await departmentsOf(db, scope, given(q.departmentIds)),
    userStatuses: [...new Set((given(q.userStatuses) ?? ["1"]).map((s) => USER_STATUSES[s]))],
    completionStatuses: given(q.completionStatuses),
    accessDate: range(q["accessDate[startDate]"], q["accessDate[endDate]"]),
    dueDate: range(q["dueDate[startDate]"], q["dueDate[endDate]"]),
    completionDate: range(q["completionDate[startDate]"], q["completionDate[endDate]"]),
  };
}

function requireResultsReader(caller: Caller): void {
  if (!mayListResults(caller))
    throw forbidden("Only administrators and department administrators may read learners' results.");
}

// GET /api/ispring/learners/results
export const resultsRoute = apiRoute(
  {
    family: "ispring",
    caller: ispringCaller,
    authorize: requireResultsReader,
    query: resultsQuery,
    queryInput: resultsQueryInput,
    errorResponse: ispringErrorResponse,
    doc: {
      summary: "Learners' results",
      description: `One result per enrollment, as iSpring Learn's \`GET /learners/results\`. Administrators read every user's; department administrators those of users in the departments they manage and their sub-departments. Credentials: an access token from \`POST /api/ispring/api/v3/token\` or an API key, as \`Authorization: Bearer <token>\` or the token alone. XML by default; JSON with \`Accept: application/json\` (errors too, as \`{code, message}\`). Lists may be sent as \`userIds[]=a&userIds[]=b\`, repeated or comma-separated. Pages hold up to pageSize results (default ${MAX_PAGE_SIZE}), in enrollment id order; follow \`nextPageToken\`.`,
      responses: {
        200: {
          description: "A page of results.",
          schema: pageSchema,
          contentType: ["application/xml", "application/json"],
        },
        400: {
          description: "`invalid_request`, naming the parameter.",
          contentType: ["application/xml", "application/json"],
        },
        401: { description: "No valid token or key.", contentType: ["application/xml", "application/json"] },
        403: {
          description: "Neither an administrator nor a department administrator.",
          contentType: ["application/xml", "application/json"],
        },
      },
    },
  },
  async ({ req, db, caller, query }) => {
    const scope = await departmentScope(db, caller);
    if (scope === null) throw forbidden();
    const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
    const page = await resultsPage(
      db,
      await filterOf(db, scope, query),
      query.pageToken ?? null,
      pageSize,
      currentTime(),
    );
    const last = page.rows[page.rows.length - 1];
    return resultsResponse(req, page.rows.map(resultOf), page.more && last ? encodePageToken(last.enrollmentId) : null);
  },
);
