import { count } from "drizzle-orm";
import type { Db } from "../client";
import { COMPLETION_STATUSES, courses, type StaffRole } from "../schema";
import { oneOf, read, write, type RowOf } from "../sql";

/**
 * Courses, staff, cohorts, enrollments, objectives, items and goals, for the ingest doors.
 * Synchronous statements, one SQL text each (prepared once, then reused by the connection):
 * every caller runs inside one open better-sqlite3 transaction (as EventSink does). Booleans are
 * 0/1 because better-sqlite3 binds no JS booleans.
 */

const COURSE_ROW = {
  id: "text",
  title: "text",
  starts_at: "text?",
  ends_at: "text?",
  passing_score: "real?",
} as const;

const ENROLLMENT_ROW = {
  id: "text",
  course_id: "text",
  user_id: "text",
  mode: "text",
  cohort: "text?",
  enrolled_at: "text",
  /** 0 or 1. */
  is_active: "int",
  unenrolled_at: "text?",
  access_date: "text?",
  due_date: "text?",
  expiration_date: "text?",
  completion_status: oneOf(COMPLETION_STATUSES, { nullable: true }),
  completed_at: "text?",
  score: "real?",
} as const;

const ITEM_ROW = {
  course_id: "text",
  id: "text",
  kind: "text",
  title: "text",
  position: "int?",
  /** 0 or 1. */
  mandatory: "int",
  due_at: "text?",
  due_after_days: "int?",
  min_score: "real?",
  max_attempts: "int?",
  /** 0 or 1. */
  requires_correction: "int",
} as const;

export const GOAL_ROW = {
  id: "text",
  course_id: "text",
  name: "text",
  target_kind: oneOf(["objective", "item"]),
  /** JSON array of target ids. */
  targets: "text",
  /** JSON array of `{topic_id, targets}`, or null. */
  topics: "text?",
  min_predicted_mastery: "real",
  /** The streak criterion (last N graded answers correct), null for none. */
  min_consecutive_correct: "int?",
  min_work_per_target: "int",
  max_work_on_goal: "int?",
} as const;

export type CourseRow = RowOf<typeof COURSE_ROW>;
export type EnrollmentRow = RowOf<typeof ENROLLMENT_ROW>;
export type ItemRow = RowOf<typeof ITEM_ROW>;
/** A goal as stored (and as the ingest doors write it). */
export type GoalRow = RowOf<typeof GOAL_ROW>;

/** A row's columns but its key (`id`, or `course_id, id` for an item), in the declared order. */
const columnsBut = (row: object, key: readonly string[]) => Object.keys(row).filter((c) => !key.includes(c));
const ENROLLMENT_COLUMNS = columnsBut(ENROLLMENT_ROW, ["id"]);
const ITEM_COLUMNS = columnsBut(ITEM_ROW, ["course_id", "id"]);
const GOAL_COLUMNS = columnsBut(GOAL_ROW, ["id"]);

const params = (cols: readonly string[]) => cols.map((c) => `@${c}`).join(", ");
const assignments = (cols: readonly string[]) => cols.map((c) => `${c} = excluded.${c}`).join(", ");

const COURSE = read(
  "catalog.course",
  `SELECT id, title, starts_at, ends_at, passing_score FROM courses WHERE id = ?`,
  COURSE_ROW,
);
const UPSERT_COURSE = write(
  "catalog.upsert-course",
  `INSERT INTO courses (id, title, starts_at, ends_at, passing_score) VALUES (@id, @title, @starts_at, @ends_at, @passing_score)
       ON CONFLICT (id) DO UPDATE SET ${assignments(["title", "starts_at", "ends_at", "passing_score"])}`,
);
const INSERT_COURSE = write(
  "catalog.insert-course",
  `INSERT INTO courses (id, title) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`,
);
const UPSERT_STAFF = write(
  "catalog.upsert-staff",
  `INSERT INTO course_staff (course_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (course_id, user_id) DO UPDATE SET role = excluded.role`,
);
const ENSURE_COHORT = write(
  "catalog.ensure-cohort",
  `INSERT INTO cohorts (course_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING`,
);
const ENROLLMENT = read(
  "catalog.enrollment",
  `SELECT id, ${ENROLLMENT_COLUMNS.join(", ")} FROM enrollments WHERE course_id = ? AND user_id = ?`,
  ENROLLMENT_ROW,
);
const ENROLLMENT_BY_ID = read(
  "catalog.enrollment-by-id",
  `SELECT id, ${ENROLLMENT_COLUMNS.join(", ")} FROM enrollments WHERE id = ?`,
  ENROLLMENT_ROW,
);
const UPSERT_ENROLLMENT = write(
  "catalog.upsert-enrollment",
  `INSERT INTO enrollments (id, ${ENROLLMENT_COLUMNS.join(", ")}) VALUES (@id, ${params(ENROLLMENT_COLUMNS)})
       ON CONFLICT (id) DO UPDATE SET ${assignments(ENROLLMENT_COLUMNS)}`,
);
const REKEY_ENROLLMENT = write("catalog.rekey-enrollment", `UPDATE enrollments SET id = ? WHERE id = ?`);
const OBJECTIVE = read("catalog.objective", `SELECT id, name FROM objectives WHERE id = ?`, {
  id: "text",
  name: "text",
});
const UPSERT_OBJECTIVE = write(
  "catalog.upsert-objective",
  `INSERT INTO objectives (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
);
const ITEM = read(
  "catalog.item",
  `SELECT course_id, id, ${ITEM_COLUMNS.join(", ")} FROM items WHERE course_id = ? AND id = ?`,
  ITEM_ROW,
);
const UPSERT_ITEM = write(
  "catalog.upsert-item",
  `INSERT INTO items (course_id, id, ${ITEM_COLUMNS.join(", ")}) VALUES (@course_id, @id, ${params(ITEM_COLUMNS)})
       ON CONFLICT (course_id, id) DO UPDATE SET ${assignments(ITEM_COLUMNS)}`,
);
const INSERT_ITEM = write(
  "catalog.insert-item",
  `INSERT INTO items (course_id, id, kind, title, mandatory) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
);
const CLEAR_ITEM_OBJECTIVES = write(
  "catalog.clear-item-objectives",
  `DELETE FROM item_objectives WHERE course_id = ? AND item_id = ?`,
);
const ADD_ITEM_OBJECTIVE = write(
  "catalog.add-item-objective",
  `INSERT INTO item_objectives (course_id, item_id, objective_id) VALUES (?, ?, ?)`,
);
const ASSESSED_IN = read(
  "catalog.assessed-in",
  `SELECT 1 AS found FROM item_objectives WHERE course_id = ? AND objective_id = ? LIMIT 1`,
  { found: "int" },
);
const GOAL = read("catalog.goal", `SELECT id, ${GOAL_COLUMNS.join(", ")} FROM goals WHERE id = ?`, GOAL_ROW);
const UPSERT_GOAL = write(
  "catalog.upsert-goal",
  `INSERT INTO goals (id, ${GOAL_COLUMNS.join(", ")}) VALUES (@id, ${params(GOAL_COLUMNS)})
       ON CONFLICT (id) DO UPDATE SET ${assignments(GOAL_COLUMNS)}`,
);

