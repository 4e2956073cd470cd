import type { Db } from "../client";
import type { UserRole } from "../schema";
import type { Caller } from "@/lib/auth/caller";

interface UserAuthRow {
  id: string;
  username: string;
  name: string;
  role: UserRole;
  status: string;
  password_hash: string | null;
}

/** An active user by id, for a session or key (blocked users are nobody). */
export async function activeUserById(db: Db, id: string): Promise<Caller | null> {
  const row = db.$client.prepare(`SELECT id, username, name, role, status FROM users WHERE id = ?`).get(id) as
    UserAuthRow | undefined;
  return row && row.status === "active"
    ? { userId: row.id, username: row.username, name: row.name, role: row.role, keyId: null }
    : null;
}

/** A user by username or (case-insensitive) email, with the password hash, for sign-in. */
export async function userForSignIn(db: Db, login: string): Promise<UserAuthRow | null> {
  const row = db.$client
    .prepare(
      `SELECT id, username, name, role, status, password_hash FROM users WHERE username = ? OR email_lower = ? LIMIT 1`,
    )
    .get(login, login.toLowerCase()) as UserAuthRow | undefined;
  return row ?? null;
}

/** The caller's role on a course: 'instructor', 'staff', or null. */
export async function staffRole(db: Db, userId: string, courseId: string): Promise<string | null> {
  const row = db.$client
    .prepare(`SELECT role FROM course_staff WHERE user_id = ? AND course_id = ?`)
    .get(userId, courseId) as { role: string } | undefined;
  return row?.role ?? null;
}

export async function courseExists(db: Db, courseId: string): Promise<boolean> {
  return db.$client.prepare(`SELECT 1 FROM courses WHERE id = ?`).get(courseId) !== undefined;
}

/** An enrollment's course and learner, or null. */
export async function registrationOwner(
  db: Db,
  enrollmentId: string,
): Promise<{ courseId: string; userId: string } | null> {
  const row = db.$client
    .prepare(`SELECT course_id AS courseId, user_id AS userId FROM enrollments WHERE id = ?`)
    .get(enrollmentId.toLowerCase()) as { courseId: string; userId: string } | undefined;
  return row ?? null;
}

/** Every department a department admin manages, each with its whole subtree. */
export async function managedDepartmentTree(db: Db, userId: string): Promise<string[]> {
  const rows = db.$client
    .prepare(
      `WITH RECURSIVE tree(id) AS (
         SELECT department_id FROM managed_departments WHERE user_id = ?
         UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
       ) SELECT id FROM tree ORDER BY id`,
    )
    .all(userId) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Courses the user is staff of, or every course for an admin: id and title, by title. */
export async function readableCourses(db: Db, caller: Caller): Promise<{ id: string; title: string }[]> {
  const sql =
    caller.role === "admin"
      ? `SELECT id, title FROM courses ORDER BY title, id`
      : `SELECT c.id, c.title FROM courses c JOIN course_staff s ON s.course_id = c.id WHERE s.user_id = ? ORDER BY c.title, c.id`;
  return (caller.role === "admin" ? db.$client.prepare(sql).all() : db.$client.prepare(sql).all(caller.userId)) as {
    id: string;
    title: string;
  }[];
}
