import type { Db } from "../client";

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
export function ownRegistrations(db: Db, userId: string): OwnRegistration[] {
  return (
    db.$client
      .prepare(
        `SELECT e.id AS registrationId, c.id AS courseId, c.title AS title, e.is_active AS enrolled
         FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = ? ORDER BY c.title, c.id`,
      )
      .all(userId) as (Omit<OwnRegistration, "enrolled" | "goals"> & { enrolled: number })[]
  ).map((r) => ({
    ...r,
    enrolled: r.enrolled === 1,
    goals: db.$client.prepare(`SELECT id, name FROM goals WHERE course_id = ? ORDER BY name, id`).all(r.courseId) as {
      id: string;
      name: string;
    }[],
  }));
}

/** The departments a department admin manages directly (each with its sub-departments), by name. */
export function managedDepartmentNames(db: Db, userId: string): { id: string; name: string }[] {
  return db.$client
    .prepare(
      `SELECT d.id, d.name FROM managed_departments m JOIN departments d ON d.id = m.department_id WHERE m.user_id = ? ORDER BY d.name`,
    )
    .all(userId) as { id: string; name: string }[];
}
