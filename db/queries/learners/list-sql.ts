import { jsonValues, read, reads } from "../../sql";
import { asColumns, asJsonArray, asPostgresJsonArray, type Columns } from "./columns";
import { SUMMARY_COLUMNS, SUMMARY_FIELDS, SUMMARY_ROW } from "./learner-object";
import {
  filterWhere,
  ORDER_BYS,
  orderSql,
  postgresOrderSql,
  sortsOnFigures,
  type LearnerSelection,
  type Where,
} from "./query";
import type { TextSearch } from "./text-search";
import { WINDOW_FIELDS, windowCte } from "./window";

/**
 * The roster's SQL texts (list.ts reads through them). Each depends on the plan: its WHERE (the
 * conditions; their values are parameters), its ORDER BY (the sort, whether an index may serve
 * it, read from the end or not) and whether the custom window's CTE is joined. The examples give
 * every part of those texts, for db/sql.test.ts to prepare: each sort in both directions, with and
 * without `+` and reversed; each filter clause indexed and not; a search of one term, of several,
 * of one-character terms, driving the read or tested row by row, and one that cannot match.
 */

/** The text of a read of the roster besides its columns. */
export interface ReadShape {
  sel: LearnerSelection;
  where: Where;
  /** The ORDER BY may be served by an index (`orderSql`). */
  indexedOrder: boolean;
  /** Read from the other end, every term of the order turned round. */
  reversed?: boolean;
}

type Engine = "sqlite" | "postgres";

/** The WHERE of a read on an engine (docs/postgres.md § One text: no index hints, trigram search on PostgreSQL). */
const sqlWhere = (w: Where, engine: Engine = "sqlite") =>
  (engine === "sqlite" ? w.conditions : w.postgres).join(" AND ");

/** The columns of an export's rows: the summary's, and the custom window's figures when it has one. */
export const exportColumns = (sel: LearnerSelection): Columns =>
  sel.window ? [...SUMMARY_FIELDS, ...WINDOW_FIELDS] : SUMMARY_FIELDS;

/**
 * The SELECT of a shape on an engine: summary rows, joined to the custom window's figures (CTE
 * `w`) when `withWindow` and the selection has one; each row is the named columns, one JSON array
 * (`json`, text on both engines) or the user id alone (`ids`).
 */
function selectText(shape: ReadShape, form: "columns" | "json" | "ids", withWindow: boolean, engine: Engine): string {
  const { sel, indexedOrder, reversed = false } = shape;
  const where = sqlWhere(shape.where, engine);
  const order = engine === "sqlite" ? orderSql(sel, indexedOrder, reversed) : postgresOrderSql(sel, reversed);
  const joined = withWindow && sel.window;
  const columns = joined ? exportColumns(sel) : SUMMARY_FIELDS;
  const json = engine === "sqlite" ? asJsonArray(columns) : asPostgresJsonArray(columns);
  const list = form === "ids" ? "s.user_id" : form === "json" ? `${json} AS json` : asColumns(columns);
  if (!joined) return `SELECT ${list} FROM learner_summary s WHERE ${where} ORDER BY ${order}`;
  return `WITH ${windowCte(`SELECT s.user_id FROM learner_summary s WHERE ${where}`)}
      SELECT ${list} FROM learner_summary s LEFT JOIN w ON w.user_id = s.user_id
      WHERE ${where} ORDER BY ${order}`;
}

const COURSE = "course-v1:Example+SQL+2026";
const AS_OF = "2026-03-20";
const WINDOW = { start: "2026-03-01", end: "2026-03-08" };
const search = (match: string | null, patterns: string[], single: string[] = [], impossible = false): TextSearch => ({
  match,
  patterns,
  single,
  impossible,
});
const GROUPS = {
  segments: ["struggling", "inactive"],
  ignoreSegments: ["unenrolled"],
  cohort: "A",
  enrollmentMode: "audit",
} as const;

/** WHERE clauses over `learner_group_count` (indexed, no search: what a count from it reads). */
const GROUP_WHERES: Where[] = [
  filterWhere(COURSE, {}, { indexed: true }),
  filterWhere(COURSE, GROUPS, { indexed: true }),
];

/** WHERE clauses over `learner_summary`: every filter clause, indexed or not, and every form of search. */
const ROW_WHERES: Where[] = [
  ...GROUP_WHERES,
  filterWhere(COURSE, GROUPS, { indexed: false }),
  filterWhere(COURSE, {}, { indexed: false, search: search('"ali"', ["%ali%"]), searchDrives: true }),
  filterWhere(
    COURSE,
    { cohort: "A" },
    { indexed: false, search: search('"ali" AND ("ok" OR "okx")', ["%ali%", "%ok%"], ["z"]) },
  ),
  filterWhere(COURSE, {}, { indexed: true, search: search(null, [], ["a", "b"]) }),
  filterWhere(COURSE, {}, { indexed: false, search: search(null, [], ["a"], true) }),
];

