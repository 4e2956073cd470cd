import { randomUUID } from "node:crypto";
import { z } from "zod";
import { deleteGoal, getGoal, listGoals, type GoalObject } from "@/db/queries/goals";
import { buildGoal, goalBodySchema } from "@/lib/ingest/goals";
import { runIngest } from "@/lib/ingest/session";
import { ApiError } from "../errors";
import { requireCourseReader } from "../guards";
import { apiRoute } from "../handler";
import { BUSY, named } from "../openapi";
import { withWriteTurn } from "../write-turn";

/**
 * Knewton scoped goals (docs/knewton-api.md) of a learning instance (a course): create, list,
 * read, replace, delete. Admins and the course's staff.
 */

const KNEWTON = { family: "knewton" } as const;
const liParams = z.object({ li_id: z.string().describe("The learning instance: a course id.") });
const goalParams = liParams.extend({ goal_id: z.string().describe("The goal's id (a UUID).") });

const criteria = z.object({
  min_predicted_mastery: z
    .number()
    .describe(
      "Predicted mastery (0–1) each objective target needs (default 0.95; 0 when min_consecutive_correct is set).",
    ),
  min_consecutive_correct: z
    .number()
    .int()
    .nullable()
    .describe(
      "Each objective target needs the learner's last N graded answers on it correct (1–30); null for no streak rule. Both it and min_predicted_mastery must hold.",
    ),
  min_work_per_target: z.number().int().describe("Goal-scoped attempts each target needs (default 0)."),
  max_work_on_goal: z
    .number()
    .int()
    .nullable()
    .describe("Goal-scoped attempts after which the goal counts as complete_max_work; null for no limit."),
});
export const goalSchema = named(
  "ScopedGoal",
  z.object({
    id: z.string(),
    learning_instance_id: z.string(),
    name: z.string(),
    targets: z
      .array(z.string())
      .describe("Learning objective ids assessed by the course's items, or item (module) ids of the course."),
    target_type: z.enum(["learning_objective", "module"]),
    topics: z.array(z.object({ topic_id: z.string(), targets: z.array(z.string()) })).nullable(),
    completion_criteria: criteria,
  }),
);
const goalBody = named("ScopedGoalBody", goalBodySchema);
const READERS = "Administrators and the course's instructors and staff.";
const LI_404 =
  "`learning_instance_not_found` (administrators only: anyone else not staff of the course gets 403 whether or not it exists)";
const BODY_RULES =
  "Targets are learning objective ids that the course's items assess, or item ids of the course, not both, and must exist (another course's objective is a 400 naming it); each topic's targets must be among the goal's; completion criteria default to min_predicted_mastery 0.95 (0 with min_consecutive_correct), min_consecutive_correct null and min_work_per_target 0; min_consecutive_correct is a whole number 1–30 and applies to objective targets only.";

async function courseOf(ctx: {
  db: Parameters<typeof requireCourseReader>[0];
  caller: Parameters<typeof requireCourseReader>[1];
  params: { li_id: string };
}): Promise<string> {
  // Next.js hands path values over decoded; decoding again would read "%25" as a broken escape.
  const courseId = ctx.params.li_id;
  await requireCourseReader(ctx.db, ctx.caller, courseId, "learning_instance_not_found");
  return courseId;
}

const goalNotFound = (id: string) => new ApiError(404, "goal_not_found", `No goal ${id} in this learning instance.`);

/** Writes a goal (new or replaced) through the ingest's checks, in one transaction. */
async function saveGoal(
  db: Parameters<typeof runIngest>[0],
  courseId: string,
  goalId: string,
  body: z.infer<typeof goalBodySchema>,
): Promise<GoalObject> {
  await withWriteTurn(() =>
    runIngest(db, (session) => {
      session.catalog.upsertGoal(buildGoal(session, goalId, courseId, body));
      session.courseChanged(courseId);
    }),
  );
  return (await getGoal(db, courseId, goalId))!;
}

