import { eq, or } from "drizzle-orm";
import type { Db } from "../client";
import { USER_ROLES, USER_STATUSES, users, type UserRole } from "../schema";
import { oneOf, read } from "../sql";
import type { Caller } from "@/lib/auth/caller";

// Every request reads these (who is asking, and may they): one prepared text each.
const ACTIVE_USER = read("access.active-user", `SELECT id, username, name, role, status FROM users WHERE id = ?`, {
  id: "text",
  username: "text",
  name: "text",
  role: oneOf(USER_ROLES),
  status: oneOf(USER_STATUSES),
});
const STAFF_ROLE = read("access.staff-role", `SELECT role FROM course_staff WHERE user_id = ? AND course_id = ?`, {
  role: "text",
});
const COURSE_EXISTS = read("access.course-exists", `SELECT 1 AS found FROM courses WHERE id = ?`, { found: "int" });
const REGISTRATION_OWNER = read(
  "access.registration-owner",
  `SELECT course_id AS courseId, user_id AS userId FROM enrollments WHERE id = ?`,
  { courseId: "text", userId: "text" },
);
const MANAGED_TREE = read(
  "access.managed-department-tree",
  `WITH RECURSIVE tree(id) AS (
         SELECT department_id FROM managed_departments WHERE user_id = ?
         UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
       ) SELECT id FROM tree ORDER BY id`,
  { id: "text" },
);

/** An active user by id, for a session or key (blocked users are nobody). */
export async function activeUserById(db: Db, id: string): Promise<Caller | null> {
  const row = ACTIVE_USER.get(db.$client, id);
  return row && row.status === "active"
    ? { userId: row.id, username: row.username, name: row.name, role: row.role, keyId: null }
    : null;
}

interface UserAuthRow {
  id: string;
  username: string;
  name: string;
  role: UserRole;
  status: string;
  password_hash: string | null;
}

/** A user by username or (case-insensitive) email, with the password hash, for sign-in. */
export async function userForSignIn(db: Db, login: string): Promise<UserAuthRow | null> {
  const row = db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      status: users.status,
      password_hash: users.passwordHash,
    })
    .from(users)
    .where(or(eq(users.username, login), eq(users.emailLower, login.toLowerCase())))
    .limit(1)
    .get();
  return row ?? null;
}

/** The caller's role on a course: 'instructor', 'staff', or null. */
export async function staffRole(db: Db, userId: string, courseId: string): Promise<string | null> {
  return STAFF_ROLE.get(db.$client, userId, courseId)?.role ?? null;
}

export async function courseExists(db: Db, courseId: string): Promise<boolean> {
  return COURSE_EXISTS.get(db.$client, courseId) !== undefined;
}

/** An enrollment's course and learner, or null. */
export async function registrationOwner(
  db: Db,
  enrollmentId: string,
): Promise<{ courseId: string; userId: string } | null> {
  return REGISTRATION_OWNER.get(db.$client, enrollmentId.toLowerCase()) ?? null;
}

/** Every department a department admin manages, each with its whole subtree. */
export async function managedDepartmentTree(db: Db, userId: string): Promise<string[]> {
  return MANAGED_TREE.column(db.$client, "id", userId);
}
