import { sql } from "drizzle-orm";
import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  type ExtraConfigColumn,
} from "drizzle-orm/pg-core";
import { text } from "./text";

// The PostgreSQL twin of db/schema/derived.ts. SQLite's WITHOUT ROWID has no counterpart: a heap
// with its primary-key index is PostgreSQL's only table layout (docs/postgres.md).

export const learnerItemDay = pgTable(
  "learner_item_day",
  {
    courseId: text("course_id").notNull(),
    userId: text("user_id").notNull(),
    day: text("day").notNull(),
    itemId: text("item_id").notNull(),
    events: integer("events").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    successes: integer("successes").notNull().default(0),
    plays: integer("plays").notNull().default(0),
    posts: integer("posts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId, t.day, t.itemId] })],
);

export const learnerDay = pgTable(
  "learner_day",
  {
    courseId: text("course_id").notNull(),
    userId: text("user_id").notNull(),
    day: text("day").notNull(),
    events: integer("events").notNull(),
    problemAttempts: integer("problem_attempts").notNull(),
    problemsAttempted: integer("problems_attempted").notNull(),
    problemsCompleted: integer("problems_completed").notNull(),
    videosViewed: integer("videos_viewed").notNull(),
    discussionContributions: integer("discussion_contributions").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId, t.day] }),
    index("learner_day_course_day_idx").on(t.courseId, t.day),
  ],
);

/**
 * The roster's table. Its sort keys are STORED generated columns (PostgreSQL has no virtual ones
 * before 18, and 15 must work), with expressions that give SQLite's order: PostgreSQL already puts
 * NULLs last ascending and first descending, which SQLite's `email_sort` (x'') and `ratio_sort`
 * (9e999) emulate, so `email_sort` is the email itself and `ratio_sort` maps null to +∞ only to
 * keep ties with SQLite's order among the infinite ones.
 */
export const learnerSummary = pgTable(
  "learner_summary",
  {
    courseId: text("course_id").notNull(),
    userId: text("user_id").notNull(),
    enrollmentId: text("enrollment_id").notNull(),
    username: text("username").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    mode: text("mode").notNull(),
    cohort: text("cohort"),
    enrolledAt: text("enrolled_at").notNull(),
    isActive: integer("is_active").notNull(),
    problemsAttempted: integer("problems_attempted").notNull().default(0),
    problemsCompleted: integer("problems_completed").notNull().default(0),
    problemAttempts: integer("problem_attempts").notNull().default(0),
    attemptRatio: doublePrecision("attempt_ratio"),
    attemptRatioOrder: integer("attempt_ratio_order").notNull().default(0),
    videosViewed: integer("videos_viewed").notNull().default(0),
    discussionContributions: integer("discussion_contributions").notNull().default(0),
    daysActive: integer("days_active").notNull().default(0),
    daysActivePrev: integer("days_active_prev").notNull().default(0),
    lastActiveDay: text("last_active_day"),
    segments: integer("segments"),
    enrollmentDay: text("enrollment_day").generatedAlwaysAs(sql`substr(enrolled_at, 1, 10)`),
    emailSort: text("email_sort").generatedAlwaysAs(sql`email`),
    ratioSort: doublePrecision("ratio_sort").generatedAlwaysAs(sql`coalesce(attempt_ratio, 'Infinity')`),
    /** 1 or 0 as on SQLite, where a comparison is an integer; here a boolean cast to one. */
    ratioMissing: integer("ratio_missing").generatedAlwaysAs(sql`(problem_attempts = 0)::integer`),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index("learner_summary_username_idx").on(t.courseId, t.username, t.name, t.email),
    index("learner_summary_segments_idx").on(t.courseId, t.segments),
    index("learner_summary_cohort_idx").on(t.courseId, t.cohort, t.mode),
    index("learner_summary_mode_idx").on(t.courseId, t.mode),
    ...sortIndexes("email", [t.emailSort], t.username, t.courseId),
    ...sortIndexes("name", [t.name], t.username, t.courseId),
    ...sortIndexes("enrollment_day", [t.enrollmentDay], t.username, t.courseId),
    ...sortIndexes("discussion_contributions", [t.discussionContributions], t.username, t.courseId),
    ...sortIndexes("problems_attempted", [t.problemsAttempted], t.username, t.courseId),
    ...sortIndexes("problems_completed", [t.problemsCompleted], t.username, t.courseId),
    ...sortIndexes("videos_viewed", [t.videosViewed], t.username, t.courseId),
    ...sortIndexes("ratio", [fixed(t.ratioMissing), t.ratioSort, flip(t.attemptRatioOrder)], t.username, t.courseId),
  ],
);

/** As in db/schema/derived.ts: a key with the order, against it, or ascending whichever the order. */
type Keyed = ExtraConfigColumn | { flipped: ExtraConfigColumn } | { fixed: ExtraConfigColumn };
const flip = (column: ExtraConfigColumn): Keyed => ({ flipped: column });
const fixed = (column: ExtraConfigColumn): Keyed => ({ fixed: column });
// PostgreSQL sorts NULLs first descending by default; drizzle writes DESC NULLS LAST unless told (nullsFirst).
type Key = Parameters<ReturnType<typeof index>["on"]>[number];
const asc = (k: Keyed): Key => ("flipped" in k ? k.flipped.desc().nullsFirst() : "fixed" in k ? k.fixed : k);
const desc = (k: Keyed): Key => ("flipped" in k ? k.flipped : "fixed" in k ? k.fixed : k.desc().nullsFirst());

function sortIndexes(name: string, keys: Keyed[], username: ExtraConfigColumn, courseId: ExtraConfigColumn) {
  return [
    index(`learner_summary_${name}_asc_idx`).on(courseId, ...keys.map(asc), username),
    index(`learner_summary_${name}_desc_idx`).on(courseId, ...keys.map(desc), username),
  ];
}

/**
 * Kept for the same tables on both engines (the drift test) and for a copy between them; nothing on
 * PostgreSQL needs it, since the trigram index is on `users` itself (db/schema-pg/org.ts).
 */
export const userSearchKey = pgTable("user_search_key", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
  userId: text("user_id").notNull().unique(),
});

export const learnerGroupCount = pgTable(
  "learner_group_count",
  {
    courseId: text("course_id").notNull(),
    segments: integer("segments").notNull(),
    cohort: text("cohort"),
    mode: text("mode").notNull(),
    learners: integer("learners").notNull(),
  },
  (t) => [index("learner_group_count_course_idx").on(t.courseId)],
);

export const courseState = pgTable("course_state", {
  courseId: text("course_id").primaryKey(),
  asOf: text("as_of").notNull(),
  ranges: text("ranges"),
  rangesStale: integer("ranges_stale").notNull().default(1),
});

export const staleSummary = pgTable(
  "stale_summary",
  {
    courseId: text("course_id").notNull(),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] })],
);
