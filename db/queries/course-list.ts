import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { courses, courseStaff } from "../schema";
import { read, reads } from "../sql";
import type { Caller } from "@/lib/auth/caller";
import { ensureCourseFresh } from "./derived";

/** The caller's courses with a title/id filter; the scope and the filter each come and go. */
const CARDS = reads(
  "course-list.cards",
  ({ staffOnly, search }: { staffOnly: boolean; search: boolean }) =>
    `SELECT c.id, c.title, c.last_updated_at AS lastUpdated FROM courses c WHERE 1 = 1
     ${staffOnly ? "AND c.id IN (SELECT course_id FROM course_staff WHERE user_id = @user)" : ""}
     ${search ? "AND (lower(c.title) LIKE @like ESCAPE '\\' OR lower(c.id) LIKE @like ESCAPE '\\')" : ""}
     ORDER BY c.title, c.id`,
  { id: "text", title: "text", lastUpdated: "text?" },
  [{ staffOnly: true, search: true }],
);

const COUNTS = read(
  "course-list.counts",
  `SELECT COUNT(CASE WHEN is_active = 1 THEN 1 END) AS enrolled, COUNT(CASE WHEN days_active > 0 THEN 1 END) AS activeLastWeek
   FROM learner_summary WHERE course_id = ?`,
  { enrolled: "int", activeLastWeek: "int" },
);

/** The courses a caller is staff of (all for an admin): a condition for drizzle's builder. */
function readableBy(db: Db, caller: Caller) {
  return caller.role === "admin"
    ? undefined
    : inArray(
        courses.id,
        db.select({ id: courseStaff.courseId }).from(courseStaff).where(eq(courseStaff.userId, caller.userId)),
      );
}

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
  const like = opts.search?.trim()
    ? `%${opts.search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  const cards = CARDS({ staffOnly: caller.role !== "admin", search: like !== null }).all(db.$client, {
    user: caller.userId,
    like,
  });
  return Promise.all(cards.map(async (c) => ({ ...c, ...(await courseCounts(db, c.id, opts.asOf)) })));
}

/** A course's active enrollments and learners active in the default window, made current for `asOf`. */
export async function courseCounts(
  db: Db,
  courseId: string,
  asOf: string,
): Promise<{ enrolled: number; activeLastWeek: number }> {
  ensureCourseFresh(db, courseId, asOf);
  return COUNTS.get(db.$client, courseId) ?? { enrolled: 0, activeLastWeek: 0 };
}

export interface CourseRef {
  id: string;
  title: string;
}

/** The courses a caller may read, id and title only (the course switcher), by title. */
export async function readableCourses(db: Db, caller: Caller): Promise<CourseRef[]> {
  return db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(readableBy(db, caller))
    .orderBy(asc(courses.title), asc(courses.id))
    .all();
}

export interface CourseHead extends CourseRef {
  startsAt: string | null;
  endsAt: string | null;
  lastUpdated: string | null;
}

/** A course's heading fields, or null when there is none. */
export async function courseHead(db: Db, courseId: string): Promise<CourseHead | null> {
  const row = db
    .select({
      id: courses.id,
      title: courses.title,
      startsAt: courses.startsAt,
      endsAt: courses.endsAt,
      lastUpdated: courses.lastUpdatedAt,
    })
    .from(courses)
    .where(eq(courses.id, courseId))
    .get();
  return row ?? null;
}
