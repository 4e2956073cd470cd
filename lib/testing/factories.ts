import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { courses, enrollments, users } from "@/db/schema";

/** A course with `learners` enrolled users named learner000…, for tests. */
export function seedCourse(
  db: Db,
  opts: { courseId?: string; learners?: number; enrolledAt?: string; prefix?: string } = {},
): { courseId: string; userIds: string[] } {
  const courseId = opts.courseId ?? "course-v1:Test+T101+2026";
  const prefix = opts.prefix ?? "learner";
  db.insert(courses).values({ id: courseId, title: `Course ${courseId}` }).onConflictDoNothing().run();
  const userIds: string[] = [];
  for (let i = 0; i < (opts.learners ?? 10); i++) {
    const id = randomUUID();
    const username = `${prefix}${String(i).padStart(3, "0")}`;
    db.insert(users).values({ id, username, name: `Learner ${i}`, email: `${username}@example.com`, emailLower: `${username}@example.com` }).run();
    db.insert(enrollments)
      .values({ id: randomUUID(), courseId, userId: id, mode: i % 2 ? "verified" : "audit", enrolledAt: opts.enrolledAt ?? "2026-01-05T10:00:00.000Z" })
      .run();
    userIds.push(id);
  }
  return { courseId, userIds };
}

/** A user with a role (and optionally a password hash), returning its id. */
export function seedUser(
  db: Db,
  opts: { username: string; role?: "admin" | "department_admin" | "user"; passwordHash?: string; departmentId?: string },
): string {
  const id = randomUUID();
  const email = `${opts.username}@example.com`;
  db.insert(users)
    .values({ id, username: opts.username, name: opts.username, email, emailLower: email, role: opts.role ?? "user", passwordHash: opts.passwordHash ?? null, departmentId: opts.departmentId ?? null })
    .run();
  return id;
}