// GET /api/v0/learning-instances/{li_id}/scoped-goals
export const listGoalsRoute = apiRoute(
  {
    ...KNEWTON,
    params: liParams,
    doc: {
      summary: "List a learning instance's scoped goals",
      description: `${READERS} By name.`,
      responses: {
        200: { description: "The goals.", schema: z.object({ results: z.array(goalSchema) }) },
        404: { description: LI_404 },
      },
    },
  },
  async (ctx) => Response.json({ results: await listGoals(ctx.db, await courseOf(ctx)) }),
);

// POST /api/v0/learning-instances/{li_id}/scoped-goals
export const createGoalRoute = apiRoute(
  {
    ...KNEWTON,
    params: liParams,
    contentTypes: ["application/json"],
    body: goalBodySchema,
    doc: {
      summary: "Create a scoped goal",
      description: `${READERS} ${BODY_RULES} The id is generated.`,
      requestBody: {
        schema: goalBody,
        example: {
          name: "Unit 1",
          targets: ["lref-fractions"],
          completion_criteria: { min_predicted_mastery: 0.9, max_work_on_goal: 40 },
        },
      },
      responses: {
        201: { description: "Created.", schema: goalSchema },
        404: { description: `${LI_404}; \`not_found\` for a target that does not exist.` },
        503: BUSY,
      },
    },
  },
  async (ctx) => {
    const courseId = await courseOf(ctx);
    return Response.json(await saveGoal(ctx.db, courseId, randomUUID(), ctx.body), { status: 201 });
  },
);

// GET /api/v0/learning-instances/{li_id}/scoped-goals/{goal_id}
export const getGoalRoute = apiRoute(
  {
    ...KNEWTON,
    params: goalParams,
    doc: {
      summary: "Read a scoped goal",
      description: READERS,
      responses: {
        200: { description: "The goal.", schema: goalSchema },
        404: { description: `${LI_404}, \`goal_not_found\`.` },
      },
    },
  },
  async (ctx) => {
    const goal = await getGoal(ctx.db, await courseOf(ctx), ctx.params.goal_id);
    if (!goal) throw goalNotFound(ctx.params.goal_id);
    return Response.json(goal);
  },
);

// PUT /api/v0/learning-instances/{li_id}/scoped-goals/{goal_id}
export const replaceGoalRoute = apiRoute(
  {
    ...KNEWTON,
    params: goalParams,
    contentTypes: ["application/json"],
    body: goalBodySchema,
    doc: {
      summary: "Replace a scoped goal",
      description: `${READERS} The body replaces the whole goal (what it leaves out takes its default). ${BODY_RULES}`,
      requestBody: { schema: goalBody },
      responses: {
        200: { description: "The goal as now stored.", schema: goalSchema },
        404: { description: `${LI_404}, \`goal_not_found\`.` },
        503: BUSY,
      },
    },
  },
  async (ctx) => {
    const courseId = await courseOf(ctx);
    if (!(await getGoal(ctx.db, courseId, ctx.params.goal_id))) throw goalNotFound(ctx.params.goal_id);
    return Response.json(await saveGoal(ctx.db, courseId, ctx.params.goal_id.toLowerCase(), ctx.body));
  },
);

// DELETE /api/v0/learning-instances/{li_id}/scoped-goals/{goal_id}
export const deleteGoalRoute = apiRoute(
  {
    ...KNEWTON,
    params: goalParams,
    doc: {
      summary: "Delete a scoped goal",
      description: READERS,
      responses: {
        204: { description: "Deleted." },
        404: { description: `${LI_404}, \`goal_not_found\`.` },
        503: BUSY,
      },
    },
  },
  async (ctx) => {
    const courseId = await courseOf(ctx);
    const deleted = await withWriteTurn(() => deleteGoal(ctx.db, courseId, ctx.params.goal_id));
    if (!deleted) throw goalNotFound(ctx.params.goal_id);
    return new Response(null, { status: 204 });
  },
);
