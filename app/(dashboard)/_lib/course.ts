import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { courseHead, type CourseHead } from "@/db/queries/course-list";
import { sessionCaller } from "@/lib/api/caller";
import { courseAccess } from "@/lib/auth/access";
import { segmentValue } from "@/lib/dashboard/paths";

export type CourseLoad =
  | { ok: true; caller: Caller; course: CourseHead }
  | { ok: false; caller: Caller; courseId: string; reason: "forbidden" | "not_found" };

/**
 * The course of a `/courses/{courseId}/…` page and whether the signed-in user may read it,
 * decided by the access module as for the API. Cached per request: the layout and the page both
 * ask, and each renders nothing of the course unless allowed.
 */
export const loadCourse = cache(async (rawCourseId: string): Promise<CourseLoad> => {
  const db = getDb();
  const caller = await sessionCaller(db);
  if (!caller) redirect("/sign-in");
  const courseId = segmentValue(rawCourseId);
  const access = await courseAccess(db, caller, courseId);
  if (access !== "ok") return { ok: false, caller, courseId, reason: access };
  const course = await courseHead(db, courseId);
  if (!course) return { ok: false, caller, courseId, reason: "not_found" };
  return { ok: true, caller, course };
});
