import type { Db } from "../client";
import { EVENT_KINDS } from "../schema";
import { oneOf, read, type RowOf } from "../sql";
import type { PathSessionInput } from "@/lib/analytics/path-session/stats";
import type { Step, StepEvent } from "@/lib/analytics/path-session/steps";

/**
 * What the 360Learning path session stats are computed from: the session (a course), its steps
 * (the course's items), the learner's enrolment and their events in the course.
 */

/** Everything of `PathSessionInput` but the clock. */
export type PathSessionData = Omit<PathSessionInput, "now">;

/** The first of session, user, enrolment that does not exist (the order of the vendor's 404s). */
export type PathSessionMissing = "path_session" | "user" | "enrollment";

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

const USER = read(
  "path-session.user",
  `SELECT id FROM users WHERE id IN (?, ?) OR email_lower = ? ORDER BY id IN (?, ?) DESC LIMIT 1`,
  { id: "text" },
);
const COURSE = read("path-session.course", `SELECT starts_at, ends_at FROM courses WHERE id = ?`, {
  starts_at: "text?",
  ends_at: "text?",
});
const ENROLLMENT = read(
  "path-session.enrollment",
  `SELECT enrolled_at, is_active, unenrolled_at FROM enrollments WHERE course_id = ? AND user_id = ?`,
  { enrolled_at: "text", is_active: "int", unenrolled_at: "text?" },
);
const ITEMS = read(
  "path-session.items",
  `SELECT id, mandatory, due_at, due_after_days, min_score, max_attempts, requires_correction FROM items
   WHERE course_id = ? ORDER BY position, id`,
  {
    id: "text",
    mandatory: "int",
    due_at: "text?",
    due_after_days: "int?",
    min_score: "real?",
    max_attempts: "int?",
    requires_correction: "int",
  },
);
const EVENTS = read(
  "path-session.events",
  `SELECT item_id, kind, ts, success, score, duration_ms FROM events WHERE course_id = ? AND user_id = ? ORDER BY ts, id`,
  { item_id: "text", kind: oneOf(EVENT_KINDS), ts: "int", success: "int?", score: "real?", duration_ms: "int?" },
);

/** A user by id, or by email compared case-insensitively; an id match wins. */
function userIdOf(db: Db, emailOrId: string): string | null {
  const lower = emailOrId.toLowerCase();
  return USER.get(db.$client, emailOrId, lower, lower, emailOrId, lower)?.id ?? null;
}

export async function pathSessionData(
  db: Db,
  sessionId: string,
  userEmailOrId: string,
): Promise<PathSessionData | { missing: PathSessionMissing }> {
  const s = db.$client;
  const course = COURSE.get(s, sessionId);
  if (!course) return { missing: "path_session" };
  const userId = userIdOf(db, userEmailOrId);
  if (userId === null) return { missing: "user" };
  const enrollment = ENROLLMENT.get(s, sessionId, userId);
  if (!enrollment) return { missing: "enrollment" };
  const items = ITEMS.all(s, sessionId);
  const events = EVENTS.all(s, sessionId, userId);
  return {
    startsAt: ms(course.starts_at),
    endsAt: ms(course.ends_at),
    enrolledAt: Date.parse(enrollment.enrolled_at),
    // An inactive enrolment without a recorded time has nothing to show as archivedAt.
    archivedAt: enrollment.is_active ? null : ms(enrollment.unenrolled_at),
    steps: items.map(stepOf),
    events: events.map(stepEventOf),
  };
}

function stepEventOf(e: RowOf<typeof EVENTS.row>): StepEvent {
  return {
    itemId: e.item_id,
    kind: e.kind,
    ts: e.ts,
    success: e.success === null ? null : e.success === 1,
    score: e.score,
    durationMs: e.duration_ms,
  };
}

function stepOf(r: RowOf<typeof ITEMS.row>): Step {
  return {
    id: r.id,
    mandatory: r.mandatory === 1,
    dueAt: ms(r.due_at),
    dueAfterDays: r.due_after_days,
    minScore: r.min_score,
    maxAttempts: r.max_attempts,
    requiresCorrection: r.requires_correction === 1,
  };
}
