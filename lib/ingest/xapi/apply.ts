import type { StoredStatementRow } from "@/db/queries/statements";
import { parseTimestamp } from "../iso8601";
import { newEnrollment, type IngestSession } from "../session";
import { resolveActor } from "./actor";
import type { XapiActor, XapiStatement } from "./schema";
import { statementTargets, type CourseTarget, type ItemTarget } from "./targets";
import { validateStatement } from "./validate";
import { effectsOf, goalIdOf, kindImpliedByVerb, VERBS, type EnrollmentChange, type StatementEffects } from "./verbs";

type Agent = Extract<XapiActor, { objectType: "Agent" }>;

interface Plan {
  agent: Agent;
  course: CourseTarget;
  item: ItemTarget | null;
  itemKind: string | null;
  effects: StatementEffects;
  /** The statement's time, ms since the epoch (its timestamp, else when it was stored). */
  ts: number;
}

/**
 * Works out, without writing anything, what a statement contributes. Null when nothing: a Group
 * actor (no one learner), no course to attribute it to, or a verb that maps to nothing.
 */
function planStatement(session: IngestSession, statement: XapiStatement, storedMs: number): Plan | null {
  if (statement.actor.objectType !== "Agent") return null;
  const targets = statementTargets(statement);
  let course = targets.course;
  const registration = statement.context?.registration;
  if (!course && registration) {
    const enrollment = session.catalog.enrollmentById(registration.toLowerCase());
    if (enrollment) course = { id: enrollment.course_id, title: "" };
  }
  if (!course) return null;
  const item = targets.item;
  const itemKind = item
    ? (session.itemKind(course.id, item.id) ??
      item.kind ??
      kindImpliedByVerb(statement.verb.id, statement.result !== undefined) ??
      "other")
    : null;
  const effects = effectsOf(statement, { objectIsCourse: targets.objectIsCourse, itemKind });
  if (effects.events.length === 0 && effects.enrollment === null) return null;
  const ts = statement.timestamp !== undefined ? (parseTimestamp(statement.timestamp) ?? storedMs) : storedMs;
  return { agent: statement.actor, course, item, itemKind, effects, ts };
}

/** Applies a newly stored statement's effects: events through the sink, enrollment changes. */
export function applyStatement(
  session: IngestSession,
  statement: XapiStatement,
  statementId: string,
  storedMs: number,
): void {
  const plan = planStatement(session, statement, storedMs);
  if (!plan) return;
  const userId = resolveActor(session, plan.agent)!;
  const courseId = plan.course.id;
  const at = new Date(plan.ts).toISOString();
  const registration = statement.context?.registration;
  session.ensureCourse(courseId, plan.course.title);
  if (plan.effects.enrollment)
    applyEnrollmentChange(session, courseId, userId, plan.effects.enrollment, at, registration);
  if (plan.effects.events.length === 0) return;
  session.ensureEnrollment(courseId, userId, at, registration);
  const item = plan.item;
  if (item && plan.itemKind && plan.effects.events.some((e) => e.onItem)) {
    // Discussion threads and comments become items too; they are not content a learner must finish.
    session.ensureItem(courseId, item.id, plan.itemKind, item.title, plan.itemKind !== "discussion");
  }
  const goalId = goalIdOf(statement);
  for (const e of plan.effects.events) {
    session.sink.add({
      userId,
      courseId,
      itemId: e.onItem && item ? item.id : "",
      kind: e.kind,
      ts: plan.ts,
      success: e.success,
      score: e.score,
      durationMs: e.durationMs,
      goalId,
      statementId,
    });
  }
}

function applyEnrollmentChange(
  session: IngestSession,
  courseId: string,
  userId: string,
  change: EnrollmentChange,
  at: string,
  registration: string | undefined,
): void {
  const existing = session.enrollment(courseId, userId);
  const row = existing ? { ...existing } : newEnrollment(session.newEnrollmentId(registration), courseId, userId, at);
  switch (change.action) {
    case "register":
      row.is_active = 1;
      row.unenrolled_at = null;
      if (change.mode) row.mode = change.mode;
      // The first registration's time is the enrollment date, even when it arrives late.
      if (at < row.enrolled_at) row.enrolled_at = at;
      break;
    case "unregister":
      row.is_active = 0;
      row.unenrolled_at = at;
      break;
    case "complete":
      row.completion_status = change.status;
      row.completed_at = at;
      if (change.score !== null) row.score = change.score;
      break;
    case "score":
      row.score = change.score;
      break;
  }
  session.saveEnrollment(row);
}

/**
 * Takes back what a voided statement contributed: its events, and the completion status, date
 * and score it set on the enrollment when they still hold its values. (Registration is not
 * undone: the roster keeps whoever ever enrolled, and an LMS reports the change with `unregistered`.)
 */
export function revertStatement(session: IngestSession, stored: StoredStatementRow): void {
  session.sink.removeStatement(stored.id);
  const statement = validateStatement(JSON.parse(stored.raw) as unknown);
  if (statement.verb.id === VERBS.voided) return;
  const plan = planStatement(session, statement, Date.parse(stored.stored));
  const change = plan?.effects.enrollment;
  if (!plan || !change || (change.action !== "complete" && change.action !== "score")) return;
  const userId = resolveActor(session, plan.agent, false);
  const existing = userId ? session.enrollment(plan.course.id, userId) : undefined;
  if (!existing) return;
  const row = { ...existing };
  if (
    change.action === "complete" &&
    row.completion_status === change.status &&
    row.completed_at === new Date(plan.ts).toISOString()
  ) {
    row.completion_status = null;
    row.completed_at = null;
  }
  if (change.score !== null && row.score === change.score) row.score = null;
  session.saveEnrollment(row);
}
