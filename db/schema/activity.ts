import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every xAPI statement received, stored unchanged (`raw`), with `stored` and `authority` as served back. */
export const statements = sqliteTable(
  "statements",
  {
    id: text("id").primaryKey(),
    raw: text("raw").notNull(),
    stored: text("stored").notNull(),
    authority: text("authority"),
    verb: text("verb").notNull(),
    voided: integer("voided", { mode: "boolean" }).notNull().default(false),
    /** For a voiding statement: the id it voids. */
    voidsId: text("voids_id"),
  },
  (t) => [index("statements_voids_idx").on(t.voidsId)],
);

export const EVENT_KINDS = [
  "problem_attempt",
  "video_play",
  "discussion_post",
  "course_launch",
  "item_completed",
  "item_submitted",
  "item_scored",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One learner action, normalised from a statement or a graded event (`docs/import-format.md`). */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    statementId: text("statement_id"),
    userId: text("user_id").notNull(),
    courseId: text("course_id").notNull(),
    /** Empty string for course-level events (launches). */
    itemId: text("item_id").notNull().default(""),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    /** Milliseconds since the epoch, UTC. */
    ts: integer("ts").notNull(),
    /** UTC calendar day of `ts`, `YYYY-MM-DD`. */
    day: text("day").notNull(),
    success: integer("success", { mode: "boolean" }),
    score: real("score"),
    durationMs: integer("duration_ms"),
    goalId: text("goal_id"),
  },
  (t) => [
    index("events_course_user_ts_idx").on(t.courseId, t.userId, t.ts),
    // No (user_id, ts) index: every read by learner alone is of graded attempts, which
    // events_graded_idx covers; one B-tree fewer for every event written.
    index("events_statement_idx").on(t.statementId),
    // Covering indexes of status and progress, which reads a page of learners' graded attempts
    // (the mastery model's input) and their goal-scoped work without touching the table's rows.
    // `kind` is in both although implied: SQLite reads the row for any column its condition names.
    index("events_graded_idx")
      .on(t.userId, t.ts, t.courseId, t.itemId, t.success, t.kind)
      .where(sql`${t.kind} = 'problem_attempt' AND ${t.success} IS NOT NULL`),
    index("events_goal_idx")
      .on(t.courseId, t.userId, t.goalId, t.itemId, t.kind, t.success)
      .where(sql`${t.goalId} IS NOT NULL`),
  ],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
