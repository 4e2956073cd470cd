import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./org";

export const courses = sqliteTable("courses", {
  id: text("id").primaryKey(),
  title: text("title").notNull().default(""),
  startsAt: text("starts_at"),
  endsAt: text("ends_at"),
  passingScore: real("passing_score"),
  /** Time of the latest ingest that touched the course (edX `last_updated`). */
  lastUpdatedAt: text("last_updated_at"),
});

export const STAFF_ROLES = ["instructor", "staff"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const courseStaff = sqliteTable(
  "course_staff",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index("course_staff_user_idx").on(t.userId)],
);

export const cohorts = sqliteTable(
  "cohorts",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.name] })],
);

export const COMPLETION_STATUSES = [
  "not_started",
  "in_progress",
  "pending",
  "complete",
  "passed",
  "accepted",
  "incomplete",
  "failed",
  "declined",
] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const enrollments = sqliteTable(
  "enrollments",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode").notNull().default("audit"),
    cohort: text("cohort"),
    enrolledAt: text("enrolled_at").notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    unenrolledAt: text("unenrolled_at"),
    accessDate: text("access_date"),
    dueDate: text("due_date"),
    expirationDate: text("expiration_date"),
    completionStatus: text("completion_status", { enum: COMPLETION_STATUSES }),
    completedAt: text("completed_at"),
    score: real("score"),
  },
  (t) => [
    uniqueIndex("enrollments_course_user_uq").on(t.courseId, t.userId),
    index("enrollments_user_idx").on(t.userId),
    index("enrollments_course_enrolled_idx").on(t.courseId, t.enrolledAt, t.id),
  ],
);

export const objectives = sqliteTable("objectives", {
  id: text("id").primaryKey(),
  name: text("name").notNull().default(""),
});

export const items = sqliteTable(
  "items",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull().default(""),
    position: integer("position"),
    mandatory: integer("mandatory", { mode: "boolean" }).notNull().default(true),
    dueAt: text("due_at"),
    dueAfterDays: integer("due_after_days"),
    minScore: real("min_score"),
    maxAttempts: integer("max_attempts"),
    requiresCorrection: integer("requires_correction", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.id] })],
);

export const itemObjectives = sqliteTable(
  "item_objectives",
  {
    courseId: text("course_id").notNull(),
    itemId: text("item_id").notNull(),
    objectiveId: text("objective_id")
      .notNull()
      .references(() => objectives.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.itemId, t.objectiveId] }),
    index("item_objectives_objective_idx").on(t.objectiveId),
  ],
);

export const goals = sqliteTable(
  "goals",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** `objective` or `item`: a goal's targets are one kind or the other. */
    targetKind: text("target_kind", { enum: ["objective", "item"] }).notNull(),
    /** JSON array of target ids. */
    targets: text("targets", { mode: "json" }).$type<string[]>().notNull(),
    /** JSON array of `{topic_id, targets}`. */
    topics: text("topics", { mode: "json" }).$type<{ topic_id: string; targets: string[] }[]>(),
    minPredictedMastery: real("min_predicted_mastery").notNull().default(0.95),
    /** Streak criterion: the last N graded answers on an objective target correct; null for none. */
    minConsecutiveCorrect: integer("min_consecutive_correct"),
    minWorkPerTarget: integer("min_work_per_target").notNull().default(0),
    maxWorkOnGoal: integer("max_work_on_goal"),
  },
  (t) => [index("goals_course_idx").on(t.courseId)],
);

export type Course = typeof courses.$inferSelect;
export type Enrollment = typeof enrollments.$inferSelect;
export type Item = typeof items.$inferSelect;
export type Goal = typeof goals.$inferSelect;
