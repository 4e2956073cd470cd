import type { Db } from "../client";
import type { Caller } from "@/lib/auth/caller";
import { ensureCourseFresh } from "./derived";

export interface CourseCard {
  id: string;
  title: string;
  /** Active enrollments. */
  enrolled: number;
  /** Learners active in the default window (the 7 days before the as-of day). */
  activeLastWeek: number;
  lastUpdated: string | null;
}

/**
 * The courses a caller may read (all for an admin, else those they are staff of), by title,
 * optionally only those whose title or id contains `search` (case-insensitive).
 */
export async function courseCards(
  db: Db,
  caller: Caller,
  opts: { asOf: string; search?: string },
): Promise<CourseCard[]> {
  const s = db.$client;
  const like = opts.search?.trim()
    ? `%${opts.search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  const filter = like ? `AND (lower(c.title) LIKE @like ESCAPE '\\' OR lower(c.id) LIKE @like ESCAPE '\\')` : "";
  const scope = caller.role === "admin" ? "" : `AND c.id IN (SELECT course_id FROM course_staff WHERE user_id = @user)`;
  const courses = s
    .prepare(
      `SELECT c.id, c.title, c.last_updated_at AS lastUpdated FROM courses c WHERE 1 = 1 ${scope} ${filter} ORDER BY c.title, c.id`,
    )
    .all({ user: caller.userId, like }) as { id: string; title: string; lastUpdated: string | null }[];
  return Promise.all(courses.map(async (c) => ({ ...c, ...(await courseCounts(db, c.id, opts.asOf)) })));
}

/** A course's active enrollments and learners active in the default window, made current for `asOf`. */
export async function courseCounts(
  db: Db,
  courseId: string,
  asOf: string,
): Promise<{ enrolled: number; activeLastWeek: number }> {
  ensureCourseFresh(db, courseId, asOf);
  return db.$client
    .prepare(
      `SELECT COUNT(CASE WHEN is_active THEN 1 END) AS enrolled, COUNT(CASE WHEN days_active > 0 THEN 1 END) AS activeLastWeek
       FROM learner_summary WHERE course_id = ?`,
    )
    .get(courseId) as { enrolled: number; activeLastWeek: number };
}

export interface CourseRef {
  id: string;
  title: string;
}

/** The courses a caller may read, id and title only (the course switcher), by title. */
export async function readableCourses(db: Db, caller: Caller): Promise<CourseRef[]> {
  const scope =
    caller.role === "admin" ? "" : `WHERE c.id IN (SELECT course_id FROM course_staff WHERE user_id = @user)`;
  return db.$client
    .prepare(`SELECT c.id, c.title FROM courses c ${scope} ORDER BY c.title, c.id`)
    .all({ user: caller.userId }) as CourseRef[];
}

export interface CourseHead extends CourseRef {
  startsAt: string | null;
  endsAt: string | null;
  lastUpdated: string | null;
}

/** A course's heading fields, or null when there is none. */
export async function courseHead(db: Db, courseId: string): Promise<CourseHead | null> {
  const row = db.$client
    .prepare(
      `SELECT id, title, starts_at AS startsAt, ends_at AS endsAt, last_updated_at AS lastUpdated FROM courses WHERE id = ?`,
    )
    .get(courseId) as CourseHead | undefined;
  return row ?? null;
}
