import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { courseAccess, isAdmin, mayWrite } from "@/lib/auth/access";
import { ApiError, forbidden } from "./errors";

/** `authorize` of the doors that write data (xAPI statements, imports, graded events). */
export function requireWriter(caller: Caller): void {
  if (!mayWrite(caller)) throw forbidden("Writing data needs an administrator's API key or session.");
}

/**
 * `authorize` of reads of raw ingested records (stored xAPI statements): admins only. A statement
 * names a learner and what they did in any course, so no narrower role may read them one by one.
 */
export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw forbidden("Reading stored statements needs an administrator's API key or session.");
}

/**
 * A course's learner data: admin or the course's staff. Anyone else gets 403 whether or not the
 * course exists; only an admin learns that it does not (404 `notFoundCode`).
 */
export async function requireCourseReader(
  db: Db,
  caller: Caller,
  courseId: string,
  notFoundCode = "course_not_found",
): Promise<void> {
  const access = await courseAccess(db, caller, courseId);
  if (access === "forbidden") throw forbidden("You are not staff of this course.");
  if (access === "not_found") throw new ApiError(404, notFoundCode, `No course "${courseId}".`);
}