export class CatalogStore {
  private readonly s: Db["$client"];

  constructor(db: Db) {
    this.s = db.$client;
  }

  course(id: string): CourseRow | undefined {
    return COURSE.get(this.s, id);
  }

  upsertCourse(row: CourseRow): void {
    UPSERT_COURSE.run(this.s, row);
  }

  /** Creates a course that does not exist yet; true when it did not. */
  insertCourseIfAbsent(id: string, title: string): boolean {
    return INSERT_COURSE.run(this.s, id, title).changes > 0;
  }

  upsertStaff(courseId: string, userId: string, role: StaffRole): void {
    UPSERT_STAFF.run(this.s, courseId, userId, role);
  }

  ensureCohort(courseId: string, name: string): void {
    ENSURE_COHORT.run(this.s, courseId, name);
  }

  enrollment(courseId: string, userId: string): EnrollmentRow | undefined {
    return ENROLLMENT.get(this.s, courseId, userId);
  }

  enrollmentById(id: string): EnrollmentRow | undefined {
    return ENROLLMENT_BY_ID.get(this.s, id);
  }

  upsertEnrollment(row: EnrollmentRow): void {
    UPSERT_ENROLLMENT.run(this.s, row);
  }

  /** Gives an enrollment the id an import names for it (nothing refers to enrollment ids by key). */
  rekeyEnrollment(oldId: string, newId: string): void {
    REKEY_ENROLLMENT.run(this.s, newId, oldId);
  }

  objective(id: string): { id: string; name: string } | undefined {
    return OBJECTIVE.get(this.s, id);
  }

  objectiveExists(id: string): boolean {
    return OBJECTIVE.get(this.s, id) !== undefined;
  }

  upsertObjective(id: string, name: string): void {
    UPSERT_OBJECTIVE.run(this.s, id, name);
  }

  item(courseId: string, id: string): ItemRow | undefined {
    return ITEM.get(this.s, courseId, id);
  }

  upsertItem(row: ItemRow): void {
    UPSERT_ITEM.run(this.s, row);
  }

  /** Creates an item first seen in activity; never changes an existing one. */
  insertItemIfAbsent(courseId: string, id: string, kind: string, title: string, mandatory: boolean): void {
    INSERT_ITEM.run(this.s, courseId, id, kind, title, mandatory ? 1 : 0);
  }

  setItemObjectives(courseId: string, itemId: string, objectiveIds: readonly string[]): void {
    CLEAR_ITEM_OBJECTIVES.run(this.s, courseId, itemId);
    for (const id of new Set(objectiveIds)) ADD_ITEM_OBJECTIVE.run(this.s, courseId, itemId, id);
  }

  /** Whether an item of the course assesses the objective. */
  objectiveAssessedIn(courseId: string, objectiveId: string): boolean {
    return ASSESSED_IN.get(this.s, courseId, objectiveId) !== undefined;
  }

  goal(id: string): GoalRow | undefined {
    return GOAL.get(this.s, id);
  }

  upsertGoal(row: GoalRow): void {
    UPSERT_GOAL.run(this.s, row);
  }
}

/** How many courses there are (none: an empty database, which `lantern start` fills with the demo). */
export async function courseCount(db: Db): Promise<number> {
  return db.select({ courses: count() }).from(courses).get()?.courses ?? 0;
}
