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

/** A small deterministic PRNG for test data (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
