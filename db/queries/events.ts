import type { Statement } from "better-sqlite3";
import type { Db } from "../client";
import type { EventKind } from "../schema";
import { dayOf } from "@/lib/time";
import { DerivedRefresher } from "./derived";

/** An event as the ingest layer produces it (`domain.md` § event). */
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

interface EventRow {
  course_id: string;
  user_id: string;
  item_id: string;
  kind: EventKind;
  day: string;
  success: number | null;
}

/**
 * Where every door writes events. It stores each event, keeps `learner_item_day` counts in step
 * (also when a voided statement's events are removed), and on `finish()` brings every derived
 * figure of what it touched up to date. Synchronous: use it inside one open transaction.
 */
export class EventSink {
  private readonly sqlite: Db["$client"];
  private readonly insertEvent: Statement;
  private readonly bump: Statement;
  private readonly selectByStatement: Statement;
  private readonly deleteByStatement: Statement;
  readonly refresher: DerivedRefresher;
  count = 0;

  /** `perLearnerLimit`: touched learners in one course past which `finish` rebuilds the course whole. */
  constructor(db: Db, opts: { perLearnerLimit?: number } = {}) {
    this.sqlite = db.$client;
    this.refresher = new DerivedRefresher(db, opts.perLearnerLimit);
    this.insertEvent = this.sqlite.prepare(
      `INSERT INTO events (statement_id, user_id, course_id, item_id, kind, ts, day, success, score, duration_ms, goal_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.bump = this.sqlite.prepare(
      `INSERT INTO learner_item_day (course_id, user_id, day, item_id, events, attempts, successes, plays, posts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (course_id, user_id, day, item_id) DO UPDATE SET
         events = events + excluded.events, attempts = attempts + excluded.attempts,
         successes = successes + excluded.successes, plays = plays + excluded.plays, posts = posts + excluded.posts`,
    );
    this.selectByStatement = this.sqlite.prepare(
      `SELECT course_id, user_id, item_id, kind, day, success FROM events WHERE statement_id = ?`,
    );
    this.deleteByStatement = this.sqlite.prepare(`DELETE FROM events WHERE statement_id = ?`);
  }

  add(ev: NormalisedEvent): void {
    const day = dayOf(ev.ts);
    this.insertEvent.run(
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
    this.apply({ course_id: ev.courseId, user_id: ev.userId, item_id: ev.itemId, kind: ev.kind, day, success: ev.success ? 1 : 0 }, 1);
    this.count++;
  }

  /** Removes every event a statement contributed (voiding). */
  removeStatement(statementId: string): void {
    const rows = this.selectByStatement.all(statementId) as EventRow[];
    if (rows.length === 0) return;
    this.deleteByStatement.run(statementId);
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
    this.bump.run(
      row.course_id,
      row.user_id,
      row.day,
      row.item_id,
      sign,
      sign * attempt,
      sign * (attempt && row.success ? 1 : 0),
      sign * (row.kind === "video_play" ? 1 : 0),
      sign * (row.kind === "discussion_post" ? 1 : 0),
    );
    this.refresher.touchDay(row.course_id, row.user_id, row.day);
  }
}
