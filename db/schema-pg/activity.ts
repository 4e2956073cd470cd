import { sql } from "drizzle-orm";
import { bigint, doublePrecision, index, integer, pgTable } from "drizzle-orm/pg-core";
import type { EventKind } from "../schema/activity";
import { text } from "./text";

// The PostgreSQL twin of db/schema/activity.ts.

export const statements = pgTable(
  "statements",
  {
    id: text("id").primaryKey(),
    raw: text("raw").notNull(),
    stored: text("stored").notNull(),
    authority: text("authority"),
    verb: text("verb").notNull(),
    voided: integer("voided").notNull().default(0),
    voidsId: text("voids_id"),
  },
  (t) => [index("statements_voids_idx").on(t.voidsId)],
);

export const events = pgTable(
  "events",
  {
    // By default, not always: a copy from SQLite (issue 18 § 4) keeps its ids, as AUTOINCREMENT allows.
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    statementId: text("statement_id"),
    userId: text("user_id").notNull(),
    courseId: text("course_id").notNull(),
    itemId: text("item_id").notNull().default(""),
    kind: text("kind").$type<EventKind>().notNull(),
    /** Milliseconds since the epoch: past 2^31 since 1970-01-25, hence bigint. */
    ts: bigint("ts", { mode: "number" }).notNull(),
    day: text("day").notNull(),
    success: integer("success"),
    score: doublePrecision("score"),
    /** Milliseconds; an xAPI duration is unbounded, and 2^31 ms is under 25 days. */
    durationMs: bigint("duration_ms", { mode: "number" }),
    goalId: text("goal_id"),
  },
  (t) => [
    index("events_course_user_ts_idx").on(t.courseId, t.userId, t.ts),
    index("events_statement_idx").on(t.statementId),
    // The same partial covering indexes as SQLite's. PostgreSQL could INCLUDE the trailing columns
    // instead; keys keep the definitions identical, and an index-only scan serves either way.
    index("events_graded_idx")
      .on(t.userId, t.ts, t.courseId, t.itemId, t.success, t.kind)
      .where(sql`${t.kind} = 'problem_attempt' AND ${t.success} IS NOT NULL`),
    index("events_goal_idx")
      .on(t.courseId, t.userId, t.goalId, t.itemId, t.kind, t.success)
      .where(sql`${t.goalId} IS NOT NULL`),
  ],
);
