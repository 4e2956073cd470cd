/**
 * Every API route, for the OpenAPI document (`GET /api/openapi.json`, rendered at `/api-docs`).
 *
 * How a new route adds itself:
 *
 * 1. In its `route.ts`, give `apiRoute` a `doc` beside the schemas it already parses with:
 *
 *        export const GET = apiRoute(
 *          { family: "edx", query: learnerListQuery, doc: {
 *              summary: "List a course's learners",
 *              description: "Who may call it and anything the schemas do not say (Markdown).",
 *              responses: {
 *                200: { description: "One page of learners.", schema: learnerPage, contentType: ["application/json", "text/csv"] },
 *                404: { description: "`course_not_found`, `segment_not_found`, `page_not_found`." },
 *              } } },
 *          handler);
 *
 *    Parameters and the request body are generated from `params`, `query` and `body` (describe a
 *    field with zod's `.describe()`, give an example with `.meta({ examples: [...] })`). 400, 401,
 *    403 and 413 are added from the spec; an error status without a schema gets the family's error
 *    body. Response schemas are zod too: type the JSON the handler sends with their `z.infer` so the
 *    document cannot drift from it. `named("Learner", schema)` puts a schema used in several places
 *    under `components.schemas` once.
 * 2. Import the module below and add `{ path, module }`, the path in OpenAPI form: the folders under
 *    `app/` with route groups left out and `[x]` (or `[...x]`) as `{x}`. A route served at two paths
 *    (edX's `/api/learner_analytics/v0/` prefix) is two entries.
 *
 * `routes.test.ts`, beside this file, fails while a route file under `app/` is missing here, or one
 * of its methods has no `doc`.
 */
import * as health from "@/app/api/health/route";
import * as apiKeys from "@/app/api/v0/api-keys/route";
import * as apiKey from "@/app/api/v0/api-keys/[key_id]/route";
import * as importRoute from "@/app/api/v0/import/route";
import * as gradedEvents from "@/app/api/v0/registrations/[reg_id]/graded-events/route";
import * as xapiAbout from "@/app/xapi/about/route";
import * as xapiStatements from "@/app/xapi/statements/route";
import * as edxLearners from "@/app/api/v0/learners/route";
import * as edxLearner from "@/app/api/v0/learners/[username]/route";
import * as edxTimeline from "@/app/api/v0/engagement_timelines/[username]/route";
import * as edxMetadata from "@/app/api/v0/course_learner_metadata/[...course_id]/route";
import * as insightsLearners from "@/app/api/learner_analytics/v0/learners/route";
import * as insightsLearner from "@/app/api/learner_analytics/v0/learners/[username]/route";
import * as insightsTimeline from "@/app/api/learner_analytics/v0/engagement_timelines/[username]/route";
import * as insightsMetadata from "@/app/api/learner_analytics/v0/course_learner_metadata/[...course_id]/route";
import * as ispringToken from "@/app/api/ispring/api/v3/token/route";
import * as ispringResults from "@/app/api/ispring/learners/results/route";
import * as scopedGoals from "@/app/api/v0/learning-instances/[li_id]/scoped-goals/route";
import * as scopedGoal from "@/app/api/v0/learning-instances/[li_id]/scoped-goals/[goal_id]/route";
import * as liStatus from "@/app/api/v0/learning-instances/[li_id]/metrics/status-and-progress/route";
import * as regStatus from "@/app/api/v0/registrations/[reg_id]/metrics/status-and-progress/route";
import * as pathSessionStats from "@/app/api/360learning/api/v1/paths/sessions/[sessionId]/stats/[userEmailOrId]/route";
import pkg from "@/package.json";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { buildOpenApiDocument, type OpenApiDocument, type RouteEntry } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/api/origin";

/**
 * GET /api/openapi.json, served by `route.ts` beside this file. It is defined here, not there,
 * because the document it serves lists it too: a route file importing this list that imports it
 * back would be an import cycle (docs/architecture.md § Layers).
 */
const documentShape = z.looseObject({
  openapi: z.string().describe("The OpenAPI version: 3.1.0."),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()).describe("Every route, by path and method."),
});

/** Exported for `route.ts`; in ROUTES as `openapiJson`. */
export const GET = apiRoute(
  {
    family: "lantern",
    public: true,
    doc: {
      summary: "This API's OpenAPI document",
      description:
        "The OpenAPI 3.1 document of every route, generated from the schemas the routes validate with; `servers` names this Lantern's address. Public, and served with `Access-Control-Allow-Origin: *`. Rendered for people at `/api-docs`.",
      responses: { 200: { description: "The OpenAPI 3.1 document.", schema: documentShape } },
    },
  },
  async ({ req }) => {
    const { openapi, info, ...rest } = apiDocument();
    return Response.json(
      { openapi, info, servers: [{ url: publicOrigin(req) }], ...rest },
      { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } },
    );
  },
);
const openapiJson = { GET };

export const ROUTES: readonly RouteEntry[] = [
  { path: "/api/v0/api-keys", module: apiKeys },
  { path: "/api/v0/api-keys/{key_id}", module: apiKey },
  { path: "/api/v0/import", module: importRoute },
  { path: "/api/openapi.json", module: openapiJson },
  { path: "/api/health", module: health },
  { path: "/xapi/statements", module: xapiStatements },
  { path: "/xapi/about", module: xapiAbout },
  { path: "/api/v0/registrations/{reg_id}/graded-events", module: gradedEvents },
  { path: "/api/v0/learners", module: edxLearners },
  { path: "/api/v0/learners/{username}", module: edxLearner },
  { path: "/api/v0/engagement_timelines/{username}", module: edxTimeline },
  { path: "/api/v0/course_learner_metadata/{course_id}", module: edxMetadata },
  { path: "/api/learner_analytics/v0/learners", module: insightsLearners },
  { path: "/api/learner_analytics/v0/learners/{username}", module: insightsLearner },
  { path: "/api/learner_analytics/v0/engagement_timelines/{username}", module: insightsTimeline },
  { path: "/api/learner_analytics/v0/course_learner_metadata/{course_id}", module: insightsMetadata },
  { path: "/api/ispring/api/v3/token", module: ispringToken },
  { path: "/api/ispring/learners/results", module: ispringResults },
  { path: "/api/v0/learning-instances/{li_id}/scoped-goals", module: scopedGoals },
  { path: "/api/v0/learning-instances/{li_id}/scoped-goals/{goal_id}", module: scopedGoal },
  { path: "/api/v0/learning-instances/{li_id}/metrics/status-and-progress", module: liStatus },
  { path: "/api/v0/registrations/{reg_id}/metrics/status-and-progress", module: regStatus },
  { path: "/api/360learning/api/v1/paths/sessions/{sessionId}/stats/{userEmailOrId}", module: pathSessionStats },
];

/** Route files that are not part of the API, with the reason. */
export const UNDOCUMENTED_ROUTE_FILES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's own sign-in, sign-out and session endpoints, used by the dashboard",
  "app/api/[...path]/route.ts": "the JSON 404 of every path under /api/ that no route serves",
  "app/xapi/[...path]/route.ts": "the xAPI 404 of every path under /xapi/ that no resource serves",
};

let cached: OpenApiDocument | undefined;

/** The document, built once per process (it changes only with the code). */
export function apiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(ROUTES, { version: pkg.version });
  return cached;
}
