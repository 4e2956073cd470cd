import { z } from "zod";
import { registrationOwner } from "@/db/queries/access";
import {
  courseGoals,
  registrationPage,
  statusAndProgress,
  type Goal,
  type Registration,
} from "@/db/queries/status-progress";
import type { GoalResult } from "@/lib/analytics/status/status-and-progress";
import { registrationAccess } from "@/lib/auth/access";
import { uuid } from "@/lib/ingest/xapi/schema";
import type { Db } from "@/db/client";
import { ApiError, forbidden } from "../errors";
import { requireCourseReader } from "../guards";
import { apiRoute, parse } from "../handler";
import { named } from "../openapi";

/** Knewton status and progress (docs/knewton-api.md; the seeds' shapes), for a learning instance or one registration. */

const KNEWTON = { family: "knewton" } as const;
export const MAX_GOALS = 50;
export const MAX_REGISTRATIONS_PER_PAGE = 100;

/** An integer, or one written as a numeric string ("2"), as the vendor's own samples send. */
const integer = (min: number, max?: number) =>
  z
    .union([z.number(), z.string().regex(/^\d+$/, "must be a whole number")])
    .transform(Number)
    .pipe(max === undefined ? z.number().int().min(min) : z.number().int().min(min).max(max));

const goalIds = z.array(uuid).min(1, "must name at least one goal").max(MAX_GOALS, `at most ${MAX_GOALS} goals`);
const liBody = z.object({
  goal_ids: goalIds.describe(`The goals (columns), 1–${MAX_GOALS}, each a goal of this learning instance.`),
  registration_offset: integer(0)
    .optional()
    .describe("First registration of the page (default 0): the previous page's next.registration_offset."),
  registrations_per_page: integer(1, MAX_REGISTRATIONS_PER_PAGE)
    .optional()
    .describe(`Rows per page, 1–${MAX_REGISTRATIONS_PER_PAGE} (default ${MAX_REGISTRATIONS_PER_PAGE}).`),
});
const regBody = z.object({
  goal_ids: goalIds.describe(`The goals, 1–${MAX_GOALS}, each a goal of the registration's learning instance.`),
});

const cellSchema = z.object({
  goal_id: z.string(),
  status: z.enum(["complete", "complete_max_work", "in_progress", "struggling", "no_work"]),
  progress: z.number().describe("0–1"),
  work_remaining: z
    .number()
    .int()
    .describe(
      "The median further attempts to complete the goal under the model, 0–30; −1 when an open objective target is not fitted.",
    ),
  work_remaining_range: z
    .tuple([z.number().int(), z.number().int()])
    .describe(
      "The 10th and 90th percentiles of that number: 8 learners in 10 in this position need between the two. [0, 0] when done, [−1, −1] when not fitted.",
    ),
  targets: z.array(
    z.object({
      target_id: z.string().optional().describe("An objective target."),
      module_id: z.string().optional().describe("An item (module) target."),
      status: z.enum(["complete", "in_progress", "struggling", "no_work"]),
      progress: z.number(),
    }),
  ),
  topic_work_remaining: z
    .array(
      z.object({
        topic_id: z.string(),
        min_work_remaining: z.number().int(),
        average_work_remaining: z.number().int(),
      }),
    )
    .optional()
    .describe("Present when the goal defines topics."),
});
const rowSchema = z.object({ registration_id: z.string(), status_and_progress: z.array(cellSchema) });
const responseSchema = named(
  "StatusAndProgress",
  z.object({
    query: z.record(z.string(), z.unknown()).describe("The request body as sent."),
    column_headers: z.array(z.string()).describe("The goal ids, in the order of each row's cells."),
    data: z.array(rowSchema),
    next: z
      .object({ registration_offset: z.number().int(), registrations_per_page: z.number().int() })
      .optional()
      .describe("Present when more rows follow."),
  }),
);
type Cell = z.infer<typeof cellSchema>;

// Progress is a share; three decimals say all a reader can use of it.
const share = (x: number) => Math.round(x * 1000) / 1000;

function cellOf(goal: Goal, r: GoalResult): Cell {
  const idKey = goal.targetKind === "objective" ? "target_id" : "module_id";
  return {
    goal_id: goal.id,
    status: r.status,
    progress: share(r.progress),
    work_remaining: r.workRemaining,
    work_remaining_range: r.workRemainingRange,
    targets: r.targets.map((t) => ({ [idKey]: t.id, status: t.status, progress: share(t.progress) })),
    ...(r.topics
      ? {
          topic_work_remaining: r.topics.map((t) => ({
            topic_id: t.topicId,
            min_work_remaining: t.minWorkRemaining,
            average_work_remaining: t.averageWorkRemaining,
          })),
        }
      : {}),
  };
}

async function goalsOf(db: Db, courseId: string, ids: readonly string[]): Promise<Goal[]> {
  const { goals, missing } = await courseGoals(db, courseId, ids);
  if (missing !== null) throw new ApiError(404, "goal_not_found", `No goal ${missing} in this learning instance.`);
  return goals;
}

