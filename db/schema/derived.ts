import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Derived tables. They are maintained when data arrives (lib/analytics/derived.ts) so that no
 * read recomputes a figure from raw events.
 */

/** Per learner, course, item and UTC day: the counts the engagement metrics are built from. */
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

/** Per learner, course and UTC day: the per-day engagement values of `domain.md` (the timeline). */
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
  (t) => [primaryKey({ columns: [t.courseId, t.userId, t.day] }), index("learner_day_course_day_idx").on(t.courseId, t.day)],
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
    /** `attempt_ratio_order` of domain.md: attempts when the ratio is set, else −attempts. */
    attemptRatioOrder: integer("attempt_ratio_order").notNull().default(0),
    videosViewed: integer("videos_viewed").notNull().default(0),
    discussionContributions: integer("discussion_contributions").notNull().default(0),
    daysActive: integer("days_active").notNull().default(0),
    /** Days active in [as_of − 14, as_of − 7). */
    daysActivePrev: integer("days_active_prev").notNull().default(0),
    lastActiveDay: text("last_active_day"),
    /** Bit set of segments (lib/analytics/segments.ts); null while it needs recomputing. */
    segments: integer("segments"),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index("learner_summary_username_idx").on(t.courseId, t.username),
    index("learner_summary_segments_idx").on(t.courseId, t.segments),
  ],
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
