import { randomUUID } from "node:crypto";
import type { EnrollmentRow, ItemRow } from "@/db/queries/catalog";
import { IngestError } from "../errors";
import { buildGoal } from "../goals";
import { normaliseDate } from "../iso8601";
import { newEnrollment, type IngestSession } from "../session";
import type { RecordOf } from "./records";

/** The `course`, `staff`, `enrollment`, `objective`, `item` and `goal` records. */

/** A validated date field as stored: ISO 8601 UTC; null stays null, absent stays absent. */
function isoDate(value: string | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : normaliseDate(value);
}

function requireCourse(session: IngestSession, courseId: string): void {
  if (!session.courseExists(courseId)) throw new IngestError("not_found", "course_id", `no course ${courseId}`);
}

function requireUser(session: IngestSession, ref: string): string {
  const id = session.resolveUserRef(ref);
  if (!id) throw new IngestError("not_found", "user", `no user with id, username or email ${ref}`);
  return id;
}

export function applyCourse(session: IngestSession, r: RecordOf<"course">): void {
  const row = session.catalog.course(r.id) ?? {
    id: r.id,
    title: "",
    starts_at: null,
    ends_at: null,
    passing_score: null,
  };
  if (r.title !== undefined) row.title = r.title;
  if (r.starts_at !== undefined) row.starts_at = isoDate(r.starts_at)!;
  if (r.ends_at !== undefined) row.ends_at = isoDate(r.ends_at)!;
  if (r.passing_score !== undefined) row.passing_score = r.passing_score;
  session.catalog.upsertCourse(row);
  session.courseChanged(r.id);
}

export function applyStaff(session: IngestSession, r: RecordOf<"staff">): void {
  requireCourse(session, r.course_id);
  session.catalog.upsertStaff(r.course_id, requireUser(session, r.user), r.role);
  session.courseChanged(r.course_id);
}

export function applyEnrollment(session: IngestSession, r: RecordOf<"enrollment">): void {
  requireCourse(session, r.course_id);
  const userId = requireUser(session, r.user);
  const existing = session.enrollment(r.course_id, userId);
  const id = r.id?.toLowerCase();
  if (id !== undefined && id !== existing?.id) {
    if (session.catalog.enrollmentById(id))
      throw new IngestError("invalid", "id", `${id} is already another enrollment's id`);
    // The learner's enrollment may have been created by activity before the roster arrived.
    if (existing) session.catalog.rekeyEnrollment(existing.id, id);
  }
  const enrolledAt = isoDate(r.enrolled_at) ?? session.now.toISOString();
  const row: EnrollmentRow = existing
    ? { ...existing, id: id ?? existing.id }
    : newEnrollment(id ?? randomUUID(), r.course_id, userId, enrolledAt);
  if (r.enrolled_at !== undefined) row.enrolled_at = enrolledAt;
  if (r.mode !== undefined) row.mode = r.mode;
  if (r.cohort !== undefined) row.cohort = r.cohort;
  if (r.is_active !== undefined) row.is_active = r.is_active ? 1 : 0;
  if (r.unenrolled_at !== undefined) row.unenrolled_at = isoDate(r.unenrolled_at)!;
  if (r.access_date !== undefined) row.access_date = isoDate(r.access_date)!;
  if (r.due_date !== undefined) row.due_date = isoDate(r.due_date)!;
  if (r.expiration_date !== undefined) row.expiration_date = isoDate(r.expiration_date)!;
  if (r.completion_status !== undefined) row.completion_status = r.completion_status;
  if (r.completed_at !== undefined) row.completed_at = isoDate(r.completed_at)!;
  if (r.score !== undefined) row.score = r.score;
  if (row.cohort !== null) session.catalog.ensureCohort(r.course_id, row.cohort);
  session.saveEnrollment(row);
}

export function applyObjective(session: IngestSession, r: RecordOf<"objective">): void {
  const name = r.name ?? session.catalog.objective(r.id)?.name ?? "";
  session.catalog.upsertObjective(r.id, name);
}

export function applyItem(session: IngestSession, r: RecordOf<"item">): void {
  requireCourse(session, r.course_id);
  const existing = session.catalog.item(r.course_id, r.id);
  if (!existing && r.kind === undefined) throw new IngestError("invalid", "kind", "required for a new item");
  r.objectives?.forEach((o, i) => {
    if (!session.catalog.objectiveExists(o))
      throw new IngestError("not_found", `objectives[${i}]`, `no objective ${o}`);
  });
  const row: ItemRow = existing
    ? { ...existing }
    : {
        course_id: r.course_id,
        id: r.id,
        kind: r.kind!,
        title: "",
        position: null,
        mandatory: 1,
        due_at: null,
        due_after_days: null,
        min_score: null,
        max_attempts: null,
        requires_correction: 0,
      };
  if (r.kind !== undefined) row.kind = r.kind;
  if (r.title !== undefined) row.title = r.title;
  if (r.position !== undefined) row.position = r.position;
  if (r.mandatory !== undefined) row.mandatory = r.mandatory ? 1 : 0;
  if (r.due_at !== undefined) row.due_at = isoDate(r.due_at)!;
  if (r.due_after_days !== undefined) row.due_after_days = r.due_after_days;
  if (r.min_score !== undefined) row.min_score = r.min_score;
  if (r.max_attempts !== undefined) row.max_attempts = r.max_attempts;
  if (r.requires_correction !== undefined) row.requires_correction = r.requires_correction ? 1 : 0;
  session.catalog.upsertItem(row);
  if (r.objectives !== undefined) session.catalog.setItemObjectives(r.course_id, r.id, r.objectives);
  session.itemChanged(r.course_id, r.id, row.kind);
}

export function applyGoal(session: IngestSession, r: RecordOf<"goal">): void {
  const { type: _type, id, course_id: courseId, ...body } = r;
  session.catalog.upsertGoal(buildGoal(session, id, courseId, body));
  session.courseChanged(courseId);
}
