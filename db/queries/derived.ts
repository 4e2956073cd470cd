import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { courses, courseState } from "../schema";
import { read, write } from "../sql";
import { asOfDay } from "@/lib/env";
import { addDays, defaultWindow } from "@/lib/time";
import { engagementRangesOf, type EngagementRanges } from "@/lib/analytics/ranges";
import { maskOf, segmentsOf } from "@/lib/analytics/segments";
import { writeGroupCounts } from "./learners/group-counts";
import { SummaryWriter } from "./summary-rows";

type Sqlite = Db["$client"];

/** Past this many touched learners in one course, a flush rebuilds the course instead of row by row. */
const PER_LEARNER_LIMIT = 5_000;

// Per-day values from the per-item counts; `{where}` narrows to one learner-day or a whole course.
const learnerDaySql = (where: string) => `
  INSERT INTO learner_day (course_id, user_id, day, events, problem_attempts, problems_attempted,
    problems_completed, videos_viewed, discussion_contributions)
  SELECT course_id, user_id, day, SUM(events), SUM(attempts),
    COUNT(CASE WHEN attempts > 0 THEN 1 END), COUNT(CASE WHEN successes > 0 THEN 1 END),
    COUNT(CASE WHEN plays > 0 THEN 1 END), SUM(posts)
  FROM learner_item_day WHERE ${where}
  GROUP BY course_id, user_id, day`;
const COURSE_DAYS = write("derived.course-days", learnerDaySql("course_id = ?"));
const LEARNER_DAY = write("derived.learner-day", learnerDaySql("course_id = ? AND user_id = ? AND day = ?"));

const PRUNE_COURSE_ITEM_DAYS = write(
  "derived.prune-course-item-days",
  `DELETE FROM learner_item_day WHERE course_id = ? AND events <= 0`,
);
const DROP_COURSE_DAYS = write("derived.drop-course-days", `DELETE FROM learner_day WHERE course_id = ?`);
const PRUNE_ITEM_DAY = write(
  "derived.prune-item-day",
  `DELETE FROM learner_item_day WHERE course_id = ? AND user_id = ? AND day = ? AND events <= 0`,
);
const DROP_DAY = write("derived.drop-day", `DELETE FROM learner_day WHERE course_id = ? AND user_id = ? AND day = ?`);

