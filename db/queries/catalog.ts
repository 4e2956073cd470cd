import type { Db } from "../client";
import type { CompletionStatus, StaffRole } from "../schema";

/**
 * Courses, staff, cohorts, enrollments, objectives, items and goals, for the ingest doors.
 * Synchronous prepared statements: every caller runs inside one open better-sqlite3 transaction
 * (as EventSink does). Booleans are 0/1 because better-sqlite3 binds no JS booleans.
 */

export interface CourseRow {
  id: string;
  title: string;
  starts_at: string | null;
  ends_at: string | null;
  passing_score: number | null;
}

export interface EnrollmentRow {
  id: string;
  course_id: string;
  user_id: string;
  mode: string;
  cohort: string | null;
  enrolled_at: string;
  is_active: 0 | 1;
  unenrolled_at: string | null;
  access_date: string | null;
  due_date: string | null;
  expiration_date: string | null;
  completion_status: CompletionStatus | null;
  completed_at: string | null;
  score: number | null;
}

export interface ItemRow {
  course_id: string;
  id: string;
  kind: string;
  title: string;
  position: number | null;
  mandatory: 0 | 1;
  due_at: string | null;
  due_after_days: number | null;
  min_score: number | null;
  max_attempts: number | null;
  requires_correction: 0 | 1;
}

export interface GoalRow {
  id: string;
  course_id: string;
  name: string;
  target_kind: "objective" | "item";
  /** JSON array of target ids. */
  targets: string;
  /** JSON array of `{topic_id, targets}`, or null. */
  topics: string | null;
  min_predicted_mastery: number;
  /** The streak criterion (last N graded answers correct), null for none. */
  min_consecutive_correct: number | null;
  min_work_per_target: number;
  max_work_on_goal: number | null;
}

const ENROLLMENT_COLUMNS = [
  "course_id",
  "user_id",
  "mode",
  "cohort",
  "enrolled_at",
  "is_active",
  "unenrolled_at",
  "access_date",
  "due_date",
  "expiration_date",
  "completion_status",
  "completed_at",
  "score",
] as const;
const ITEM_COLUMNS = [
  "kind",
  "title",
  "position",
  "mandatory",
  "due_at",
  "due_after_days",
  "min_score",
  "max_attempts",
  "requires_correction",
] as const;
const GOAL_COLUMNS = [
  "course_id",
  "name",
  "target_kind",
  "targets",
  "topics",
  "min_predicted_mastery",
  "min_consecutive_correct",
  "min_work_per_target",
  "max_work_on_goal",
] as const;

const params = (cols: readonly string[]) => cols.map((c) => `@${c}`).join(", ");
const assignments = (cols: readonly string[]) => cols.map((c) => `${c} = excluded.${c}`).join(", ");

