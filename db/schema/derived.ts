import { sql, type SQL } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, type SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Derived tables. They are maintained when data arrives (lib/analytics/derived.ts) so that no
 * read recomputes a figure from raw events.
 */

/**
 * Per learner, course, item and UTC day: the counts the engagement metrics are built from.
 * WITHOUT ROWID (migration 0008; drizzle's schema cannot say so): the key is the table, so an
 * event's upsert writes one B-tree rather than an index and a table, and one learner's days lie
 * together for the window reads. The same for `learner_day` and `stale_summary`.
 */
export const learnerItemDay = sqliteTable(
  "learner_item_day",
  {
    courseId: text("course_id").notNull(),
    userId: text("user_id").notNull(),
    day: text("day").notNull(),
    /** Empty string for course-level events. */
    itemId: text("item_id").notNull(),
    events: integer("events").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    successes: integer("successes").notNull().default(0),
    plays: integer("plays").notNull().default(0),
    posts: integer("posts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId, t.day, t.itemId] })],
);

/** Per learner, course and UTC day: the per-day engagement values of `docs/metrics.md` (the timeline). */
export const learnerDay = sqliteTable(
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
 * One row per enrollment: the learner's figures over the course's default window at `course_state.as_of`,
 * with the user and enrollment fields the roster sorts and filters on, so a roster read touches one table.
 */
export const learnerSummary = sqliteTable(
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
    isActive: integer("is_active", { mode: "boolean" }).notNull(),
    problemsAttempted: integer("problems_attempted").notNull().default(0),
    problemsCompleted: integer("problems_completed").notNull().default(0),
    problemAttempts: integer("problem_attempts").notNull().default(0),
    /** problem_attempts / problems_completed; null when nothing completed. */
    attemptRatio: real("attempt_ratio"),
    /** `attempt_ratio_order` of docs/metrics.md: attempts when the ratio is set, else −attempts. */
    attemptRatioOrder: integer("attempt_ratio_order").notNull().default(0),
    videosViewed: integer("videos_viewed").notNull().default(0),
    discussionContributions: integer("discussion_contributions").notNull().default(0),
    daysActive: integer("days_active").notNull().default(0),
    /** Days active in [as_of − 14, as_of − 7). */
    daysActivePrev: integer("days_active_prev").notNull().default(0),
    lastActiveDay: text("last_active_day"),
    /** Bit set of segments (lib/analytics/segments.ts); null while it needs recomputing. */
    segments: integer("segments"),
    /** The UTC date of `enrolled_at` (stored normalised to `…Z`): the roster's `enrollment_date` sort key. */
    enrollmentDay: text("enrollment_day").generatedAlwaysAs(sql`substr(enrolled_at, 1, 10)`, { mode: "virtual" }),
    /**
     * Sort key for email: a missing email becomes a BLOB, which SQLite orders after every text,
     * so nulls come last ascending and first descending (docs/edx-api.md) with a plain index.
     */
    emailSort: text("email_sort").generatedAlwaysAs(sql`coalesce(email, x'')`, { mode: "virtual" }),
    /** Sort key for the ratio: null (nothing completed) as +∞, last ascending and first descending. */
    ratioSort: real("ratio_sort").generatedAlwaysAs(sql`coalesce(attempt_ratio, 9e999)`, { mode: "virtual" }),
    /**
     * 1 for a learner without attempts (no ratio at all), else 0: the ratio sort's first key,
     * ascending in both directions, so such learners come last whichever way it runs (docs/edx-api.md).
     */
    ratioMissing: integer("ratio_missing").generatedAlwaysAs(sql`problem_attempts = 0`, { mode: "virtual" }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    // Covers the search's check of terms too short for the trigram index (learners/text-search.ts).
    index("learner_summary_username_idx").on(t.courseId, t.username, t.name, t.email),
    index("learner_summary_segments_idx").on(t.courseId, t.segments),
    index("learner_summary_cohort_idx").on(t.courseId, t.cohort, t.mode),
    index("learner_summary_mode_idx").on(t.courseId, t.mode),
    // Every roster sort (docs/edx-api.md) in both directions, each ending with username ascending, so a
    // page is read off an index in order whatever the direction.
    ...sortIndexes("email", [t.emailSort], t.username, t.courseId),
    ...sortIndexes("name", [t.name], t.username, t.courseId),
    ...sortIndexes("enrollment_day", [t.enrollmentDay], t.username, t.courseId),
    ...sortIndexes("discussion_contributions", [t.discussionContributions], t.username, t.courseId),
    ...sortIndexes("problems_attempted", [t.problemsAttempted], t.username, t.courseId),
    ...sortIndexes("problems_completed", [t.problemsCompleted], t.username, t.courseId),
    ...sortIndexes("videos_viewed", [t.videosViewed], t.username, t.courseId),
    // Learners without attempts last in both directions; ratio ties break on attempt_ratio_order
    // in the opposite direction.
    ...sortIndexes("ratio", [fixed(t.ratioMissing), t.ratioSort, flip(t.attemptRatioOrder)], t.username, t.courseId),
  ],
);

/** A key sorted with the order, against it (`flipped`), or ascending whichever the order (`fixed`). */
type Keyed = SQLiteColumn | { flipped: SQLiteColumn } | { fixed: SQLiteColumn };
const flip = (column: SQLiteColumn): Keyed => ({ flipped: column });
const fixed = (column: SQLiteColumn): Keyed => ({ fixed: column });
const asc = (k: Keyed): SQLiteColumn | SQL => ("flipped" in k ? sql`${k.flipped} desc` : "fixed" in k ? k.fixed : k);
const desc = (k: Keyed): SQLiteColumn | SQL => ("flipped" in k ? k.flipped : "fixed" in k ? k.fixed : sql`${k} desc`);

/** The ascending and descending index of one roster sort: `(course, keys…, username)`. */
function sortIndexes(name: string, keys: Keyed[], username: SQLiteColumn, courseId: SQLiteColumn) {
  return [
    index(`learner_summary_${name}_asc_idx`).on(courseId, ...keys.map(asc), username),
    index(`learner_summary_${name}_desc_idx`).on(courseId, ...keys.map(desc), username),
  ];
}

/**
 * A stable integer key per user for the search index (`user_search`, an FTS5 trigram table over
 * username, name and email kept in step by triggers on `users`; see the custom migration). The
 * users table's own rowid is not stable across VACUUM, so it cannot key the index.
 */
export const userSearchKey = sqliteTable("user_search_key", {
  id: integer("id").primaryKey(),
  userId: text("user_id").notNull().unique(),
});

/**
 * Learners of a course per (segments, cohort, mode) combination, written with the ranges in
 * `ensureCourseFresh` and valid while `course_state.ranges_stale` is 0: exact roster counts for
 * any segment/cohort/mode filter, and the course metadata, without scanning the roster.
 */
export const learnerGroupCount = sqliteTable(
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

/** Per course: which as-of day the summaries are for, and the cached engagement ranges. */
export const courseState = sqliteTable("course_state", {
  courseId: text("course_id").primaryKey(),
  /** The as-of day `learner_summary` was computed for; a different as-of day forces a rebuild. */
  asOf: text("as_of").notNull(),
  /** JSON of the engagement ranges (lib/analytics/ranges.ts) last computed. */
  ranges: text("ranges"),
  /** Set when summaries changed since `ranges` was computed. */
  rangesStale: integer("ranges_stale", { mode: "boolean" }).notNull().default(true),
});

/**
 * Learners whose `learner_summary` row is behind their activity: written (cheaply) by the write
 * that touched them, and brought up to date — set-based, all of a course's at once — by the next
 * read of that course (`ensureCourseFresh`). Keeps the roster's wide, index-heavy rows out of
 * every write transaction: a stream of xAPI batches pays for each summary once, not per batch.
 */
export const staleSummary = sqliteTable(
  "stale_summary",
  {
    courseId: text("course_id").notNull(),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] })],
);
