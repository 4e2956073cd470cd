import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { USER_ROLES, USER_STATUSES, users } from "../schema";
import { oneOf, read, write, type RowOf } from "../sql";

/**
 * Users, their external ids and managed departments, and departments, for the ingest doors.
 * Synchronous statements, one SQL text each (prepared once, then reused by the connection):
 * every caller runs inside one open better-sqlite3 transaction (as EventSink does), where an
 * `await` is not allowed.
 */

const USER_ROW = {
  id: "text",
  username: "text",
  name: "text",
  email: "text?",
  status: oneOf(USER_STATUSES),
  department_id: "text?",
  role: oneOf(USER_ROLES),
  password_hash: "text?",
  language: "text?",
  country: "text?",
  city: "text?",
  gender: "text?",
  year_of_birth: "int?",
  level_of_education: "text?",
  location: "text?",
  mailing_address: "text?",
  goals: "text?",
} as const;

export type UserRow = RowOf<typeof USER_ROW>;

/** The user's columns but `id`, in the declared order. */
const USER_COLUMNS = Object.keys(USER_ROW).filter((c) => c !== "id");
const cols = USER_COLUMNS.join(", ");

const BY_ID = read("users.by-id", `SELECT id, ${cols} FROM users WHERE id = ?`, USER_ROW);
const BY_USERNAME = read("users.by-username", `SELECT id, ${cols} FROM users WHERE username = ?`, USER_ROW);
const BY_EMAIL = read("users.by-email", `SELECT id, ${cols} FROM users WHERE email_lower = ?`, USER_ROW);
const BY_EMAIL_SHA1 = read("users.by-email-sha1", `SELECT id FROM users WHERE email_sha1 = ? LIMIT 1`, {
  id: "text",
});
const BY_EXTERNAL_ID = read("users.by-external-id", `SELECT user_id FROM user_external_ids WHERE external_id = ?`, {
  user_id: "text",
});
const EXTERNAL_IDS = read(
  "users.external-ids",
  `SELECT external_id FROM user_external_ids WHERE user_id = ? ORDER BY external_id`,
  { external_id: "text" },
);
const INSERT = write(
  "users.insert",
  `INSERT INTO users (id, ${cols}, email_lower, email_sha1)
       VALUES (@id, ${USER_COLUMNS.map((c) => `@${c}`).join(", ")}, @email_lower, @email_sha1)`,
);
const UPDATE = write(
  "users.update",
  `UPDATE users SET ${USER_COLUMNS.map((c) => `${c} = @${c}`).join(", ")},
         email_lower = @email_lower, email_sha1 = @email_sha1 WHERE id = @id`,
);
const ADD_EXTERNAL_ID = write(
  "users.add-external-id",
  `INSERT INTO user_external_ids (external_id, user_id) VALUES (?, ?)`,
);
const CLEAR_EXTERNAL_IDS = write("users.clear-external-ids", `DELETE FROM user_external_ids WHERE user_id = ?`);
const CLEAR_MANAGED = write("users.clear-managed", `DELETE FROM managed_departments WHERE user_id = ?`);
const ADD_MANAGED = write(
  "users.add-managed",
  `INSERT INTO managed_departments (user_id, department_id) VALUES (?, ?)`,
);
const COURSES = read("users.courses", `SELECT course_id FROM enrollments WHERE user_id = ?`, { course_id: "text" });
const END_SESSIONS = write("users.end-sessions", `DELETE FROM sessions WHERE user_id = ?`);

const DEPARTMENT_ROW = { id: "text", name: "text", parent_id: "text?" } as const;
export type DepartmentRow = RowOf<typeof DEPARTMENT_ROW>;

const DEPARTMENT = read("users.department", `SELECT id, name, parent_id FROM departments WHERE id = ?`, DEPARTMENT_ROW);
const UPSERT_DEPARTMENT = write(
  "users.upsert-department",
  `INSERT INTO departments (id, name, parent_id) VALUES (@id, @name, @parent_id)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id`,
);

/** SHA-1 of `mailto:<email>`: what an xAPI `mbox_sha1sum` carries. */
export function mboxSha1(email: string): string {
  return createHash("sha1").update(`mailto:${email}`).digest("hex");
}

export class UserStore {
  private readonly s: Db["$client"];

  constructor(db: Db) {
    this.s = db.$client;
  }

  byId(id: string): UserRow | undefined {
    return BY_ID.get(this.s, id);
  }

  byUsername(username: string): UserRow | undefined {
    return BY_USERNAME.get(this.s, username);
  }

  /** Emails compare case-insensitively. */
  byEmail(email: string): UserRow | undefined {
    return BY_EMAIL.get(this.s, email.toLowerCase());
  }

  idByEmailSha1(sha1: string): string | undefined {
    return BY_EMAIL_SHA1.get(this.s, sha1.toLowerCase())?.id;
  }

  idByExternalId(externalId: string): string | undefined {
    return BY_EXTERNAL_ID.get(this.s, externalId)?.user_id;
  }

  externalIds(userId: string): string[] {
    return EXTERNAL_IDS.column(this.s, "external_id", userId);
  }

  insert(user: UserRow): void {
    INSERT.run(this.s, withEmailKeys(user));
  }

  /** Saves `user` over `before` (the row as read); a new password or a block ends the user's signed-in sessions at once. */
  update(user: UserRow, before: UserRow): void {
    UPDATE.run(this.s, withEmailKeys(user));
    if (before.password_hash !== user.password_hash || (before.status === "active" && user.status !== "active")) {
      END_SESSIONS.run(this.s, user.id);
    }
  }

  addExternalId(userId: string, externalId: string): void {
    ADD_EXTERNAL_ID.run(this.s, externalId, userId);
  }

  /** Replaces the user's external ids (callers check that none belongs to another user). */
  setExternalIds(userId: string, externalIds: readonly string[]): void {
    CLEAR_EXTERNAL_IDS.run(this.s, userId);
    for (const id of new Set(externalIds)) ADD_EXTERNAL_ID.run(this.s, id, userId);
  }

  setManagedDepartments(userId: string, departmentIds: readonly string[]): void {
    CLEAR_MANAGED.run(this.s, userId);
    for (const id of new Set(departmentIds)) ADD_MANAGED.run(this.s, userId, id);
  }

  /** Courses the user is enrolled in (whose rosters show the user). */
  enrolledCourseIds(userId: string): string[] {
    return COURSES.column(this.s, "course_id", userId);
  }
}

function withEmailKeys(user: UserRow): UserRow & { email_lower: string | null; email_sha1: string | null } {
  return {
    ...user,
    email_lower: user.email === null ? null : user.email.toLowerCase(),
    email_sha1: user.email === null ? null : mboxSha1(user.email),
  };
}

export class DepartmentStore {
  private readonly s: Db["$client"];

  constructor(db: Db) {
    this.s = db.$client;
  }

  byId(id: string): DepartmentRow | undefined {
    return DEPARTMENT.get(this.s, id);
  }

  upsert(row: DepartmentRow): void {
    UPSERT_DEPARTMENT.run(this.s, row);
  }
}

/** The id of the user with this username, or null. */
export async function userIdByUsername(db: Db, username: string): Promise<string | null> {
  return db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()?.id ?? null;
}