function prepareCatalogQueries(s: Db["$client"]) {
  const e = ENROLLMENT_COLUMNS.join(", ");
  return {
    course: s.prepare(`SELECT id, title, starts_at, ends_at, passing_score FROM courses WHERE id = ?`),
    upsertCourse: s.prepare(
      `INSERT INTO courses (id, title, starts_at, ends_at, passing_score) VALUES (@id, @title, @starts_at, @ends_at, @passing_score)
       ON CONFLICT (id) DO UPDATE SET ${assignments(["title", "starts_at", "ends_at", "passing_score"])}`,
    ),
    insertCourse: s.prepare(`INSERT INTO courses (id, title) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`),
    upsertStaff: s.prepare(
      `INSERT INTO course_staff (course_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (course_id, user_id) DO UPDATE SET role = excluded.role`,
    ),
    ensureCohort: s.prepare(`INSERT INTO cohorts (course_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING`),
    enrollment: s.prepare(`SELECT id, ${e} FROM enrollments WHERE course_id = ? AND user_id = ?`),
    enrollmentById: s.prepare(`SELECT id, ${e} FROM enrollments WHERE id = ?`),
    upsertEnrollment: s.prepare(
      `INSERT INTO enrollments (id, ${e}) VALUES (@id, ${params(ENROLLMENT_COLUMNS)})
       ON CONFLICT (id) DO UPDATE SET ${assignments(ENROLLMENT_COLUMNS)}`,
    ),
    rekeyEnrollment: s.prepare(`UPDATE enrollments SET id = ? WHERE id = ?`),
    objective: s.prepare(`SELECT id, name FROM objectives WHERE id = ?`),
    upsertObjective: s.prepare(
      `INSERT INTO objectives (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
    ),
    item: s.prepare(`SELECT course_id, id, ${ITEM_COLUMNS.join(", ")} FROM items WHERE course_id = ? AND id = ?`),
    upsertItem: s.prepare(
      `INSERT INTO items (course_id, id, ${ITEM_COLUMNS.join(", ")}) VALUES (@course_id, @id, ${params(ITEM_COLUMNS)})
       ON CONFLICT (course_id, id) DO UPDATE SET ${assignments(ITEM_COLUMNS)}`,
    ),
    insertItem: s.prepare(
      `INSERT INTO items (course_id, id, kind, title, mandatory) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    clearItemObjectives: s.prepare(`DELETE FROM item_objectives WHERE course_id = ? AND item_id = ?`),
    addItemObjective: s.prepare(`INSERT INTO item_objectives (course_id, item_id, objective_id) VALUES (?, ?, ?)`),
    assessedIn: s.prepare(`SELECT 1 FROM item_objectives WHERE course_id = ? AND objective_id = ? LIMIT 1`),
    goal: s.prepare(`SELECT id, ${GOAL_COLUMNS.join(", ")} FROM goals WHERE id = ?`),
    upsertGoal: s.prepare(
      `INSERT INTO goals (id, ${GOAL_COLUMNS.join(", ")}) VALUES (@id, ${params(GOAL_COLUMNS)})
       ON CONFLICT (id) DO UPDATE SET ${assignments(GOAL_COLUMNS)}`,
    ),
  };
}

export class CatalogStore {
  private readonly q: ReturnType<typeof prepareCatalogQueries>;

  constructor(db: Db) {
    this.q = prepareCatalogQueries(db.$client);
  }

  course(id: string): CourseRow | undefined {
    return this.q.course.get(id) as CourseRow | undefined;
  }

  upsertCourse(row: CourseRow): void {
    this.q.upsertCourse.run(row);
  }

  /** Creates a course that does not exist yet; true when it did not. */
  insertCourseIfAbsent(id: string, title: string): boolean {
    return this.q.insertCourse.run(id, title).changes > 0;
  }

  upsertStaff(courseId: string, userId: string, role: StaffRole): void {
    this.q.upsertStaff.run(courseId, userId, role);
  }

  ensureCohort(courseId: string, name: string): void {
    this.q.ensureCohort.run(courseId, name);
  }

  enrollment(courseId: string, userId: string): EnrollmentRow | undefined {
    return this.q.enrollment.get(courseId, userId) as EnrollmentRow | undefined;
  }

  enrollmentById(id: string): EnrollmentRow | undefined {
    return this.q.enrollmentById.get(id) as EnrollmentRow | undefined;
  }

  upsertEnrollment(row: EnrollmentRow): void {
    this.q.upsertEnrollment.run(row);
  }

  /** Gives an enrollment the id an import names for it (nothing refers to enrollment ids by key). */
  rekeyEnrollment(oldId: string, newId: string): void {
    this.q.rekeyEnrollment.run(newId, oldId);
  }

  objective(id: string): { id: string; name: string } | undefined {
    return this.q.objective.get(id) as { id: string; name: string } | undefined;
  }

  objectiveExists(id: string): boolean {
    return this.q.objective.get(id) !== undefined;
  }

  upsertObjective(id: string, name: string): void {
    this.q.upsertObjective.run(id, name);
  }

  item(courseId: string, id: string): ItemRow | undefined {
    return this.q.item.get(courseId, id) as ItemRow | undefined;
  }

  upsertItem(row: ItemRow): void {
    this.q.upsertItem.run(row);
  }

  /** Creates an item first seen in activity; never changes an existing one. */
  insertItemIfAbsent(courseId: string, id: string, kind: string, title: string, mandatory: boolean): void {
    this.q.insertItem.run(courseId, id, kind, title, mandatory ? 1 : 0);
  }

  setItemObjectives(courseId: string, itemId: string, objectiveIds: readonly string[]): void {
    this.q.clearItemObjectives.run(courseId, itemId);
    for (const id of new Set(objectiveIds)) this.q.addItemObjective.run(courseId, itemId, id);
  }

  /** Whether an item of the course assesses the objective. */
  objectiveAssessedIn(courseId: string, objectiveId: string): boolean {
    return this.q.assessedIn.get(courseId, objectiveId) !== undefined;
  }

  goal(id: string): GoalRow | undefined {
    return this.q.goal.get(id) as GoalRow | undefined;
  }

  upsertGoal(row: GoalRow): void {
    this.q.upsertGoal.run(row);
  }
}
