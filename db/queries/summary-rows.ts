import type { Db } from "../client";
import { jsonValues, read, type Write, write, writes } from "../sql";

type Sqlite = Db["$client"];

/** The stored values of a summary row (besides its key and `segments`), in the order they are read. */
const VALUE_KINDS = {
  enrollment_id: "text",
  username: "text",
  name: "text",
  email: "text?",
  mode: "text",
  cohort: "text?",
  enrolled_at: "text",
  is_active: "int",
  problems_attempted: "int",
  problems_completed: "int",
  problem_attempts: "int",
  attempt_ratio: "real?",
  attempt_ratio_order: "int",
  videos_viewed: "int",
  discussion_contributions: "int",
  days_active: "int",
  days_active_prev: "int",
  last_active_day: "text?",
} as const;
type Value = keyof typeof VALUE_KINDS;
const VALUES = Object.keys(VALUE_KINDS) as Value[];
/** A learner's summary values, as computed and as stored. */
const ROW = { user_id: "text", ...VALUE_KINDS } as const;

/** The values the segment rules read: when one changes, the row's segments are recomputed. */
const SEGMENT_INPUTS = new Set<Value>([
  "problems_attempted",
  "problems_completed",
  "problem_attempts",
  "videos_viewed",
  "discussion_contributions",
  "days_active",
  "days_active_prev",
  "is_active",
]);

/**
 * The learners of a chunk, a JSON array: SQLite's json_each, PostgreSQL's jsonb_array_elements_text.
 * And a float cast: SQLite's REAL is 8 bytes, PostgreSQL's 4 (its 8-byte float is double precision).
 */
const SQLITE = { users: "SELECT value FROM json_each(@users)", real: "REAL" };
const POSTGRES = { users: jsonValues("@users"), real: "double precision" };
const CHUNK = 1_000;

// The summary values of some enrollments of a course over the default window `[start, end)` and the
// week before it (`prev`). The per-item counts are read learner by learner (index seeks on each
// one's window), never through every day of the course.
const computedSql = ({ users, real }: typeof SQLITE) => `
  SELECT e.user_id, e.id AS enrollment_id, u.username, u.name, u.email, e.mode, e.cohort, e.enrolled_at, e.is_active,
    COALESCE(w.attempted, 0) AS problems_attempted, COALESCE(w.completed, 0) AS problems_completed,
    COALESCE(w.attempts, 0) AS problem_attempts,
    CASE WHEN w.completed > 0 THEN CAST(w.attempts AS ${real}) / w.completed END AS attempt_ratio,
    CASE WHEN w.completed > 0 THEN w.attempts ELSE -COALESCE(w.attempts, 0) END AS attempt_ratio_order,
    COALESCE(w.videos, 0) AS videos_viewed, COALESCE(w.posts, 0) AS discussion_contributions,
    COALESCE(d.cur, 0) AS days_active, COALESCE(d.prev, 0) AS days_active_prev,
    (SELECT MAX(x.day) FROM learner_day x WHERE x.course_id = e.course_id AND x.user_id = e.user_id) AS last_active_day
  FROM enrollments e
  JOIN users u ON u.id = e.user_id
  LEFT JOIN (
    SELECT user_id,
      COUNT(DISTINCT CASE WHEN attempts > 0 THEN item_id END) AS attempted,
      COUNT(DISTINCT CASE WHEN successes > 0 THEN item_id END) AS completed,
      SUM(attempts) AS attempts,
      COUNT(DISTINCT CASE WHEN plays > 0 THEN item_id END) AS videos,
      SUM(posts) AS posts
    FROM learner_item_day
    WHERE course_id = @course AND user_id IN (${users}) AND day >= @start AND day < @end
    GROUP BY user_id
  ) w ON w.user_id = e.user_id
  LEFT JOIN (
    SELECT user_id,
      SUM(CASE WHEN day >= @start THEN 1 ELSE 0 END) AS cur,
      SUM(CASE WHEN day < @start THEN 1 ELSE 0 END) AS prev
    FROM learner_day
    WHERE course_id = @course AND user_id IN (${users}) AND day >= @prevStart AND day < @end
    GROUP BY user_id
  ) d ON d.user_id = e.user_id
  WHERE e.course_id = @course AND e.user_id IN (${users})`;
