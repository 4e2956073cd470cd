import type { Db } from "../client";
import type { EventKind } from "../schema";
import { read, write, type RowOf } from "../sql";
import { dayOf } from "@/lib/time";
import { DerivedRefresher } from "./derived";

/** An event as the ingest layer produces it (`docs/metrics.md` § The data model). */
export interface NormalisedEvent {
  userId: string;
  courseId: string;
  /** Empty string for course-level events (launches). */
  itemId: string;
  kind: EventKind;
  /** Milliseconds since the epoch, UTC. */
  ts: number;
  success?: boolean | null;
  /** 0–1. */
  score?: number | null;
  durationMs?: number | null;
  goalId?: string | null;
  statementId?: string | null;
}

export interface EventSinkOptions {
  /** Touched learners in one course past which `finish` rebuilds the course whole. */
  perLearnerLimit?: number;
  /**
   * Keep `learner_day` in step event by event (default), or recompute the touched learner-days
   * from their per-item counts on `finish` — what a bulk import wants, since it usually rebuilds
   * the course whole anyway.
   */
  daysOnFinish?: boolean;
}

/** +1 when a count became positive, −1 when it fell to zero, else 0: how a distinct count moves. */
const crossed = (now: number, delta: number): number => (now > 0 ? 1 : 0) - (now - delta > 0 ? 1 : 0);

