import type { Db } from "../client";
import type { EventKind } from "../schema";
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

interface CourseRow {
  starts_at: string | null;
  ends_at: string | null;
}
interface EnrollmentRow {
  enrolled_at: string;
  is_active: number;
  unenrolled_at: string | null;
}
interface ItemRow {
  id: string;
  mandatory: number;
  due_at: string | null;
  due_after_days: number | null;
  min_score: number | null;
  max_attempts: number | null;
  requires_correction: number;
}
type EventRow = [
  itemId: string,
  kind: EventKind,
  ts: number,
  success: number | null,
  score: number | null,
  durationMs: number | null,
];

/** A user by id, or by email compared case-insensitively; an id match wins. */
function userIdOf(db: Db, emailOrId: string): string | null {
  const row = db.$client
    .prepare(`SELECT id FROM users WHERE id IN (?, ?) OR email_lower = ? ORDER BY id IN (?, ?) DESC LIMIT 1`)
    .pluck()
    .get(emailOrId, emailOrId.toLowerCase(), emailOrId.toLowerCase(), emailOrId, emailOrId.toLowerCase()) as
    string | undefined;
  return row ?? null;
}

export async function pathSessionData(
  db: Db,
  sessionId: string,
  userEmailOrId: string,
): Promise<PathSessionData | { missing: PathSessionMissing }> {
  const s = db.$client;
  const course = s.prepare(`SELECT starts_at, ends_at FROM courses WHERE id = ?`).get(sessionId) as
    CourseRow | undefined;
  if (!course) return { missing: "path_session" };
  const userId = userIdOf(db, userEmailOrId);
  if (userId === null) return { missing: "user" };
  const enrollment = s
    .prepare(`SELECT enrolled_at, is_active, unenrolled_at FROM enrollments WHERE course_id = ? AND user_id = ?`)
    .get(sessionId, userId) as EnrollmentRow | undefined;
  if (!enrollment) return { missing: "enrollment" };
  const items = s
    .prepare(
      `SELECT id, mandatory, due_at, due_after_days, min_score, max_attempts, requires_correction FROM items
       WHERE course_id = ? ORDER BY position, id`,
    )
    .all(sessionId) as ItemRow[];
  const events = s
    .prepare(
      `SELECT item_id, kind, ts, success, score, duration_ms FROM events WHERE course_id = ? AND user_id = ? ORDER BY ts, id`,
    )
    .raw()
    .all(sessionId, userId) as EventRow[];
  return {
    startsAt: ms(course.starts_at),
    endsAt: ms(course.ends_at),
    enrolledAt: Date.parse(enrollment.enrolled_at),
    // An inactive enrolment without a recorded time has nothing to show as archivedAt.
    archivedAt: enrollment.is_active ? null : ms(enrollment.unenrolled_at),
    steps: items.map(stepOf),
    events: events.map(([itemId, kind, ts, success, score, durationMs]): StepEvent => ({
      itemId,
      kind,
      ts,
      success: success === null ? null : success === 1,
      score,
      durationMs,
    })),
  };
}

function stepOf(r: ItemRow): Step {
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
