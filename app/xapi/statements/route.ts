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
import { authorityOf, requireXapiVersion, statementHeaders, statementLookup } from "@/lib/api/xapi";
import { runIngest } from "@/lib/ingest/session";
import { ingestStatements, type StatementBatchOptions } from "@/lib/ingest/xapi";
import { isPlainObject } from "@/lib/ingest/xapi/schema";

const statementRoute = { family: "xapi", precheck: requireXapiVersion, headers: statementHeaders } as const;
// The statements themselves are validated by the ingest, whose errors name the index and field.
const writeRoute = { ...statementRoute, authorize: requireWriter, contentTypes: ["application/json"], body: z.unknown() };

function store(db: Db, statements: unknown[], opts: StatementBatchOptions): Promise<string[]> {
  return withWriteTurn(() => runIngest(db, (session) => ingestStatements(session, statements, opts).ids));
}

export const PUT = apiRoute({ ...writeRoute, query: z.strictObject({ statementId: z.string() }) }, async ({ req, db, caller, query, body }) => {
  if (!isPlainObject(body)) throw new ApiError(400, "invalid_request", "A PUT carries one statement: a JSON object (POST an array).");
  await store(db, [body], { authority: authorityOf(caller, req), statementId: query.statementId });
  return new Response(null, { status: 204 });
});

export const POST = apiRoute({ ...writeRoute, query: z.strictObject({}) }, async ({ req, db, caller, body }) => {
  if (!isPlainObject(body) && !Array.isArray(body)) throw new ApiError(400, "invalid_request", "The body must be one statement (a JSON object) or an array of them.");
  const ids = await store(db, Array.isArray(body) ? body : [body], { authority: authorityOf(caller, req) });
  return Response.json(ids);
});

export const GET = apiRoute(
  { ...statementRoute, authorize: requireAdmin, query: z.record(z.string(), z.string()) },
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
