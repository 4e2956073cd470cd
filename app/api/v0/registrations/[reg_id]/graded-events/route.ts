// POST /api/v0/registrations/{reg_id}/graded-events — one Knewton graded event or an array, all or nothing → 204.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { requireWriter } from "@/lib/api/guards";
import { apiRoute } from "@/lib/api/handler";
import { withWriteTurn } from "@/lib/api/write-turn";
import { ingestGradedEvents } from "@/lib/ingest/graded-events";
import { runIngest } from "@/lib/ingest/session";

// Non-admins get their 403 from `authorize`, before the registration is looked up, so the answer
// never tells them whether it exists. The events are validated by the ingest (index and field named).
export const POST = apiRoute(
  { family: "knewton", authorize: requireWriter, params: z.object({ reg_id: z.string() }), contentTypes: ["application/json"], body: z.unknown() },
  async ({ db, params, body }) => {
    if (Array.isArray(body) && body.length === 0) throw new ApiError(400, "invalid_request", "The body is an empty array: send one graded event or a non-empty array.");
    await withWriteTurn(() => runIngest(db, (session) => ingestGradedEvents(session, params.reg_id, body)));
    return new Response(null, { status: 204 });
  },
);