const INSERT_EVENT = write(
  "events.insert",
  `INSERT INTO events (statement_id, user_id, course_id, item_id, kind, ts, day, success, score, duration_ms, goal_id)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
/**
 * The upserts of the per-item and per-day counts. PostgreSQL sees both the table and `excluded`
 * in DO UPDATE, so an unqualified `events` there is ambiguous: its text names the table
 * (`own`); SQLite's stays unqualified, as it always ran.
 */
const bumpItemDaySql = (own: string) =>
  `INSERT INTO learner_item_day (course_id, user_id, day, item_id, events, attempts, successes, plays, posts)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (course_id, user_id, day, item_id) DO UPDATE SET
     events = ${own}events + excluded.events, attempts = ${own}attempts + excluded.attempts,
     successes = ${own}successes + excluded.successes, plays = ${own}plays + excluded.plays, posts = ${own}posts + excluded.posts
   RETURNING ${own}events, ${own}attempts, ${own}successes, ${own}plays, ${own}posts`;
const bumpDaySql = (own: string) =>
  `INSERT INTO learner_day (course_id, user_id, day, events, problem_attempts, problems_attempted,
     problems_completed, videos_viewed, discussion_contributions)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (course_id, user_id, day) DO UPDATE SET
     events = ${own}events + excluded.events, problem_attempts = ${own}problem_attempts + excluded.problem_attempts,
     problems_attempted = ${own}problems_attempted + excluded.problems_attempted,
     problems_completed = ${own}problems_completed + excluded.problems_completed,
     videos_viewed = ${own}videos_viewed + excluded.videos_viewed,
     discussion_contributions = ${own}discussion_contributions + excluded.discussion_contributions`;
/** Adds an event's counts to its learner-item-day and returns the counts after. */
const BUMP = read(
  "events.bump-item-day",
  bumpItemDaySql(""),
  { events: "int", attempts: "int", successes: "int", plays: "int", posts: "int" },
  { postgres: bumpItemDaySql("learner_item_day.") },
);
const BUMP_DAY = write("events.bump-day", bumpDaySql(""), { postgres: bumpDaySql("learner_day.") });
const PRUNE_ITEM_DAY = write(
  "events.prune-item-day",
  `DELETE FROM learner_item_day WHERE course_id = ? AND user_id = ? AND day = ? AND item_id = ? AND events <= 0`,
);
const PRUNE_DAY = write(
  "events.prune-day",
  `DELETE FROM learner_day WHERE course_id = ? AND user_id = ? AND day = ? AND events <= 0`,
);
const BY_STATEMENT = read(
  "events.by-statement",
  `SELECT course_id, user_id, item_id, kind, day, success FROM events WHERE statement_id = ?`,
  { course_id: "text", user_id: "text", item_id: "text", kind: "text", day: "text", success: "int?" },
);
const DELETE_BY_STATEMENT = write("events.delete-by-statement", `DELETE FROM events WHERE statement_id = ?`);

/** What an event adds to (or, voided, takes from) the derived counts. */
type EventRow = RowOf<typeof BY_STATEMENT.row>;

/**
 * Where every door writes events. It stores each event, keeps `learner_item_day` counts in step
 * (also when a voided statement's events are removed) and with them the learner's `learner_day`
 * row — a distinct count (problems attempted, videos viewed…) moves when an item's count crosses
 * zero — and on `finish()` brings every other derived figure of what it touched up to date.
 * Synchronous: use it inside one open transaction.
 */
export class EventSink {
  private readonly sqlite: Db["$client"];
  private readonly daysOnFinish: boolean;
  readonly refresher: DerivedRefresher;
  count = 0;

  constructor(db: Db, opts: EventSinkOptions = {}) {
    this.sqlite = db.$client;
    this.refresher = new DerivedRefresher(db, opts.perLearnerLimit);
    this.daysOnFinish = opts.daysOnFinish ?? false;
  }

  add(ev: NormalisedEvent): void {
    const day = dayOf(ev.ts);
    INSERT_EVENT.run(
      this.sqlite,
      ev.statementId ?? null,
      ev.userId,
      ev.courseId,
      ev.itemId,
      ev.kind,
      ev.ts,
      day,
      ev.success == null ? null : ev.success ? 1 : 0,
      ev.score ?? null,
      ev.durationMs ?? null,
      ev.goalId ?? null,
    );
    this.apply(
      {
        course_id: ev.courseId,
        user_id: ev.userId,
        item_id: ev.itemId,
        kind: ev.kind,
        day,
        success: ev.success ? 1 : 0,
      },
      1,
    );
    this.count++;
  }

  /** Removes every event a statement contributed (voiding). */
  removeStatement(statementId: string): void {
    const rows = BY_STATEMENT.all(this.sqlite, statementId);
    if (rows.length === 0) return;
    DELETE_BY_STATEMENT.run(this.sqlite, statementId);
    for (const row of rows) this.apply(row, -1);
  }

  /** A change to an enrollment or its user that the roster shows (mode, cohort, name, …). */
  touchLearner(courseId: string, userId: string): void {
    this.refresher.touchLearner(courseId, userId);
  }

  /** A change to a course that is not a learner's (e.g. its catalog), for `last_updated`. */
  touchCourse(courseId: string): void {
    this.refresher.touchCourse(courseId);
  }

  /** Brings every derived figure of what was touched up to date. Call once, before commit. */
  finish(now: Date = new Date()): void {
    this.refresher.flush(now);
  }

  private apply(row: EventRow, sign: 1 | -1): void {
    const attempt = row.kind === "problem_attempt" ? 1 : 0;
    const delta = {
      attempts: sign * attempt,
      successes: sign * (attempt && row.success ? 1 : 0),
      plays: sign * (row.kind === "video_play" ? 1 : 0),
      posts: sign * (row.kind === "discussion_post" ? 1 : 0),
    };
    // An upsert with RETURNING always returns its row.
    const after = BUMP.get(
      this.sqlite,
      row.course_id,
      row.user_id,
      row.day,
      row.item_id,
      sign,
      delta.attempts,
      delta.successes,
      delta.plays,
      delta.posts,
    )!;
    if (this.daysOnFinish || this.refresher.rebuildsWhole(row.course_id)) {
      this.refresher.touchDay(row.course_id, row.user_id, row.day);
      return;
    }
    BUMP_DAY.run(
      this.sqlite,
      row.course_id,
      row.user_id,
      row.day,
      sign,
      delta.attempts,
      crossed(after.attempts, delta.attempts),
      crossed(after.successes, delta.successes),
      crossed(after.plays, delta.plays),
      delta.posts,
    );
    if (sign < 0) {
      if (after.events <= 0) PRUNE_ITEM_DAY.run(this.sqlite, row.course_id, row.user_id, row.day, row.item_id);
      PRUNE_DAY.run(this.sqlite, row.course_id, row.user_id, row.day);
    }
    this.refresher.touchLearner(row.course_id, row.user_id);
  }
}
