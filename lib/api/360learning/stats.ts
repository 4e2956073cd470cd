import { z } from "zod";
import { pathSessionData, type PathSessionMissing } from "@/db/queries/path-session";
import { pathSessionStats, type PathSessionStats } from "@/lib/analytics/path-session/stats";
import { isAdmin } from "@/lib/auth/access";
import { currentTime } from "@/lib/clock";
import { ApiError, forbidden } from "../errors";
import { apiRoute } from "../handler";
import { named } from "../openapi";
import { resolve360Caller } from "./credentials";

/** 360Learning's path session stats of a user (docs/360learning-api.md; the seed's field names). */

const iso = (ms: number): string => new Date(ms).toISOString();

const statsSchema = named(
  "PathSessionStats",
  z.object({
    progress: z.number().int().describe("Percent of the session's steps completed, 0–100 (rounded down)."),
    globalTime: z.number().int().describe("Time spent on the session, in milliseconds."),
    score: z
      .number()
      .int()
      .optional()
      .describe("Mean best score of the scored steps, 0–100; absent when none is scored."),
    status: z.enum(["completed", "awaitingCorrection", "late", "onTime"]),
    completedAt: z
      .string()
      .optional()
      .describe("When the last mandatory step was completed (ISO 8601); absent until then."),
    detailedStatus: z.object({
      type: z.enum([
        "sessionNotOpened",
        "successful",
        "unsuccessful",
        "toRetake",
        "awaitingCorrection",
        "notYetStarted",
        "late",
        "onTime",
      ]),
      reason: z
        .enum(["sessionEnded"])
        .optional()
        .describe("`sessionEnded` when `unsuccessful` because the session ended first."),
    }),
    result: z
      .enum(["successful", "retake", "unsuccessful"])
      .optional()
      .describe("Present once every mandatory step is completed."),
    archivedAt: z.string().optional().describe("When the user was unenrolled (ISO 8601); absent while enrolled."),
  }),
);

const query = z.object({
  company: z
    .string()
    .optional()
    .describe("This deployment's company id (`LANTERN_COMPANY_ID`, default `lantern`), with `apiKey`."),
  apiKey: z.string().optional().describe("An administrator's Lantern API key, `lk_<id>.<secret>`, with `company`."),
});

const headers = z.object({
  "X-company-id": z.string().optional().describe("The company id, instead of the `company` parameter."),
  "X-apiKey": z.string().optional().describe("The API key, instead of the `apiKey` parameter."),
});

const NOT_FOUND: Record<PathSessionMissing, [code: string, message: string]> = {
  path_session: ["path_session_not_found", "No path session (course) with this id."],
  user: ["user_not_found", "No user with this id or email."],
  enrollment: ["user_not_enrolled", "The user is not enrolled in this path session."],
};

/** The stats with times in ISO 8601, in the seed's field order. */
function bodyOf(s: PathSessionStats): z.infer<typeof statsSchema> {
  return {
    progress: s.progress,
    globalTime: s.globalTime,
    ...(s.score !== undefined ? { score: s.score } : {}),
    status: s.status,
    ...(s.completedAt !== undefined ? { completedAt: iso(s.completedAt) } : {}),
    detailedStatus: s.detailedStatus,
    ...(s.result !== undefined ? { result: s.result } : {}),
    ...(s.archivedAt !== undefined ? { archivedAt: iso(s.archivedAt) } : {}),
  };
}

// GET /api/360learning/api/v1/paths/sessions/{sessionId}/stats/{userEmailOrId}
export const pathSessionStatsRoute = apiRoute(
  {
    family: "360learning",
    caller: resolve360Caller,
    authorize: (caller) => {
      if (!isAdmin(caller)) throw forbidden("360Learning's API takes an administrator's API key.");
    },
    params: z.object({
      sessionId: z.string().describe("The path session: a course id (URL-encoded)."),
      userEmailOrId: z.string().describe("The user's id, or their email (case-insensitive)."),
    }),
    query,
    doc: {
      summary: "A user's stats on a path session",
      description:
        "Administrators only. Credentials: `company` and `apiKey` as query parameters, or the headers `X-company-id` and `X-apiKey`, or `Authorization: Bearer <API key>`. Steps are the course's items; due dates and session dates are compared with the current time. An unenrolled user's figures are those of the moment they left, with `archivedAt`. Absent fields are omitted.",
      headers,
      responses: {
        200: { description: "The user's stats.", schema: statsSchema },
        404: {
          description:
            "`path_session_not_found` (also when the user is wrong too), `user_not_found`, `user_not_enrolled`.",
        },
      },
    },
  },
  async ({ db, params }) => {
    const data = await pathSessionData(db, params.sessionId, params.userEmailOrId);
    if ("missing" in data) {
      const [code, message] = NOT_FOUND[data.missing];
      throw new ApiError(404, code, message);
    }
    return Response.json(bodyOf(pathSessionStats({ ...data, now: currentTime() })));
  },
);
