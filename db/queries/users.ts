import { createHash } from "node:crypto";
import type { Statement } from "better-sqlite3";
import type { Db } from "../client";
import type { UserRole, UserStatus } from "../schema";

/**
 * Users, their external ids and managed departments, and departments, for the ingest doors.
 * Synchronous prepared statements: every caller runs inside one open better-sqlite3 transaction
 * (as EventSink does), where an `await` is not allowed.
 */

export interface UserRow {
  id: string;
  username: string;
  name: string;
  email: string | null;
  status: UserStatus;
  department_id: string | null;
  role: UserRole;
  password_hash: string | null;
  language: string | null;
  country: string | null;
  city: string | null;
  gender: string | null;
  year_of_birth: number | null;
  level_of_education: string | null;
  location: string | null;
  mailing_address: string | null;
  goals: string | null;
}

export interface DepartmentRow {
  id: string;
  name: string;
  parent_id: string | null;
}

const USER_COLUMNS = [
  "username",
  "name",
  "email",
  "status",
  "department_id",
  "role",
  "password_hash",
  "language",
  "country",
  "city",
  "gender",
  "year_of_birth",
  "level_of_education",
  "location",
  "mailing_address",
  "goals",
] as const;

/** SHA-1 of `mailto:<email>`: what an xAPI `mbox_sha1sum` carries. */
export function mboxSha1(email: string): string {
  return createHash("sha1").update(`mailto:${email}`).digest("hex");
}

function prepareUserQueries(s: Db["$client"]) {
  const cols = USER_COLUMNS.join(", ");
  return {
    byId: s.prepare(`SELECT id, ${cols} FROM users WHERE id = ?`),
    byUsername: s.prepare(`SELECT id, ${cols} FROM users WHERE username = ?`),
    byEmail: s.prepare(`SELECT id, ${cols} FROM users WHERE email_lower = ?`),
    byEmailSha1: s.prepare(`SELECT id FROM users WHERE email_sha1 = ? LIMIT 1`),
    byExternalId: s.prepare(`SELECT user_id FROM user_external_ids WHERE external_id = ?`),
    externalIds: s.prepare(`SELECT external_id FROM user_external_ids WHERE user_id = ? ORDER BY external_id`),
    insert: s.prepare(
      `INSERT INTO users (id, ${cols}, email_lower, email_sha1)
       VALUES (@id, ${USER_COLUMNS.map((c) => `@${c}`).join(", ")}, @email_lower, @email_sha1)`,
    ),
    update: s.prepare(
      `UPDATE users SET ${USER_COLUMNS.map((c) => `${c} = @${c}`).join(", ")},
         email_lower = @email_lower, email_sha1 = @email_sha1 WHERE id = @id`,
    ),
    addExternalId: s.prepare(`INSERT INTO user_external_ids (external_id, user_id) VALUES (?, ?)`),
    clearExternalIds: s.prepare(`DELETE FROM user_external_ids WHERE user_id = ?`),
    clearManaged: s.prepare(`DELETE FROM managed_departments WHERE user_id = ?`),
    addManaged: s.prepare(`INSERT INTO managed_departments (user_id, department_id) VALUES (?, ?)`),
    courses: s.prepare(`SELECT course_id FROM enrollments WHERE user_id = ?`),
    endSessions: s.prepare(`DELETE FROM sessions WHERE user_id = ?`),
  };
}

export class UserStore {
  private readonly q: ReturnType<typeof prepareUserQueries>;

  constructor(db: Db) {
    this.q = prepareUserQueries(db.$client);
  }

  byId(id: string): UserRow | undefined {
    return this.q.byId.get(id) as UserRow | undefined;
  }

  byUsername(username: string): UserRow | undefined {
    return this.q.byUsername.get(username) as UserRow | undefined;
  }

  /** Emails compare case-insensitively. */
  byEmail(email: string): UserRow | undefined {
    return this.q.byEmail.get(email.toLowerCase()) as UserRow | undefined;
  }

  idByEmailSha1(sha1: string): string | undefined {
    return (this.q.byEmailSha1.get(sha1.toLowerCase()) as { id: string } | undefined)?.id;
  }

  idByExternalId(externalId: string): string | undefined {
    return (this.q.byExternalId.get(externalId) as { user_id: string } | undefined)?.user_id;
  }

  externalIds(userId: string): string[] {
    return (this.q.externalIds.all(userId) as { external_id: string }[]).map((r) => r.external_id);
  }

  insert(user: UserRow): void {
    this.q.insert.run(withEmailKeys(user));
  }

  /** Saves `user` over `before` (the row as read); a new password or a block ends the user's signed-in sessions at once. */
  update(user: UserRow, before: UserRow): void {
    this.q.update.run(withEmailKeys(user));
    if (before.password_hash !== user.password_hash || (before.status === "active" && user.status !== "active")) {
      this.q.endSessions.run(user.id);
    }
  }

  addExternalId(userId: string, externalId: string): void {
    this.q.addExternalId.run(externalId, userId);
  }

  /** Replaces the user's external ids (callers check that none belongs to another user). */
  setExternalIds(userId: string, externalIds: readonly string[]): void {
    this.q.clearExternalIds.run(userId);
    for (const id of new Set(externalIds)) this.q.addExternalId.run(id, userId);
  }

  setManagedDepartments(userId: string, departmentIds: readonly string[]): void {
    this.q.clearManaged.run(userId);
    for (const id of new Set(departmentIds)) this.q.addManaged.run(userId, id);
  }

  /** Courses the user is enrolled in (whose rosters show the user). */
  enrolledCourseIds(userId: string): string[] {
    return (this.q.courses.all(userId) as { course_id: string }[]).map((r) => r.course_id);
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
  private readonly get: Statement;
  private readonly upsertStmt: Statement;

  constructor(db: Db) {
    this.get = db.$client.prepare(`SELECT id, name, parent_id FROM departments WHERE id = ?`);
    this.upsertStmt = db.$client.prepare(
      `INSERT INTO departments (id, name, parent_id) VALUES (@id, @name, @parent_id)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id`,
    );
  }

  byId(id: string): DepartmentRow | undefined {
    return this.get.get(id) as DepartmentRow | undefined;
  }

  upsert(row: DepartmentRow): void {
    this.upsertStmt.run(row);
  }
}
