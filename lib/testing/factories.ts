import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { enrollLearners } from "./roster";

/** A course with `learners` enrolled users named learner000…, for tests. */
export function seedCourse(
  db: Db,
  opts: { courseId?: string; learners?: number; enrolledAt?: string; prefix?: string } = {},
): { courseId: string; userIds: string[] } {
  const courseId = opts.courseId ?? "course-v1:Test+T101+2026";
  const prefix = opts.prefix ?? "learner";
  const specs = Array.from({ length: opts.learners ?? 10 }, (_, i) => ({
    username: `${prefix}${String(i).padStart(3, "0")}`,
    name: `Learner ${i}`,
    mode: i % 2 ? "verified" : "audit",
    enrolledAt: opts.enrolledAt,
  }));
  const ids = enrollLearners(db, courseId, specs);
  return { courseId, userIds: specs.map((l) => ids.get(l.username)!) };
}

/** A user with a role (and optionally a password hash), returning its id. */
export function seedUser(
  db: Db,
  opts: {
    username: string;
    role?: "admin" | "department_admin" | "user";
    passwordHash?: string;
    departmentId?: string;
  },
): string {
  const id = randomUUID();
  const email = `${opts.username}@example.com`;
  db.insert(users)
    .values({
      id,
      username: opts.username,
      name: opts.username,
      email,
      emailLower: email,
      role: opts.role ?? "user",
      passwordHash: opts.passwordHash ?? null,
      departmentId: opts.departmentId ?? null,
    })
    .run();
  return id;
}
