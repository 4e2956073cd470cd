import type { Db } from "../client";
import {
  ispringResultOf,
  timeSpentOf,
  type MandatoryItemFacts,
  type ResultFigures,
} from "@/lib/analytics/ispring-result";
import {
  ACTIVITY,
  CANDIDATES,
  conditions,
  DERIVED,
  MANDATORY_COUNTS,
  SUBTREES,
  type Candidate,
  type ResultsFilter,
} from "./ispring-results-sql";

export type { ResultsFilter } from "./ispring-results-sql";

/**
 * iSpring learners' results (`docs/metrics.md` § iSpring result of an enrollment): one row per
 * enrollment, in enrollment id order so pages can continue after the last id they returned
 * (keyset paging: rows added or changed between pages never shift the rest). The events a page
 * needs are aggregated with one set-based query over that page's enrollments.
 */

export interface ResultRow {
  enrollmentId: string;
  userId: string;
  courseId: string;
  courseTitle: string;
  accessDate: string;
  dueDate: string | null;
  expirationDate: string | null;
  passingScore: number | null;
  timeSpent: number;
  viewsCount: number;
  figures: ResultFigures;
}

function candidates(db: Db, f: ResultsFilter, after: string | null, limit: number): Candidate[] {
  const { params } = conditions(f);
  return CANDIDATES({ filter: f, after: after !== null }).all(db.$client, {
    ...params,
    ...(after !== null ? { after } : {}),
    limit,
  });
}

interface Activity {
  events: number;
  durationMs: number;
  launches: number;
  items: MandatoryItemFacts[];
}

/**
 * Each enrollment's activity, grouped per item in SQL: an item is completed by its first
 * `item_completed`, correct problem attempt or `item_scored`; its best score is the highest of any event.
 */
function activityOf(db: Db, enrollmentIds: readonly string[]): Map<string, Activity> {
  const rows = ACTIVITY.all(db.$client, { ids: JSON.stringify(enrollmentIds) });
  const out = new Map<string, Activity>();
  for (const { id, mandatory, n, duration, launches, completed, best } of rows) {
    let a = out.get(id);
    if (!a) out.set(id, (a = { events: 0, durationMs: 0, launches: 0, items: [] }));
    a.events += n;
    a.durationMs += duration;
    a.launches += launches;
    if (mandatory) a.items.push({ completedAtMs: completed, bestScore: best });
  }
  return out;
}

function mandatoryCounts(db: Db, courseIds: readonly string[]): Map<string, number> {
  return new Map(
    MANDATORY_COUNTS.all(db.$client, { ids: JSON.stringify(courseIds) }).map((r) => [r.course_id, r.n] as const),
  );
}

function rowsOf(db: Db, batch: readonly Candidate[], nowMs: number): ResultRow[] {
  const activity = activityOf(
    db,
    batch.map((c) => c.id),
  );
  const mandatory = mandatoryCounts(db, [...new Set(batch.map((c) => c.courseId))]);
  return batch.map((c) => {
    const a = activity.get(c.id);
    const figures = ispringResultOf(
      {
        explicitStatus: c.status,
        explicitScore: c.score,
        explicitCompletedAt: c.completedAt,
        passingScore: c.passingScore,
        dueDate: c.dueDate,
        hasActivity: a !== undefined,
        mandatoryItems: mandatory.get(c.courseId) ?? 0,
        items: a?.items ?? [],
      },
      nowMs,
    );
    return {
      enrollmentId: c.id,
      userId: c.userId,
      courseId: c.courseId,
      courseTitle: c.title,
      accessDate: c.accessDate,
      dueDate: c.dueDate,
      expirationDate: c.expirationDate,
      passingScore: c.passingScore,
      timeSpent: timeSpentOf(a?.durationMs ?? 0),
      viewsCount: a?.launches ?? 0,
      figures,
    };
  });
}

/** What SQL could not check: the status and completion date the rules give. */
function matches(f: ResultsFilter, r: ResultRow): boolean {
  if (f.completionStatuses && !f.completionStatuses.includes(r.figures.completionStatus)) return false;
  if (!f.completionDate) return true;
  const at = r.figures.completionDate;
  return (
    at !== undefined &&
    (!f.completionDate.from || at >= f.completionDate.from) &&
    (!f.completionDate.to || at <= f.completionDate.to)
  );
}

// Candidates read per round while a filter on derived figures drops some of them.
const FILTERED_BATCH = 1000;

/**
 * Up to `pageSize` results after enrollment `after` (null: from the start), and whether more follow.
 * `nowMs` is the time overdue is judged at.
 */
export async function resultsPage(
  db: Db,
  f: ResultsFilter,
  after: string | null,
  pageSize: number,
  nowMs: number,
): Promise<{ rows: ResultRow[]; more: boolean }> {
  // SQL decides alone unless a filter needs figures from events (a derived status other than not_started, a completion date).
  const exact = !f.completionDate && (f.completionStatuses ?? []).every((s) => !DERIVED.has(s) || s === "not_started");
  const batchSize = exact ? pageSize + 1 : Math.max(FILTERED_BATCH, pageSize + 1);
  const out: ResultRow[] = [];
  let cursor = after;
  for (;;) {
    const batch = candidates(db, f, cursor, batchSize);
    for (const row of rowsOf(db, batch, nowMs)) if (matches(f, row) && out.length <= pageSize) out.push(row);
    if (out.length > pageSize || batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  return { rows: out.slice(0, pageSize), more: out.length > pageSize };
}

/** The given departments with every sub-department. */
export async function departmentSubtrees(db: Db, ids: readonly string[]): Promise<string[]> {
  return SUBTREES.column(db.$client, "id", { ids: JSON.stringify(ids) });
}
