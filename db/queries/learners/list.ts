import Database from "better-sqlite3";
import type { Db } from "../../client";
import { readCourse, type CourseRead } from "./course-read";
import { asColumns, asJsonArray, objectsOfJsonRows, type Columns } from "./columns";
import {
  SUMMARY_COLUMNS,
  SUMMARY_FIELDS,
  toLearnerCore,
  type LearnerCore,
  type LearnerObject,
  type SummaryRow,
} from "./learner-object";
import { profilesOf } from "./profile";
import {
  filterWhere,
  hasGroupFilter,
  orderSql,
  sortsOnFigures,
  sortsOnWindow,
  type LearnerSelection,
  type Where,
} from "./query";
import { textSearchOf, type TextSearch } from "./text-search";
import { windowOrder } from "./window-order";
import {
  figuresOfColumns,
  WINDOW_FIELDS,
  windowCte,
  windowFiguresOf,
  windowParams,
  type WindowColumns,
} from "./window";

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

const sqlWhere = (w: Where) => w.conditions.join(" AND ");

function countRows(s: Sqlite, where: Where): number {
  return (
    (s
      .prepare(`SELECT COUNT(*) FROM learner_summary s WHERE ${sqlWhere(where)}`)
      .pluck()
      .get(where.params) as number) ?? 0
  );
}

function countGroups(s: Sqlite, where: Where): number {
  return (
    (s
      .prepare(`SELECT coalesce(SUM(learners), 0) FROM learner_group_count s WHERE ${sqlWhere(where)}`)
      .pluck()
      .get(where.params) as number) ?? 0
  );
}

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

/**
 * The SELECT of a plan: summary rows, joined to the custom window's figures when it sorts on them
 * or `withWindow`; `columns` are what each row holds, as named columns, one JSON array (`json`) or
 * the user id alone (`ids`).
 */
function selectSql(
  sel: LearnerSelection,
  p: Plan,
  withWindow: boolean,
  form: "columns" | "json" | "ids" = "columns",
  reversed = false,
): { sql: string; params: Record<string, unknown>; columns: Columns } {
  const where = sqlWhere(p.where);
  const order = orderSql(sel, p.indexedOrder, reversed);
  const joined = withWindow && sel.window;
  const columns = joined ? [...SUMMARY_FIELDS, ...WINDOW_FIELDS] : SUMMARY_FIELDS;
  const list = form === "ids" ? "s.user_id" : form === "json" ? asJsonArray(columns) : asColumns(columns);
  if (!joined) {
    return {
      sql: `SELECT ${list} FROM learner_summary s WHERE ${where} ORDER BY ${order}`,
      params: p.where.params,
      columns,
    };
  }
  return {
    sql: `WITH ${windowCte(`SELECT s.user_id FROM learner_summary s WHERE ${where}`)}
      SELECT ${list} FROM learner_summary s LEFT JOIN w ON w.user_id = s.user_id
      WHERE ${where} ORDER BY ${order}`,
    params: { ...p.where.params, ...windowParams(sel.window!) },
    columns,
  };
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
  if (sortsOnWindow(q)) {
    const { sql, params } = selectSql(q, p, true, "ids");
    const ids = windowOrder(db.$client, sql, params).slice(offset, offset + q.pageSize);
    const rows = summaryRowsOf(db.$client, courseId, ids);
    return { count: p.count, results: withProfiles(db.$client, rows, toCores(db, courseId, q, course, rows, false)) };
  }
  // A page past the middle is read from the other end, in the reversed order: OFFSET steps through
  // every row it skips (~0.1 µs each), and from the end there are fewer of them (the last page of
  // 100,000 learners skips none instead of 99,975).
  const rest = p.count - offset;
  const fromEnd = rest < offset;
  const limit = fromEnd ? Math.min(q.pageSize, rest) : q.pageSize;
  const { sql, params } = selectSql(q, p, false, "columns", fromEnd);
  const rows = db.$client
    .prepare(`${sql} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset: fromEnd ? rest - limit : offset }) as Row[];
  if (fromEnd) rows.reverse();
  return { count: p.count, results: withProfiles(db.$client, rows, toCores(db, courseId, q, course, rows, false)) };
}

/** The summary rows of a few learners, in the order of `userIds`. */
function summaryRowsOf(s: Sqlite, courseId: string, userIds: readonly string[]): Row[] {
  const rows = s
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM learner_summary s WHERE s.course_id = ? AND s.user_id IN (SELECT value FROM json_each(?))`,
    )
    .all(courseId, JSON.stringify(userIds)) as Row[];
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
  const { sql, params, columns } = selectSql(sel, p, true, "json");
  // An in-memory database has no second connection: its (test-sized) rows are read at once.
  const reader = db.$client.memory ? null : new Database(db.$client.name, { fileMustExist: true });
  try {
    reader?.pragma("busy_timeout = 10000");
    reader?.pragma("query_only = ON");
    const statement = (reader ?? db.$client).prepare(sql);
    statement.pluck(true);
    const rows = objectsOfJsonRows<Row>(columns, reader ? statement.iterate(params) : statement.all(params));
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