async function rows(db: Db, courseId: string, goals: Goal[], regs: Registration[]) {
  const results = await statusAndProgress(db, courseId, goals, regs);
  return regs.map((reg, i) => ({
    registration_id: reg.id,
    status_and_progress: goals.map((g, j) => cellOf(g, results[i]![j]!)),
  }));
}

/** The body checked against `schema`; the seeds echo it, as sent, as `query`. */
function bodyOf<T>(schema: z.ZodType<T>, sent: unknown): { query: Record<string, unknown>; body: T } {
  return { query: sent as Record<string, unknown>, body: parse(schema, sent, "body", "invalid_request") };
}

const DOC_STATUS =
  "Per goal: `status` (complete, complete_max_work, in_progress, struggling, no_work), `progress` 0–1, `work_remaining` 0–30 (the median further attempts under the model; −1 when an open objective target's model is not fitted), `work_remaining_range` (its 10th and 90th percentiles), each target's status and progress, and per topic `average_work_remaining` and `min_work_remaining`. Mastery counts every graded attempt of the user in every course; work counts only events carrying the goal's id. Integers may be sent as numeric strings.";

// POST /api/v0/learning-instances/{li_id}/metrics/status-and-progress
export const learningInstanceStatusRoute = apiRoute(
  {
    ...KNEWTON,
    params: z.object({ li_id: z.string().describe("The learning instance: a course id.") }),
    contentTypes: ["application/json"],
    readsOnly: true,
    body: z.unknown(),
    doc: {
      summary: "Status and progress of a learning instance's registrations",
      description: `Administrators and the course's instructors and staff. Rows are the course's registrations (enrollments) by enrollment time, then id; page with registration_offset and registrations_per_page, following \`next\`. ${DOC_STATUS}`,
      requestBody: {
        schema: liBody,
        example: { goal_ids: ["99660e1d-e88e-44d2-94d3-251f4861d889"], registrations_per_page: "5" },
      },
      responses: {
        200: { description: "One page of rows.", schema: responseSchema },
        404: {
          description:
            "`learning_instance_not_found` (administrators only: anyone else not staff of the course gets 403), `goal_not_found`.",
        },
      },
    },
  },
  async ({ db, caller, params, body: sent }) => {
    const courseId = params.li_id;
    await requireCourseReader(db, caller, courseId, "learning_instance_not_found");
    const { query, body } = bodyOf(liBody, sent);
    const goals = await goalsOf(db, courseId, body.goal_ids);
    const offset = body.registration_offset ?? 0;
    const perPage = body.registrations_per_page ?? MAX_REGISTRATIONS_PER_PAGE;
    const page = await registrationPage(db, courseId, offset, perPage);
    return Response.json({
      query,
      column_headers: goals.map((g) => g.id),
      data: await rows(db, courseId, goals, page.rows),
      ...(page.more
        ? { next: { registration_offset: offset + page.rows.length, registrations_per_page: perPage } }
        : {}),
    } satisfies z.infer<typeof responseSchema>);
  },
);

// POST /api/v0/registrations/{reg_id}/metrics/status-and-progress
export const registrationStatusRoute = apiRoute(
  {
    ...KNEWTON,
    params: z.object({ reg_id: z.string().describe("The registration: an enrollment id (a UUID).") }),
    contentTypes: ["application/json"],
    readsOnly: true,
    body: z.unknown(),
    doc: {
      summary: "Status and progress of one registration",
      description: `Administrators, the course's instructors and staff, and the registration's own learner. One row. ${DOC_STATUS}`,
      requestBody: { schema: regBody, example: { goal_ids: ["50d7d4fc-476d-45eb-8e8c-97c91d5d7c74"] } },
      responses: {
        200: { description: "The registration's row.", schema: responseSchema },
        404: {
          description:
            "`registration_not_found` (administrators only: anyone else gets 403 whether or not it exists), `goal_not_found`.",
        },
      },
    },
  },
  async ({ db, caller, params, body: sent }) => {
    const access = await registrationAccess(db, caller, params.reg_id);
    if (access === "forbidden")
      throw forbidden("Only the registration's learner, the course's staff and administrators may read it.");
    const owner = await registrationOwner(db, params.reg_id);
    if (access === "not_found" || !owner)
      throw new ApiError(404, "registration_not_found", `No registration ${params.reg_id}.`);
    const { query, body } = bodyOf(regBody, sent);
    const goals = await goalsOf(db, owner.courseId, body.goal_ids);
    const reg = { id: params.reg_id.toLowerCase(), userId: owner.userId };
    return Response.json({
      query,
      column_headers: goals.map((g) => g.id),
      data: await rows(db, owner.courseId, goals, [reg]),
    } satisfies z.infer<typeof responseSchema>);
  },
);
