import { doublePrecision, index, integer, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import type { CompletionStatus, StaffRole } from "../schema/courses";
import { users } from "./org";
import { text } from "./text";

// The PostgreSQL twin of db/schema/courses.ts. Booleans are integer 0/1 as on SQLite, so one SQL
// text (`is_active = 1`, `sum(mandatory)`) serves both engines; JSON stays text.

export const courses = pgTable("courses", {
  id: text("id").primaryKey(),
  title: text("title").notNull().default(""),
  startsAt: text("starts_at"),
  endsAt: text("ends_at"),
  passingScore: doublePrecision("passing_score"),
  lastUpdatedAt: text("last_updated_at"),
});

export const courseStaff = pgTable(
  "course_staff",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<StaffRole>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index("course_staff_user_idx").on(t.userId)],
);

export const cohorts = pgTable(
  "cohorts",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.name] })],
);

export const enrollments = pgTable(
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
    isActive: integer("is_active").notNull().default(1),
    unenrolledAt: text("unenrolled_at"),
    accessDate: text("access_date"),
    dueDate: text("due_date"),
    expirationDate: text("expiration_date"),
    completionStatus: text("completion_status").$type<CompletionStatus>(),
    completedAt: text("completed_at"),
    score: doublePrecision("score"),
  },
  (t) => [
    uniqueIndex("enrollments_course_user_uq").on(t.courseId, t.userId),
    index("enrollments_user_idx").on(t.userId),
    index("enrollments_course_enrolled_idx").on(t.courseId, t.enrolledAt, t.id),
  ],
);

export const objectives = pgTable("objectives", {
  id: text("id").primaryKey(),
  name: text("name").notNull().default(""),
});

export const items = pgTable(
  "items",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull().default(""),
    position: integer("position"),
    mandatory: integer("mandatory").notNull().default(1),
    dueAt: text("due_at"),
    dueAfterDays: integer("due_after_days"),
    minScore: doublePrecision("min_score"),
    maxAttempts: integer("max_attempts"),
    requiresCorrection: integer("requires_correction").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.id] })],
);

export const itemObjectives = pgTable(
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

export const goals = pgTable(
  "goals",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    targetKind: text("target_kind").$type<"objective" | "item">().notNull(),
    /** JSON array of target ids, as text (as on SQLite). */
    targets: text("targets").notNull(),
    topics: text("topics"),
    minPredictedMastery: doublePrecision("min_predicted_mastery").notNull().default(0.95),
    minConsecutiveCorrect: integer("min_consecutive_correct"),
    minWorkPerTarget: integer("min_work_per_target").notNull().default(0),
    maxWorkOnGoal: integer("max_work_on_goal"),
  },
  (t) => [index("goals_course_idx").on(t.courseId)],
);