/** Each sort in both directions, with and without `+`, read forwards and from the end. */
const ORDERS = ORDER_BYS.flatMap((orderBy) =>
  (["asc", "desc"] as const).flatMap((sortOrder) =>
    [true, false].flatMap((indexedOrder) =>
      [false, true].map((reversed) => ({ orderBy, sortOrder, indexedOrder, reversed })),
    ),
  ),
);

const shapes = (...examples: ReadShape[]): ReadShape[] => examples;

export const COUNT_ROWS = reads(
  "learners/list.count-rows",
  (where: Where) => `SELECT COUNT(*) AS n FROM learner_summary s WHERE ${sqlWhere(where)}`,
  { n: "int" },
  ROW_WHERES,
  { postgres: (where) => `SELECT COUNT(*) AS n FROM learner_summary s WHERE ${sqlWhere(where, "postgres")}` },
);

export const COUNT_GROUPS = reads(
  "learners/list.count-groups",
  (where: Where) => `SELECT coalesce(SUM(learners), 0) AS n FROM learner_group_count s WHERE ${sqlWhere(where)}`,
  { n: "int" },
  GROUP_WHERES,
  {
    postgres: (where) =>
      `SELECT coalesce(SUM(learners), 0) AS n FROM learner_group_count s WHERE ${sqlWhere(where, "postgres")}`,
  },
);

/** A page in the default window's figures (a custom window's are looked up for the page's learners). */
export const PAGE = reads(
  "learners/list.page",
  (shape: ReadShape) => `${selectText(shape, "columns", false, "sqlite")} LIMIT @limit OFFSET @offset`,
  SUMMARY_ROW,
  shapes(
    ...ORDERS.map(({ orderBy, sortOrder, indexedOrder, reversed }) => ({
      sel: { asOf: AS_OF, orderBy, sortOrder },
      where: ROW_WHERES[0]!,
      indexedOrder,
      reversed,
    })),
    ...ROW_WHERES.map((where) => ({ sel: { asOf: AS_OF }, where, indexedOrder: false })),
  ),
  { postgres: (shape) => `${selectText(shape, "columns", false, "postgres")} LIMIT @limit OFFSET @offset` },
);

/** The user ids of a selection sorted on a custom window's figures (window-order.ts keeps them). */
export const WINDOW_ORDER = reads(
  "learners/list.window-order",
  (shape: ReadShape) => selectText(shape, "ids", true, "sqlite"),
  { user_id: "text" },
  shapes(
    ...ORDERS.filter((o) => !o.reversed && sortsOnFigures({ asOf: AS_OF, orderBy: o.orderBy })).map(
      ({ orderBy, sortOrder, indexedOrder }) => ({
        sel: { asOf: AS_OF, window: WINDOW, orderBy, sortOrder },
        where: ROW_WHERES[0]!,
        indexedOrder,
      }),
    ),
    ...ROW_WHERES.map((where): ReadShape => ({
      sel: { asOf: AS_OF, window: WINDOW, orderBy: "videos_viewed", sortOrder: "desc" },
      where,
      indexedOrder: true,
    })),
  ),
  { postgres: (shape) => selectText(shape, "ids", true, "postgres") },
);

/** Every learner of a selection, one JSON array a row (`exportColumns`), for the CSV export. */
export const EXPORT = reads(
  "learners/list.export",
  (shape: ReadShape) => selectText(shape, "json", true, "sqlite"),
  { json: "text" },
  shapes(
    ...ORDERS.filter((o) => !o.reversed).flatMap(({ orderBy, sortOrder, indexedOrder }) =>
      [null, WINDOW].map((window) => ({
        sel: { asOf: AS_OF, window, orderBy, sortOrder },
        where: ROW_WHERES[0]!,
        indexedOrder,
      })),
    ),
    ...ROW_WHERES.map((where) => ({ sel: { asOf: AS_OF, window: WINDOW }, where, indexedOrder: false })),
  ),
  { postgres: (shape) => selectText(shape, "json", true, "postgres") },
);

/** The summary rows of a few learners (a page sorted on a custom window). */
export const SUMMARY_ROWS_OF = read(
  "learners/list.summary-rows-of",
  `SELECT ${SUMMARY_COLUMNS} FROM learner_summary s WHERE s.course_id = ? AND s.user_id IN (SELECT value FROM json_each(?))`,
  SUMMARY_ROW,
  {
    postgres: `SELECT ${SUMMARY_COLUMNS} FROM learner_summary s WHERE s.course_id = ? AND s.user_id IN (${jsonValues("?")})`,
  },
);
