"use client";

import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { Figure } from "@/components/figure";
import { useFormats } from "@/components/locale";
import { SegmentBadges } from "@/components/segment-badges";
import type { LearnerObject } from "@/db/queries/learners/learner-object";
import type { EngagementRanges, RangeMetric } from "@/lib/analytics/ranges";
import type { OrderBy } from "@/lib/api/edx/constants";
import { FIGURE_LABELS, FIGURE_ORDER } from "@/lib/dashboard/labels";
import type { RosterState } from "@/lib/dashboard/roster-state";
import {
  learnerTableClass,
  NAME_HELP,
  nameColumn,
  SortedPagedTable,
  sortedPagedFeatures as features,
} from "@/components/sortable-table";
import styles from "./roster.module.css";

const column = createColumnHelper<typeof features, LearnerObject>();

const SEGMENTS_HELP =
  "The engagement groups the learner is in as of today (last 7 days’ activity): highly engaged, struggling, disengaging, inactive, unenrolled. Hover or focus a badge for the rule that put the learner there.";
const help = (id: string) =>
  id === "name" ? NAME_HELP : id === "segments" ? SEGMENTS_HELP : FIGURE_LABELS[id as RangeMetric].description;

export interface RosterTableProps {
  courseId: string;
  rows: LearnerObject[];
  count: number;
  state: RosterState;
  ranges: EngagementRanges;
  /** The ranges of the figures' own window; false while a custom window's are still on their way. */
  showBands: boolean;
  /** A custom window: the segments, always the last 7 days', say so in their header. */
  windowed: boolean;
  /** The roster's query string, carried to each learner page for its link back. */
  backQuery: string;
  busy: boolean;
  /** The table's caption for screen readers, which focus moves to after a page change. */
  caption: string;
  onSort: (orderBy: OrderBy, sortOrder: "asc" | "desc") => void;
}

/**
 * The roster's table: sorting and paging are the server's (manual), their state the URL's; the
 * table turns header clicks into sort changes and renders cells.
 */
export function RosterTable({
  courseId,
  rows,
  count,
  state,
  ranges,
  showBands,
  windowed,
  backQuery,
  busy,
  caption,
  onSort,
}: RosterTableProps) {
  const formats = useFormats();
  const columns = useMemo(
    () =>
      column.columns([
        nameColumn<LearnerObject>(courseId, backQuery),
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
        column.accessor("segments", {
          header: windowed ? "Segments (last 7 days)" : "Segments",
          enableSorting: false,
          // The segments are the last 7 days'; their reasons quote the figures and ranges only when
          // those on screen are the same window's.
          cell: ({ row }) => (
            <SegmentBadges
              segments={row.original.segments}
              idBase={row.original.username}
              figures={windowed ? null : row.original.engagements}
              ranges={windowed ? null : ranges}
            />
          ),
        }),
      ]),
    [courseId, backQuery, ranges, showBands, windowed, formats],
  );

  return (
    <SortedPagedTable
      {...{ columns, rows, count, state }}
      rowId={(l) => l.username}
      unsorted="username"
      onSort={(id, order) => onSort(id as OrderBy, order)}
      markup={{
        className: "table roster-table",
        busy,
        caption,
        describedBy: "roster-count",
        idPrefix: "roster",
        numeric: (id) => id !== "name" && id !== "segments",
        help,
      }}
    />
  );
}

/** Placeholder rows while the first page of a new query loads. */
export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <table className={`table ${learnerTableClass} roster-table skeleton`} aria-hidden="true">
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            {Array.from({ length: columns }, (_, j) => (
              <td key={j}>
                <span className={styles.skeletonBar} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
