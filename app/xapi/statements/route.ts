// PUT /xapi/statements?statementId=ID — store one statement → 204.
// POST /xapi/statements — store one statement or an array, all or nothing → 200 with the ids in order.
// GET /xapi/statements?statementId=ID (or ?voidedStatementId=ID) — one stored statement with `stored` and `authority`.
// xAPI 1.0.3; what Lantern chose where xAPI leaves a choice is in docs/lms-setup.md.
import { z } from "zod";
import type { Db } from "@/db/client";
import { findStatement } from "@/db/queries/statements";
import { ApiError } from "@/lib/api/errors";
import { requireAdmin, requireWriter } from "@/lib/api/guards";
import { apiRoute } from "@/lib/api/handler";
import { withWriteTurn } from "@/lib/api/write-turn";
import { BUSY, named, type OperationDoc, type ResponseDoc } from "@/lib/api/openapi";
import {
  authorityOf,
  requireXapiVersion,
  statementHeaders,
  statementLookup,
  statementQuery,
  xapiVersionHeader,
} from "@/lib/api/xapi";
import { runIngest } from "@/lib/ingest/session";
import { ingestStatements, type StatementBatchOptions } from "@/lib/ingest/xapi";
import { activitySchema, actorSchema, isPlainObject, statementSchema } from "@/lib/ingest/xapi/schema";

const statementRoute = { family: "xapi", precheck: requireXapiVersion, headers: statementHeaders } as const;
// The statements themselves are validated by the ingest, whose errors name the index and field.
const writeRoute = {
  ...statementRoute,
  authorize: requireWriter,
  contentTypes: ["application/json"],
  body: z.unknown(),
};

const xapiStatement = named("XapiStatement", statementSchema);
named("XapiActor", actorSchema);
named("XapiActivity", activitySchema);
const EXAMPLE = {
  actor: {
    objectType: "Agent",
    account: { homePage: "https://lms.example.com", name: "32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb" },
  },
  verb: { id: "https://w3id.org/xapi/acrossx/verbs/evaluated", display: { "en-US": "evaluated" } },
  object: {
    objectType: "Activity",
    id: "https://lms.example.com/xblock/block-v1:Org+CS101+2026_T1+type@problem+block@p1",
  },
  result: { success: true, score: { scaled: 1 } },
  timestamp: "2026-03-18T10:00:00Z",
};
const WRITE_NOTES =
  "Needs an administrator. Where xAPI gives a default `objectType` (Agent for an actor, Activity for an object) it may be left out. Open edX's event-routing-backends statements are mapped to learner events (docs/lms-setup.md).";
const CONSISTENT = "When everything stored so far is readable: now (ISO 8601).";
const xapiDoc = (doc: Omit<OperationDoc, "headers">): OperationDoc => ({ ...doc, headers: xapiVersionHeader });
const conflict: ResponseDoc = {
  description: "`conflict`: a statement with this id is already stored with different content.",
};

function store(db: Db, statements: unknown[], opts: StatementBatchOptions): Promise<string[]> {
  return withWriteTurn(() => runIngest(db, (session) => ingestStatements(session, statements, opts).ids));
}

export const PUT = apiRoute(
  {
    ...writeRoute,
    query: z.strictObject({ statementId: z.string().describe("The id (a UUID) to store the statement under.") }),
    doc: xapiDoc({
      summary: "Store a statement under an id",
      description: `Stores one statement under \`statementId\`; storing the same statement again changes nothing. ${WRITE_NOTES}`,
      requestBody: { schema: xapiStatement, example: EXAMPLE },
      responses: {
        204: { description: "Stored.", headers: { "X-Experience-API-Consistent-Through": CONSISTENT } },
        409: conflict,
        503: BUSY,
      },
    }),
  },
  async ({ req, db, caller, query, body }) => {
    if (!isPlainObject(body))
      throw new ApiError(400, "invalid_request", "A PUT carries one statement: a JSON object (POST an array).");
    await store(db, [body], { authority: authorityOf(caller, req), statementId: query.statementId });
    return new Response(null, { status: 204 });
  },
);

const statementIds = z
  .array(z.string())
  .describe("The statements' ids, in the order sent (generated where a statement had none).");

export const POST = apiRoute(
  {
    ...writeRoute,
    query: z.strictObject({}),
    doc: xapiDoc({
      summary: "Store statements",
      description: `Stores one statement or an array of them, all or nothing: one bad statement (its index and field named) stores none. ${WRITE_NOTES}`,
      requestBody: { schema: z.union([xapiStatement, z.array(xapiStatement).min(1)]), example: [EXAMPLE] },
      responses: {
        200: {
          description: "Stored.",
          schema: statementIds,
          headers: { "X-Experience-API-Consistent-Through": CONSISTENT },
        },
        409: conflict,
        503: BUSY,
      },
    }),
  },
  async ({ req, db, caller, body }) => {
    if (!isPlainObject(body) && !Array.isArray(body))
      throw new ApiError(400, "invalid_request", "The body must be one statement (a JSON object) or an array of them.");
    const ids = await store(db, Array.isArray(body) ? body : [body], { authority: authorityOf(caller, req) });
    return Response.json(ids satisfies z.infer<typeof statementIds>);
  },
);

export const GET = apiRoute(
  {
    ...statementRoute,
    authorize: requireAdmin,
    query: statementQuery,
    doc: xapiDoc({
      summary: "Fetch a stored statement",
      description:
        "One statement by `statementId`, or a voided one by `voidedStatementId`, as it was received, with `stored` and `authority` added. Statement queries (by agent, verb, activity, time) are not implemented. Needs an administrator.",
      responses: {
        200: {
          description: "The statement.",
          schema: xapiStatement,
          headers: { "Last-Modified": "When it was stored." },
        },
        404: { description: "`not_found`: no such statement, or it is voided (ask with `voidedStatementId`)." },
      },
    }),
  },
  async ({ db, query }) => {
    const lookup = statementLookup(query);
    const statement = await findStatement(db, lookup.id, { voided: lookup.voided });
    if (!statement) {
      const what = lookup.voided ? "voided statement" : "statement (or it was voided: ask with voidedStatementId)";
      throw new ApiError(404, "not_found", `No ${what} ${lookup.id}.`);
    }
    return Response.json(statement, { headers: { "Last-Modified": new Date(String(statement.stored)).toUTCString() } });
  },
);
