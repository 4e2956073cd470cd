import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { courses, departments, enrollments, goals, managedDepartments } from "../schema";

/** What a home page shows a user who teaches no course: their registrations, and the departments they manage. */

export interface OwnRegistration {
  registrationId: string;
  courseId: string;
  title: string;
  enrolled: boolean;
  /** The course's goals, whose ids the registration endpoint asks for. */
  goals: { id: string; name: string }[];
}

/** The user's own enrollments (Knewton registrations), by course title. */
export async function ownRegistrations(db: Db, userId: string): Promise<OwnRegistration[]> {
  const rows = db
    .select({
      registrationId: enrollments.id,
      courseId: courses.id,
      title: courses.title,
      enrolled: enrollments.isActive,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(eq(enrollments.userId, userId))
    .orderBy(asc(courses.title), asc(courses.id))
    .all();
  return rows.map((r) => ({
    ...r,
    goals: db
      .select({ id: goals.id, name: goals.name })
      .from(goals)
      .where(eq(goals.courseId, r.courseId))
      .orderBy(asc(goals.name), asc(goals.id))
      .all(),
  }));
}

/** The departments a department admin manages directly (each with its sub-departments), by name. */
export async function managedDepartmentNames(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(managedDepartments)
    .innerJoin(departments, eq(departments.id, managedDepartments.departmentId))
    .where(eq(managedDepartments.userId, userId))
    .orderBy(asc(departments.name))
    .all();
}
