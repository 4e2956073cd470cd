"use client";

import Link from "next/link";
import { useMemo } from "react";
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { Figure } from "@/components/figure";
import { useFormats } from "@/components/locale";
import { SegmentBadges } from "@/components/segment-badges";
import type { LearnerObject } from "@/db/queries/learners/learner-object";
import type { EngagementRanges, RangeMetric } from "@/lib/analytics/ranges";
import type { OrderBy } from "@/lib/api/edx/constants";
import { FIGURE_LABELS, FIGURE_ORDER } from "@/lib/dashboard/labels";
import { learnerPath } from "@/lib/dashboard/paths";
import type { RosterState } from "@/lib/dashboard/roster-state";

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, LearnerObject>();

const NAME_HELP = "The learner’s full name and username; opens their page.";
const SEGMENTS_HELP = "The groups the learner is in as of today: highly engaged, struggling, disengaging, inactive, unenrolled.";

export interface RosterTableProps {
  courseId: string;
  rows: LearnerObject[];
  count: number;
  state: RosterState;
  ranges: EngagementRanges;
  /** Ranges describe the default window; figures of another window are not coloured by them. */
  showBands: boolean;
  /** The roster's query string, carried to each learner page for its link back. */
  backQuery: string;
  busy: boolean;
  onSort: (orderBy: OrderBy, sortOrder: "asc" | "desc") => void;
}

/**
 * The roster's table: sorting and paging are the server's (manual), their state the URL's; the
 * table turns header clicks into sort changes and renders cells.
 */
export function RosterTable({ courseId, rows, count, state, ranges, showBands, backQuery, busy, onSort }: RosterTableProps) {
  const formats = useFormats();
  const columns = useMemo(
    () =>
      column.columns([
      column.accessor("name", {
        header: "Name",
        sortDescFirst: false,
        cell: ({ row }) => (
          <Link className="learner-link" href={learnerPath(courseId, row.original.username, backQuery)} prefetch={false}>
            <span className="roster-name">{row.original.name || row.original.username}</span>
            <span className="roster-username">{row.original.username}</span>
          </Link>
        ),
      }),
      ...FIGURE_ORDER.map((metric: RangeMetric) =>
        column.accessor((l) => l.engagements[metric], {
          id: metric,
          header: FIGURE_LABELS[metric].label,
          sortDescFirst: true,
          cell: ({ row }) => (
            <Figure
              metric={metric}
              value={row.original.engagements[metric]}
              range={ranges[metric]}
              problemsAttempted={row.original.engagements.problems_attempted}
              formats={formats}
              bands={showBands}
            />
          ),
        }),
      ),
      column.accessor("segments", { header: "Segments", enableSorting: false, cell: ({ row }) => <SegmentBadges segments={row.original.segments} /> }),
    ]),
    [courseId, backQuery, ranges, showBands, formats],
  );

  const sorting: SortingState = state.orderBy === "username" ? [] : [{ id: state.orderBy, desc: state.sortOrder === "desc" }];
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (l) => l.username,
    manualSorting: true,
    manualPagination: true,
    rowCount: count,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination: { pageIndex: state.page - 1, pageSize: state.pageSize } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSort(first.id as OrderBy, first.desc ? "desc" : "asc");
    },
  });

  return (
    <table className="table roster-table" aria-busy={busy} aria-describedby="roster-count">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const id = header.column.id;
              const sorted = header.column.getIsSorted();
              const help = id === "name" ? NAME_HELP : id === "segments" ? SEGMENTS_HELP : FIGURE_LABELS[id as RangeMetric].description;
              const tipId = `roster-help-${id}`;
              const numeric = id !== "name" && id !== "segments";
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={numeric ? "num" : undefined}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                >
                  <span className="th-inner">
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} aria-describedby={tipId}>
                        <table.FlexRender header={header} />
                        <SortMark sorted={sorted} />
                      </button>
                    ) : (
                      <span className="th-label" tabIndex={0} aria-describedby={tipId}>
                        <table.FlexRender header={header} />
                      </span>
                    )}
                    <span role="tooltip" id={tipId} className="tip">
                      {help}
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
              <td key={cell.id} className={cell.column.id === "name" || cell.column.id === "segments" ? undefined : "num"}>
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
    <svg aria-hidden="true" viewBox="0 0 12 12" width="11" height="11" className={sorted ? "sort-mark active" : "sort-mark"}>
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

/** Placeholder rows while the first page of a new query loads. */
export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <table className="table roster-table skeleton" aria-hidden="true">
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            {Array.from({ length: columns }, (_, j) => (
              <td key={j}>
                <span className="skeleton-bar" />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
