"use client";

import Link from "next/link";
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ReactTable,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { learnerPath } from "@/lib/dashboard/paths";
import styles from "./sortable-table.module.css";

/** The look of a learner table, for a stand-in with the same headers (the roster's skeleton). */
export const learnerTableClass = styles.table;

/** The features of the dashboard's server-sorted, server-paged learner tables (the roster, a goal's learners). */
export const sortedPagedFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });

type Features = typeof sortedPagedFeatures;

/** What the URL says of a table's order and page (the roster's state and the goal table's both have it). */
export interface SortedPage {
  orderBy: string;
  sortOrder: "asc" | "desc";
  page: number;
  pageSize: number;
}

/**
 * A learner table whose sorting and paging are the server's (manual) and whose state is the URL's:
 * one sort at a time, never removed; a header click becomes `onSort`. `unsorted` is an order that
 * is not a column's (the roster's default, username), shown with no column marked.
 */
export function SortedPagedTable<TData extends RowData>({
  columns,
  rows,
  rowId,
  count,
  state,
  unsorted,
  onSort,
  markup,
}: {
  columns: Parameters<typeof useTable<Features, TData>>[0]["columns"];
  rows: TData[];
  rowId: (row: TData) => string;
  count: number;
  state: SortedPage;
  unsorted?: string;
  onSort: (columnId: string, sortOrder: "asc" | "desc") => void;
  markup: Omit<Parameters<typeof TableMarkup>[0], "table">;
}) {
  const sorting: SortingState =
    state.orderBy === unsorted ? [] : [{ id: state.orderBy, desc: state.sortOrder === "desc" }];
  const table = useTable({
    features: sortedPagedFeatures,
    columns,
    data: rows,
    getRowId: rowId,
    rowCount: count,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination: { pageIndex: state.page - 1, pageSize: state.pageSize } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const first = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (first) onSort(first.id, first.desc ? "desc" : "asc");
    },
  });
  return <TableMarkup table={table} {...markup} />;
}

/**
 * A learner table's markup: headers with a sort button (or a focusable label) and a tooltip that
 * says what the column holds, then the rows. Sorting itself is the caller's (manual, in the URL).
 */
function TableMarkup<TData extends RowData>({
  table,
  className,
  busy,
  describedBy,
  help,
  numeric,
  idPrefix,
  caption,
}: {
  table: ReactTable<Features, TData>;
  className: string;
  busy: boolean;
  /** The id of the element that counts the rows. */
  describedBy: string;
  help: (columnId: string) => string;
  /** Numeric columns are right-aligned. */
  numeric: (columnId: string) => boolean;
  /** Tooltips get the ids `<idPrefix>-help-<column>`. */
  idPrefix: string;
  /** A caption for screen readers, focusable from script (`<idPrefix>-caption`): where focus goes after a page change. */
  caption?: string;
}) {
  return (
    <table className={`${styles.table} ${className}`} aria-busy={busy} aria-describedby={describedBy}>
      {caption && (
        <caption id={`${idPrefix}-caption`} className="visually-hidden" tabIndex={-1}>
          {caption}
        </caption>
      )}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const id = header.column.id;
              const sorted = header.column.getIsSorted();
              const tipId = `${idPrefix}-help-${id}`;
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={numeric(id) ? "num" : undefined}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                >
                  <span className={styles.thInner}>
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className={styles.sortButton}
                        onClick={header.column.getToggleSortingHandler()}
                        aria-describedby={tipId}
                      >
                        <table.FlexRender header={header} />
                        <SortMark sorted={sorted} />
                      </button>
                    ) : (
                      <span className={styles.thLabel} tabIndex={0} aria-describedby={tipId}>
                        <table.FlexRender header={header} />
                      </span>
                    )}
                    <span role="tooltip" id={tipId} className={styles.tip}>
                      {help(id)}
                    </span>
                  </span>
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={numeric(cell.column.id) ? "num" : undefined}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SortMark({ sorted }: { sorted: false | "asc" | "desc" }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 12"
      width="11"
      height="11"
      className={sorted ? `${styles.sortMark} ${styles.active}` : styles.sortMark}
    >
      {sorted === "desc" ? (
        <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      ) : sorted === "asc" ? (
        <path d="M2 8l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      ) : (
        <path d="M3 5l3-3 3 3M3 7l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
      )}
    </svg>
  );
}

export const NAME_HELP = "The learner’s full name and username; opens their page.";

/** The Name column of a learner table: sorted by name (A first), each name opening the learner's page with `query` for its back link. */
export function nameColumn<TData extends { name: string; username: string }>(courseId: string, query?: string) {
  return createColumnHelper<Features, TData>().accessor((r) => r.name, {
    id: "name",
    header: "Name",
    sortDescFirst: false,
    cell: ({ row }) => (
      <LearnerCell courseId={courseId} username={row.original.username} name={row.original.name} query={query} />
    ),
  });
}

function LearnerCell({
  courseId,
  username,
  name,
  query,
}: {
  courseId: string;
  username: string;
  name: string;
  query?: string;
}) {
  return (
    <Link
      className={`${styles.learnerLink} learner-link`}
      href={learnerPath(courseId, username, query)}
      prefetch={false}
    >
      <span className={`${styles.name} roster-name`}>{name || username}</span>
      <span className={`${styles.username} roster-username`}>{username}</span>
    </Link>
  );
}
