import { z } from "zod";
import { IngestError } from "./errors";
import { parseDuration, parseTimestamp } from "./iso8601";
import type { IngestSession } from "./session";
import { timestamp } from "./xapi/schema";
import { fieldProblems, ingestErrorMap } from "./zod-issues";

/**
 * Knewton graded events (docs/import-format.md § Knewton graded events): each is a `problem_attempt` on item `module_id` of the
 * registration's course. `duration` is an ISO 8601 duration or a number of seconds; `is_complete`
 * and `instance_hash` are accepted and not used. The score is 1 when correct, else 0.
 */
export const gradedEventFields = {
  module_id: z.string().min(1, "must not be empty"),
  interaction_end_time: timestamp,
  is_correct: z.boolean(),
  duration: z
    .union([z.number().min(0), z.string().refine((v) => parseDuration(v) !== null, "must be an ISO 8601 duration")])
    .optional(),
  goal_id: z.string().min(1).optional(),
  is_complete: z.boolean().optional(),
  instance_hash: z.string().optional(),
};

export const gradedEventSchema = z.strictObject(gradedEventFields);
export type GradedEvent = z.infer<typeof gradedEventSchema>;

/**
 * The HTTP door: `body` is one graded event or an array of them, for registration `registrationId`.
 * Validates everything before writing anything; throws IngestError (`invalid` with the index and
 * field, `not_found` for an unknown registration, module or goal). Returns the number added.
 */
export function ingestGradedEvents(session: IngestSession, registrationId: string, body: unknown): number {
  const list = Array.isArray(body) ? body : [body];
  const events = list.map((input, i) => {
    const parsed = gradedEventSchema.safeParse(input, { error: ingestErrorMap });
    if (parsed.success) return parsed.data;
    const [first] = fieldProblems(parsed.error);
    throw new IngestError(
      "invalid",
      first?.field ?? "(event)",
      first?.message ?? "invalid graded event",
      Array.isArray(body) ? i : undefined,
      "event",
    );
  });
  events.forEach((event, i) => {
    try {
      addGradedEvent(session, registrationId, event);
    } catch (err) {
      throw err instanceof IngestError && Array.isArray(body) ? err.at(i) : err;
    }
  });
  return events.length;
}

/** One validated graded event of a registration; throws a `not_found` IngestError for a reference to nothing. */
export function addGradedEvent(session: IngestSession, registrationId: string, event: GradedEvent): void {
  const enrollment = session.catalog.enrollmentById(registrationId.toLowerCase());
  if (!enrollment)
    throw new IngestError("not_found", "registration_id", `no registration ${registrationId}`, undefined, "event");
  const courseId = enrollment.course_id;
  if (session.itemKind(courseId, event.module_id) === undefined) {
    throw new IngestError(
      "not_found",
      "module_id",
      `no module ${event.module_id} in course ${courseId}`,
      undefined,
      "event",
    );
  }
  if (event.goal_id !== undefined) {
    const goal = session.catalog.goal(event.goal_id);
    if (!goal || goal.course_id !== courseId)
      throw new IngestError(
        "not_found",
        "goal_id",
        `no goal ${event.goal_id} in course ${courseId}`,
        undefined,
        "event",
      );
  }
  session.sink.add({
    userId: enrollment.user_id,
    courseId,
    itemId: event.module_id,
    kind: "problem_attempt",
    ts: parseTimestamp(event.interaction_end_time)!,
    success: event.is_correct,
    score: event.is_correct ? 1 : 0,
    durationMs: durationMs(event.duration),
    goalId: event.goal_id ?? null,
  });
}

function durationMs(duration: GradedEvent["duration"]): number | null {
  if (duration === undefined) return null;
  return typeof duration === "number" ? Math.round(duration * 1000) : parseDuration(duration);
}