const SELECT = read("summary-rows.computed", computedSql(SQLITE), ROW, { postgres: computedSql(POSTGRES) });
const storedSql = ({ users }: typeof SQLITE) =>
  `SELECT user_id, ${VALUES.join(", ")} FROM learner_summary WHERE course_id = @course AND user_id IN (${users})`;
const STORED = read("summary-rows.stored", storedSql(SQLITE), ROW, { postgres: storedSql(POSTGRES) });
const INSERT = write(
  "summary-rows.insert",
  `INSERT INTO learner_summary (course_id, user_id, ${VALUES.join(", ")}, segments)
   VALUES (@course, @user_id, ${VALUES.map((c) => `@${c}`).join(", ")}, NULL)`,
);
const REMOVE = write("summary-rows.remove", `DELETE FROM learner_summary WHERE course_id = ? AND user_id = ?`);
/** The changed values of a row; a change to a segment rule's input clears its segments. */
const UPDATE = writes(
  "summary-rows.update",
  (columns: readonly Value[]) => {
    const stale = columns.some((c) => SEGMENT_INPUTS.has(c)) ? ", segments = NULL" : "";
    return `UPDATE learner_summary SET ${columns.map((c) => `${c} = @${c}`).join(", ")}${stale}
         WHERE course_id = @course AND user_id = @user_id`;
  },
  [["username"], VALUES],
);
const NEXT_ENROLLED = read(
  "summary-rows.next-enrolled",
  `SELECT user_id FROM enrollments WHERE course_id = ? AND user_id > ? ORDER BY user_id LIMIT ${CHUNK}`,
  { user_id: "text" },
);
const REMOVE_GONE = write(
  "summary-rows.remove-gone",
  `DELETE FROM learner_summary WHERE course_id = ? AND user_id NOT IN (SELECT user_id FROM enrollments WHERE course_id = ?)`,
);

/** Course, default window and the week before it, as SELECT binds them. */
export interface SummaryWindow {
  course: string;
  start: string;
  end: string;
  prevStart: string;
}

/**
 * Writes `learner_summary` rows, touching only what changed: a new enrollment is inserted, a
 * gone one deleted, and a row whose values changed gets an UPDATE of exactly those columns. Every
 * roster sort has an index on this table (db/schema/derived.ts), and SQLite rewrites each index
 * whose columns an UPDATE sets, so this keeps an ingest or a new as-of day from rewriting ~20
 * index entries for each learner it touches. Learners are handled a chunk at a time, so memory
 * stays bounded.
 */
export class SummaryWriter {
  private readonly updates = new Map<string, Write>();

  constructor(private readonly s: Sqlite) {}

  /** Brings the summaries of these learners of a course up to date. */
  refresh(window: SummaryWindow, userIds: Iterable<string>): void {
    let chunk: string[] = [];
    for (const id of userIds) {
      chunk.push(id);
      if (chunk.length === CHUNK) {
        this.refreshChunk(window, chunk);
        chunk = [];
      }
    }
    if (chunk.length) this.refreshChunk(window, chunk);
  }

  /** Brings every summary of a course up to date: each enrollment's, and none for a gone one. */
  refreshCourse(window: SummaryWindow): void {
    for (
      let chunk = NEXT_ENROLLED.column(this.s, "user_id", window.course, "");
      chunk.length;
      chunk = NEXT_ENROLLED.column(this.s, "user_id", window.course, chunk.at(-1))
    ) {
      this.refreshChunk(window, chunk);
    }
    REMOVE_GONE.run(this.s, window.course, window.course);
  }

  private refreshChunk(window: SummaryWindow, userIds: string[]): void {
    const params = { ...window, users: JSON.stringify(userIds) };
    const stored = new Map(STORED.all(this.s, params).map((r) => [r.user_id, r]));
    for (const row of SELECT.all(this.s, params)) {
      const old = stored.get(row.user_id);
      stored.delete(row.user_id);
      if (!old) {
        INSERT.run(this.s, { ...row, course: window.course });
        continue;
      }
      const changed = VALUES.filter((c) => old[c] !== row[c]);
      if (changed.length) this.update(changed).run(this.s, { ...row, course: window.course });
    }
    for (const gone of stored.keys()) REMOVE.run(this.s, window.course, gone);
  }

  /** The UPDATE of these columns, made once per writer. */
  private update(columns: readonly Value[]): Write {
    const key = columns.join(",");
    let stmt = this.updates.get(key);
    if (!stmt) this.updates.set(key, (stmt = UPDATE(columns)));
    return stmt;
  }
}