const STALE_USERS = read("derived.stale-users", `SELECT user_id FROM stale_summary WHERE course_id = ?`, {
  user_id: "text",
});
const MARK_STALE = write(
  "derived.mark-stale",
  `INSERT OR IGNORE INTO stale_summary (course_id, user_id) VALUES (?, ?)`,
  {
    // Only the key can conflict (both columns are NOT NULL and given), so DO NOTHING is OR IGNORE.
    postgres: `INSERT INTO stale_summary (course_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
  },
);
const CLEAR_STALE = write("derived.clear-stale", `DELETE FROM stale_summary WHERE course_id = ?`);

const STATE = read(
  "derived.state",
  `SELECT as_of AS asOf, ranges, ranges_stale AS rangesStale FROM course_state WHERE course_id = ?`,
  { asOf: "text", ranges: "text?", rangesStale: "int" },
);
const SET_STATE = write(
  "derived.set-state",
  `INSERT INTO course_state (course_id, as_of, ranges_stale) VALUES (?, ?, 1)
     ON CONFLICT (course_id) DO UPDATE SET as_of = excluded.as_of, ranges_stale = 1`,
);
const SET_RANGES = write(
  "derived.set-ranges",
  `UPDATE course_state SET ranges = ?, ranges_stale = 0 WHERE course_id = ?`,
);

const FIGURES = read(
  "derived.figures",
  `SELECT user_id AS userId, problems_attempted AS problemsAttempted,
  problems_completed AS problemsCompleted, problem_attempts AS problemAttempts, videos_viewed AS videosViewed,
  discussion_contributions AS discussionContributions, days_active AS daysActive,
  days_active_prev AS daysActivePrev, is_active AS isActive, segments, cohort, mode
  FROM learner_summary WHERE course_id = ?`,
  {
    userId: "text",
    problemsAttempted: "int",
    problemsCompleted: "int",
    problemAttempts: "int",
    videosViewed: "int",
    discussionContributions: "int",
    daysActive: "int",
    daysActivePrev: "int",
    isActive: "int",
    segments: "int?",
    cohort: "text?",
    mode: "text",
  },
);
const SET_SEGMENTS = write(
  "derived.set-segments",
  `UPDATE learner_summary SET segments = ? WHERE course_id = ? AND user_id = ?`,
);

const windowParams = (courseId: string, asOf: string) => {
  const w = defaultWindow(asOf);
  return { course: courseId, start: w.start, end: w.end, prevStart: addDays(asOf, -14) };
};

/** Rebuilds every derived row of one course from its per-item counts. */
export function rebuildCourse(db: Db, courseId: string, asOf: string): void {
  const s = db.$client;
  PRUNE_COURSE_ITEM_DAYS.run(s, courseId);
  DROP_COURSE_DAYS.run(s, courseId);
  COURSE_DAYS.run(s, courseId);
  rebuildSummary(s, courseId, asOf);
}

function rebuildSummary(s: Sqlite, courseId: string, asOf: string): void {
  new SummaryWriter(s).refreshCourse(windowParams(courseId, asOf));
  CLEAR_STALE.run(s, courseId);
  SET_STATE.run(s, courseId, asOf);
}

/**
 * Brings the summaries of a course's learners marked stale (`stale_summary`) up to date, all in
 * one set-based pass. Inside the caller's write transaction.
 */
function refreshStaleSummaries(s: Sqlite, courseId: string, asOf: string): void {
  const users = STALE_USERS.column(s, "user_id", courseId);
  if (users.length === 0) return;
  new SummaryWriter(s).refresh(windowParams(courseId, asOf), users);
  CLEAR_STALE.run(s, courseId);
}

/**
 * Collects what a write touched and, on `flush`: recomputes the touched learner-days (those the
 * sink did not keep in step itself), stamps the courses' `last_updated`, and marks the touched
 * learners' summaries stale and the courses' ranges for recomputing — both done by the next read
 * (`ensureCourseFresh`). Memory stays bounded: a course with more than PER_LEARNER_LIMIT touched
 * learners is rebuilt whole.
 */
export class DerivedRefresher {
  private readonly s: Sqlite;
  private readonly days = new Map<string, Map<string, Set<string>>>(); // course → user → days
  private readonly learners = new Map<string, Set<string>>(); // course → users
  private readonly whole = new Set<string>();
  private readonly courses = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly perLearnerLimit = PER_LEARNER_LIMIT,
  ) {
    this.s = db.$client;
  }

  touchCourse(courseId: string): void {
    this.courses.add(courseId);
  }

  touchLearner(courseId: string, userId: string): void {
    this.courses.add(courseId);
    if (this.whole.has(courseId)) return;
    let set = this.learners.get(courseId);
    if (!set) this.learners.set(courseId, (set = new Set()));
    set.add(userId);
    if (set.size > this.perLearnerLimit) this.goWhole(courseId);
  }

  /** Whether `flush` rebuilds this course whole (too many learners touched): per-row upkeep is wasted on it. */
  rebuildsWhole(courseId: string): boolean {
    return this.whole.has(courseId);
  }

  touchDay(courseId: string, userId: string, day: string): void {
    this.touchLearner(courseId, userId);
    if (this.whole.has(courseId)) return;
    let byUser = this.days.get(courseId);
    if (!byUser) this.days.set(courseId, (byUser = new Map()));
    let set = byUser.get(userId);
    if (!set) byUser.set(userId, (set = new Set()));
    set.add(day);
  }

  flush(now: Date = new Date()): void {
    const asOf = asOfDay();
    for (const courseId of this.whole) rebuildCourse(this.db, courseId, asOf);
    this.refreshDays();
    this.markLearners(asOf);
    for (const courseId of this.courses) {
      const previous = this.db
        .select({ at: courses.lastUpdatedAt })
        .from(courses)
        .where(eq(courses.id, courseId))
        .get();
      // Every write moves the stamp on, by a millisecond at least: caches keyed on it (the course
      // trend, the goal results) must see two writes within one millisecond as two.
      const before = Date.parse(previous?.at ?? "");
      const at = before >= now.getTime() ? new Date(before + 1) : now;
      this.db.update(courses).set({ lastUpdatedAt: at.toISOString() }).where(eq(courses.id, courseId)).run();
      this.db.update(courseState).set({ rangesStale: true }).where(eq(courseState.courseId, courseId)).run();
    }
    this.days.clear();
    this.learners.clear();
    this.whole.clear();
    this.courses.clear();
  }

  private goWhole(courseId: string): void {
    this.whole.add(courseId);
    this.days.delete(courseId);
    this.learners.delete(courseId);
  }

  private refreshDays(): void {
    for (const [courseId, byUser] of this.days) {
      for (const [userId, days] of byUser) {
        for (const day of days) {
          PRUNE_ITEM_DAY.run(this.s, courseId, userId, day);
          DROP_DAY.run(this.s, courseId, userId, day);
          LEARNER_DAY.run(this.s, courseId, userId, day);
        }
      }
    }
  }

  private markLearners(asOf: string): void {
    for (const [courseId, users] of this.learners) {
      const current = this.db
        .select({ asOf: courseState.asOf })
        .from(courseState)
        .where(eq(courseState.courseId, courseId))
        .get();
      // A course without summaries at this as-of day is rebuilt whole on its next read.
      if (!current || current.asOf !== asOf) continue;
      for (const userId of users) MARK_STALE.run(this.s, courseId, userId);
    }
  }
}

/** A course's summaries, as the ranges and segment rules read them. */
function figuresOf(s: Sqlite, courseId: string) {
  return FIGURES.all(s, courseId).map((r) => ({ ...r, isActive: Boolean(r.isActive) }));
}

/**
 * Makes a course's summaries, ranges and segments current for the as-of day, and returns the
 * ranges. Cheap when nothing changed; after an ingest it recomputes the ranges from the summaries
 * (never from raw events) and the segments of the learners that need it.
 */
export function ensureCourseFresh(db: Db, courseId: string, asOf: string = asOfDay()): EngagementRanges {
  const s = db.$client;
  const readState = () => STATE.get(s, courseId);
  const state = readState();
  if (state && state.asOf === asOf && !state.rangesStale && state.ranges)
    return JSON.parse(state.ranges) as EngagementRanges;

  const refresh = db.$client.transaction(() => {
    let current = readState();
    if (!current || current.asOf !== asOf) {
      rebuildSummary(s, courseId, asOf);
      current = readState();
    } else {
      refreshStaleSummaries(s, courseId, asOf);
    }
    if (current && !current.rangesStale && current.ranges) return JSON.parse(current.ranges) as EngagementRanges;
    const rows = figuresOf(s, courseId);
    const ranges = engagementRangesOf(rows);
    const json = JSON.stringify(ranges);
    const unchanged = current?.ranges === json;
    const groups = rows.map((r) => {
      let segments = r.segments;
      if (!unchanged || segments === null) {
        segments = maskOf(segmentsOf(r, ranges));
        if (segments !== r.segments) SET_SEGMENTS.run(s, segments, courseId, r.userId);
      }
      return { segments, cohort: r.cohort, mode: r.mode };
    });
    writeGroupCounts(s, courseId, groups);
    SET_RANGES.run(s, json, courseId);
    return ranges;
  });

  // A read must not wait for a long write (an import holds the write lock for its whole run):
  // try the refresh without waiting, and when another writer holds the lock, answer from the
  // figures as they were last refreshed; the next read after the write refreshes them.
  const timeout = s.pragma("busy_timeout", { simple: true }) as number;
  s.pragma("busy_timeout = 0");
  try {
    return refresh.immediate();
  } catch (err) {
    if ((err as { code?: string }).code !== "SQLITE_BUSY") throw err;
    if (state?.ranges) return JSON.parse(state.ranges) as EngagementRanges;
    return engagementRangesOf(figuresOf(s, courseId));
  } finally {
    s.pragma(`busy_timeout = ${timeout}`);
  }
}
