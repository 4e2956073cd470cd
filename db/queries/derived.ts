import type { Db } from "../client";
import { asOfDay } from "@/lib/env";
import { addDays, defaultWindow } from "@/lib/time";
import { engagementRangesOf, type EngagementRanges, type RangeInput } from "@/lib/analytics/ranges";
import { maskOf, segmentsOf, type SegmentInput } from "@/lib/analytics/segments";
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

const windowParams = (courseId: string, asOf: string) => {
  const w = defaultWindow(asOf);
  return { course: courseId, start: w.start, end: w.end, prevStart: addDays(asOf, -14) };
};

/** Rebuilds every derived row of one course from its per-item counts. */
export function rebuildCourse(db: Db, courseId: string, asOf: string): void {
  const s = db.$client;
  s.prepare(`DELETE FROM learner_item_day WHERE course_id = ? AND events <= 0`).run(courseId);
  s.prepare(`DELETE FROM learner_day WHERE course_id = ?`).run(courseId);
  s.prepare(learnerDaySql("course_id = ?")).run(courseId);
  rebuildSummary(s, courseId, asOf);
}

function rebuildSummary(s: Sqlite, courseId: string, asOf: string): void {
  new SummaryWriter(s).refreshCourse(windowParams(courseId, asOf));
  s.prepare(`DELETE FROM stale_summary WHERE course_id = ?`).run(courseId);
  s.prepare(
    `INSERT INTO course_state (course_id, as_of, ranges_stale) VALUES (?, ?, 1)
     ON CONFLICT (course_id) DO UPDATE SET as_of = excluded.as_of, ranges_stale = 1`,
  ).run(courseId, asOf);
}

/**
 * Brings the summaries of a course's learners marked stale (`stale_summary`) up to date, all in
 * one set-based pass. Inside the caller's write transaction.
 */
function refreshStaleSummaries(s: Sqlite, courseId: string, asOf: string): void {
  const users = s.prepare(`SELECT user_id FROM stale_summary WHERE course_id = ?`).pluck().all(courseId) as string[];
  if (users.length === 0) return;
  new SummaryWriter(s).refresh(windowParams(courseId, asOf), users);
  s.prepare(`DELETE FROM stale_summary WHERE course_id = ?`).run(courseId);
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
    const previous = this.s.prepare(`SELECT last_updated_at FROM courses WHERE id = ?`).pluck();
    const stamp = this.s.prepare(`UPDATE courses SET last_updated_at = ? WHERE id = ?`);
    const stale = this.s.prepare(`UPDATE course_state SET ranges_stale = 1 WHERE course_id = ?`);
    for (const courseId of this.courses) {
      // Every write moves the stamp on, by a millisecond at least: caches keyed on it (the course
      // trend, the goal results) must see two writes within one millisecond as two.
      const before = Date.parse((previous.get(courseId) as string | null) ?? "");
      const at = before >= now.getTime() ? new Date(before + 1) : now;
      stamp.run(at.toISOString(), courseId);
      stale.run(courseId);
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
    const prune = this.s.prepare(
      `DELETE FROM learner_item_day WHERE course_id = ? AND user_id = ? AND day = ? AND events <= 0`,
    );
    const drop = this.s.prepare(`DELETE FROM learner_day WHERE course_id = ? AND user_id = ? AND day = ?`);
    const insert = this.s.prepare(learnerDaySql("course_id = ? AND user_id = ? AND day = ?"));
    for (const [courseId, byUser] of this.days) {
      for (const [userId, days] of byUser) {
        for (const day of days) {
          prune.run(courseId, userId, day);
          drop.run(courseId, userId, day);
          insert.run(courseId, userId, day);
        }
      }
    }
  }

  private markLearners(asOf: string): void {
    const state = this.s.prepare(`SELECT as_of FROM course_state WHERE course_id = ?`);
    const mark = this.s.prepare(`INSERT OR IGNORE INTO stale_summary (course_id, user_id) VALUES (?, ?)`);
    for (const [courseId, users] of this.learners) {
      const current = state.get(courseId) as { as_of: string } | undefined;
      // A course without summaries at this as-of day is rebuilt whole on its next read.
      if (!current || current.as_of !== asOf) continue;
      for (const userId of users) mark.run(courseId, userId);
    }
  }
}

interface SummaryFigures extends RangeInput, SegmentInput {
  userId: string;
  segments: number | null;
  cohort: string | null;
  mode: string;
}

const FIGURES_SQL = `SELECT user_id AS userId, problems_attempted AS problemsAttempted,
  problems_completed AS problemsCompleted, problem_attempts AS problemAttempts, videos_viewed AS videosViewed,
  discussion_contributions AS discussionContributions, days_active AS daysActive,
  days_active_prev AS daysActivePrev, is_active AS isActive, segments, cohort, mode
  FROM learner_summary WHERE course_id = ?`;

/**
 * Makes a course's summaries, ranges and segments current for the as-of day, and returns the
 * ranges. Cheap when nothing changed; after an ingest it recomputes the ranges from the summaries
 * (never from raw events) and the segments of the learners that need it.
 */
export function ensureCourseFresh(db: Db, courseId: string, asOf: string = asOfDay()): EngagementRanges {
  const s = db.$client;
  const read = () =>
    s
      .prepare(`SELECT as_of AS asOf, ranges, ranges_stale AS rangesStale FROM course_state WHERE course_id = ?`)
      .get(courseId) as { asOf: string; ranges: string | null; rangesStale: number } | undefined;
  const state = read();
  if (state && state.asOf === asOf && !state.rangesStale && state.ranges)
    return JSON.parse(state.ranges) as EngagementRanges;

  const refresh = db.$client.transaction(() => {
    let current = read();
    if (!current || current.asOf !== asOf) {
      rebuildSummary(s, courseId, asOf);
      current = read();
    } else {
      refreshStaleSummaries(s, courseId, asOf);
    }
    if (current && !current.rangesStale && current.ranges) return JSON.parse(current.ranges) as EngagementRanges;
    const rows = (s.prepare(FIGURES_SQL).all(courseId) as SummaryFigures[]).map((r) => ({
      ...r,
      isActive: Boolean(r.isActive),
    }));
    const ranges = engagementRangesOf(rows);
    const json = JSON.stringify(ranges);
    const unchanged = current?.ranges === json;
    const update = s.prepare(`UPDATE learner_summary SET segments = ? WHERE course_id = ? AND user_id = ?`);
    for (const r of rows) {
      if (unchanged && r.segments !== null) continue;
      const mask = maskOf(segmentsOf(r, ranges));
      if (mask !== r.segments) update.run(mask, courseId, r.userId);
      r.segments = mask;
    }
    writeGroupCounts(s, courseId, rows as (SummaryFigures & { segments: number })[]);
    s.prepare(`UPDATE course_state SET ranges = ?, ranges_stale = 0 WHERE course_id = ?`).run(json, courseId);
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
    const rows = (s.prepare(FIGURES_SQL).all(courseId) as SummaryFigures[]).map((r) => ({
      ...r,
      isActive: Boolean(r.isActive),
    }));
    return engagementRangesOf(rows);
  } finally {
    s.pragma(`busy_timeout = ${timeout}`);
  }
}
