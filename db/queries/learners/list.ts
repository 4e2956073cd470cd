import Database from "better-sqlite3";
import type { Db } from "../../client";
import { readCourse, type CourseRead } from "./course-read";
import { objectsOfJsonRows } from "./columns";
import { toLearnerCore, type LearnerCore, type LearnerObject, type SummaryRow } from "./learner-object";
import {
  COUNT_GROUPS,
  COUNT_ROWS,
  EXPORT,
  exportColumns,
  PAGE,
  SUMMARY_ROWS_OF,
  WINDOW_ORDER,
  type ReadShape,
} from "./list-sql";
import { profilesOf } from "./profile";
import { filterWhere, hasGroupFilter, sortsOnFigures, sortsOnWindow, type LearnerSelection, type Where } from "./query";
import { textSearchOf, type TextSearch } from "./text-search";
import { windowOrder } from "./window-order";
import { figuresOfColumns, windowFiguresOf, windowParams, type WindowColumns } from "./window";

type Sqlite = Db["$client"];

export interface LearnerQuery extends LearnerSelection {
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface LearnerPage {
  /** Every learner matching the filters (exact). */
  count: number;
  results: LearnerObject[];
}

/**
 * With a filter on segments and a sort on a figure, the filter's learners are found first and
 * sorted whatever the page, up to this share of the roster. Segments are made of the figures, so a
 * segment's learners bunch up at one end of such a sort (the inactive ones all have zeros), and
 * reading in sort order may pass the rest of the roster first. Measured at 100,000 learners:
 * finding and sorting costs about 0.7 µs a learner found, reading in order about 0.35 µs a row
 * passed, so finding first is the cheaper worst case below about a third.
 */
const BUNCHED_FIND_FIRST_SHARE = 1 / 3;

/** How a selection is read: its WHERE, whether its ORDER BY may use an index (`orderSql`), and the exact count of matching learners. */
interface Plan {
  where: Where;
  indexedOrder: boolean;
  count: number;
}

const countRows = (s: Sqlite, where: Where): number => COUNT_ROWS(where).get(s, where.params)?.n ?? 0;

const countGroups = (s: Sqlite, where: Where): number => COUNT_GROUPS(where).get(s, where.params)?.n ?? 0;

/**
 * Chooses how to read `wanted` rows (offset + page size) of a selection. Either the rows are read
 * off the sort's index in order and each tested against the filters, or the few learners the
 * filters or the search leave are found first (through a filter's index or the trigram index) and
 * sorted — whichever reads fewer rows (see BUNCHED_FIND_FIRST_SHARE for filters bunched at one end
 * of the order). Counts without a search come from `learner_group_count`.
 */
function plan(
  s: Sqlite,
  courseId: string,
  sel: LearnerSelection,
  search: TextSearch | null,
  course: CourseRead,
  wanted: number,
): Plan {
  const all = filterWhere(courseId, {}, { indexed: true });
  const total = course.fresh ? countGroups(s, all) : countRows(s, all);
  // Reading in sort order tests about `wanted × total / found` rows before the page is full when
  // the filter is independent of the order; a row costs about the same either way (measured).
  const findFirst = (found: number) => found < Math.min(total, (wanted * total) / Math.max(found, 1));
  if (search) {
    if (search.match === null || search.impossible) {
      // One-character terms only: nothing narrows the roster before its rows are read.
      const where = filterWhere(courseId, sel, { indexed: false, search });
      return { where, indexedOrder: true, count: countRows(s, filterWhere(courseId, sel, { indexed: true, search })) };
    }
    // Counting always starts from the users found: never more rows than the roster.
    const count = countRows(s, filterWhere(courseId, sel, { indexed: false, search, searchDrives: true }));
    const drives = findFirst(count);
    const where = filterWhere(courseId, sel, { indexed: false, search, searchDrives: drives });
    return { where, indexedOrder: !drives, count };
  }
  const indexed = filterWhere(courseId, sel, { indexed: true });
  const count = course.fresh ? countGroups(s, indexed) : countRows(s, indexed);
  if (!hasGroupFilter(sel)) return { where: indexed, indexedOrder: true, count };
  const bunched = Boolean(sel.segments?.length || sel.ignoreSegments?.length) && sortsOnFigures(sel);
  return findFirst(count) || (bunched && count <= total * BUNCHED_FIND_FIRST_SHARE)
    ? { where: indexed, indexedOrder: false, count }
    : { where: filterWhere(courseId, sel, { indexed: false }), indexedOrder: true, count };
}

type Row = SummaryRow & Partial<WindowColumns>;

/** The parameters of a plan's read that joins the custom window's CTE when there is one: the filters' values and the window's days. */
function windowedParams(sel: LearnerSelection, p: Plan): Record<string, unknown> {
  return sel.window ? { ...p.where.params, ...windowParams(sel.window) } : p.where.params;
}

/** Learner objects' cores of rows; `joined` when the rows carry the custom window's figures, else they are looked up. */
function toCores(
  db: Db,
  courseId: string,
  sel: LearnerSelection,
  course: CourseRead,
  rows: Row[],
  joined: boolean,
): LearnerCore[] {
  if (!sel.window) return rows.map((r) => toLearnerCore(r, course));
  if (joined) return rows.map((r) => toLearnerCore(r, course, figuresOfColumns(r as Row & WindowColumns)));
  const figures = windowFiguresOf(
    db,
    courseId,
    rows.map((r) => r.userId),
    sel.window,
  );
  return rows.map((r) => toLearnerCore(r, course, figures.get(r.userId)));
}

/**
 * The cores of `rows` (in their order) given each learner's profile fields, read from `s`. Each
 * core is fresh, so it takes the fields itself: an object spread here made the export 5× slower.
 */
function withProfiles(s: Sqlite, rows: readonly Row[], cores: LearnerCore[]): LearnerObject[] {
  const profiles = profilesOf(
    s,
    rows.map((r) => r.userId),
  );
  return cores.map((c, i) => Object.assign(c, profiles.get(rows[i]!.userId)!));
}

/**
 * One page of a course's roster (docs/edx-api.md § The contract, GET /api/v0/learners/): filtered, sorted, with the
 * exact count. An unknown course gives an empty page; the caller answers its 404s first.
 */
export async function listLearners(db: Db, courseId: string, q: LearnerQuery): Promise<LearnerPage> {
  const course = readCourse(db, courseId, q.asOf, q.window);
  if (!course) return { count: 0, results: [] };
  const offset = (q.page - 1) * q.pageSize;
  const p = plan(db.$client, courseId, q, textSearchOf(db.$client, q.textSearch), course, offset + q.pageSize);
  if (offset >= p.count) return { count: p.count, results: [] };
  const shape = (reversed = false): ReadShape => ({ sel: q, where: p.where, indexedOrder: p.indexedOrder, reversed });
  if (sortsOnWindow(q)) {
    const ids = windowOrder(db.$client, WINDOW_ORDER(shape()), windowedParams(q, p)).slice(offset, offset + q.pageSize);
    const rows = summaryRowsOf(db.$client, courseId, ids);
    return { count: p.count, results: withProfiles(db.$client, rows, toCores(db, courseId, q, course, rows, false)) };
  }
  // A page past the middle is read from the other end, in the reversed order: OFFSET steps through
  // every row it skips (~0.1 µs each), and from the end there are fewer of them (the last page of
  // 100,000 learners skips none instead of 99,975).
  const rest = p.count - offset;
  const fromEnd = rest < offset;
  const limit = fromEnd ? Math.min(q.pageSize, rest) : q.pageSize;
  const rows: Row[] = PAGE(shape(fromEnd)).all(db.$client, {
    ...p.where.params,
    limit,
    offset: fromEnd ? rest - limit : offset,
  });
  if (fromEnd) rows.reverse();
  return { count: p.count, results: withProfiles(db.$client, rows, toCores(db, courseId, q, course, rows, false)) };
}

/** The summary rows of a few learners, in the order of `userIds`. */
function summaryRowsOf(s: Sqlite, courseId: string, userIds: readonly string[]): Row[] {
  const rows = SUMMARY_ROWS_OF.all(s, courseId, JSON.stringify(userIds));
  const byId = new Map(rows.map((r) => [r.userId, r]));
  return userIds.map((id) => byId.get(id)!);
}

/**
 * Every learner of a selection in its order, in batches, for the CSV export. The rows stream from
 * one statement on a connection of its own (a consistent snapshot; the shared connection stays free
 * for other requests and writes), so memory stays flat whatever the roster's size, each row one
 * JSON array (columns.ts). The learners come with their profile fields only with `profiles: true`:
 * the default export does not show them, and reading them costs a lookup a learner (about half the
 * export's speed). Finish the loop or call `return()` on the iterator, which closes that connection.
 */
export async function* iterateLearners<P extends boolean = false>(
  db: Db,
  courseId: string,
  sel: LearnerSelection,
  opts: { batchSize?: number; profiles?: P } = {},
): AsyncGenerator<(P extends true ? LearnerObject : LearnerCore)[], void, undefined> {
  type Out = (P extends true ? LearnerObject : LearnerCore)[];
  const batchSize = opts.batchSize ?? 500;
  const course = readCourse(db, courseId, sel.asOf, sel.window);
  if (!course) return;
  const p = plan(db.$client, courseId, sel, textSearchOf(db.$client, sel.textSearch), course, Infinity);
  if (p.count === 0) return;
  const read = EXPORT({ sel, where: p.where, indexedOrder: p.indexedOrder });
  const params = windowedParams(sel, p);
  // An in-memory database has no second connection: its (test-sized) rows are read at once.
  const reader = db.$client.memory ? null : new Database(db.$client.name, { fileMustExist: true });
  try {
    reader?.pragma("busy_timeout = 10000");
    reader?.pragma("query_only = ON");
    const rows = objectsOfJsonRows<Row>(
      exportColumns(sel),
      reader ? read.iterate(reader, params) : read.all(db.$client, params),
    );
    // The reader is busy with its statement, so profiles come from the shared connection: a
    // profile changed mid-export shows its new value (figures and order stay the snapshot's).
    const objects = (batch: Row[]): Out => {
      const cores = toCores(db, courseId, sel, course, batch, true);
      return (opts.profiles ? withProfiles(db.$client, batch, cores) : cores) as Out;
    };
    let batch: Row[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length < batchSize) continue;
      yield objects(batch);
      batch = [];
    }
    if (batch.length) yield objects(batch);
  } finally {
    reader?.close();
  }
}
