// POST /api/v0/registrations/{reg_id}/graded-events — one Knewton graded event or an array, all or nothing → 204.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { requireWriter } from "@/lib/api/guards";
import { apiRoute } from "@/lib/api/handler";
import { BUSY, named } from "@/lib/api/openapi";
import { withWriteTurn } from "@/lib/api/write-turn";
import { gradedEventSchema, ingestGradedEvents } from "@/lib/ingest/graded-events";
import { runIngest } from "@/lib/ingest/session";

const gradedEvent = named("GradedEvent", gradedEventSchema);

// Non-admins get their 403 from `authorize`, before the registration is looked up, so the answer
// never tells them whether it exists. The events are validated by the ingest (index and field named).
export const POST = apiRoute(
  {
    family: "knewton",
    authorize: requireWriter,
    params: z.object({ reg_id: z.string().describe("The registration: a learner's enrollment id (a UUID).") }),
    contentTypes: ["application/json"],
    body: z.unknown(),
    doc: {
      summary: "Record graded events",
      description:
        "Knewton graded events of one registration: each is a problem attempt on item `module_id` of the registration's course, scored 1 when correct. One event or a non-empty array, all or nothing: a bad event (its index and field named) records none. `duration` is an ISO 8601 duration or seconds; `is_complete` and `instance_hash` are accepted and not used. Needs an administrator.",
      requestBody: {
        schema: z.union([gradedEvent, z.array(gradedEvent).min(1)]),
        example: [
          { module_id: "problem-1", interaction_end_time: "2026-03-18T10:00:00Z", is_correct: true, duration: "PT45S" },
        ],
      },
      responses: {
        204: { description: "Recorded." },
        404: { description: "`not_found`: no such registration, or no such module or goal in its course." },
        503: BUSY,
      },
    },
  },
  async ({ db, params, body }) => {
    if (Array.isArray(body) && body.length === 0)
      throw new ApiError(
        400,
        "invalid_request",
        "The body is an empty array: send one graded event or a non-empty array.",
      );
    await withWriteTurn(() => runIngest(db, (session) => ingestGradedEvents(session, params.reg_id, body)));
    return new Response(null, { status: 204 });
  },
);
