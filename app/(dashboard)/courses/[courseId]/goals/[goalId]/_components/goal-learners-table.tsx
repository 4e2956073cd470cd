"use client";

import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { ProgressBar, StatusBadge, TargetMarks } from "@/components/goal-status";
import { useFormats } from "@/components/locale";
import type { GoalLearnerRow } from "@/db/queries/goal-learners";
import {
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  NOT_ENOUGH_DATA_HELP,
  WORK_REMAINING_HELP,
  workRemainingWords,
} from "@/lib/dashboard/goal-labels";
import type { Formats } from "@/lib/dashboard/format";
import type { GoalSort, GoalTableState } from "@/lib/dashboard/goal-table-state";
import { NAME_HELP, nameColumn, SortedPagedTable, sortedPagedFeatures as features } from "@/components/sortable-table";
import styles from "../../_components/goals.module.css";

const column = createColumnHelper<typeof features, GoalLearnerRow>();

const HELP: Record<string, string> = {
  name: NAME_HELP,
  status: `The learner’s status on this goal. Sorted in the order ${GOAL_STATUSES.map((s) => GOAL_STATUS_LABELS[s].label).join(", ")}.`,
  progress:
    "Share of the work done: attempts so far over attempts so far plus the model’s expected remaining attempts; 100% only when complete.",
  work_remaining: `${WORK_REMAINING_HELP} “Not enough data” sorts last either way.`,
  targets: "Each target’s status, numbered as in the goal’s list of targets.",
};
const NUMERIC = new Set(["progress", "work_remaining"]);

export interface GoalLearnersTableProps {
  courseId: string;
  targetNames: string[];
  rows: GoalLearnerRow[];
  count: number;
  state: GoalTableState;
  busy: boolean;
  onSort: (orderBy: GoalSort, sortOrder: "asc" | "desc") => void;
}

/**
 * The goal's learners: sorting and paging are the server's (manual), their state the URL's; the
 * table turns header clicks into sort changes and renders cells.
 */
/** "about 4" over "usually 2–7". */
function RemainingCell({ n, range, formats }: { n: number; range: [number, number]; formats: Formats }) {
  const { about, usually } = workRemainingWords(n, range, formats);
  return (
    <span className={styles.remaining}>
      {about}
      {usually && <span className={styles.remainingRange}>{usually}</span>}
    </span>
  );
}

export function GoalLearnersTable({ courseId, targetNames, rows, count, state, busy, onSort }: GoalLearnersTableProps) {
  const formats = useFormats();
  const columns = useMemo(
    () =>
      column.columns([
        nameColumn<GoalLearnerRow>(courseId),
        column.accessor("status", {
          header: "Status",
          sortDescFirst: false,
          cell: ({ row }) => <StatusBadge status={row.original.status} />,
        }),
        column.accessor("progress", {
          header: "Progress",
          sortDescFirst: true,
          cell: ({ row }) => (
            <ProgressBar
              value={row.original.progress}
              status={row.original.status}
              label={`Progress of ${row.original.name || row.original.username}`}
              formats={formats}
            />
          ),
        }),
        column.accessor("workRemaining", {
          id: "work_remaining",
          header: "Work remaining",
          sortDescFirst: true,
          cell: ({ row }) =>
            row.original.workRemaining < 0 ? (
              <span className={styles.workUnknown} title={NOT_ENOUGH_DATA_HELP}>
                Not enough data<span aria-hidden="true">*</span>
              </span>
            ) : (
              <RemainingCell n={row.original.workRemaining} range={row.original.workRemainingRange} formats={formats} />
            ),
        }),
        column.accessor("targets", {
          header: "Targets",
          enableSorting: false,
          cell: ({ row }) => (
            <TargetMarks
              targets={row.original.targets.map((status, i) => ({ status, name: targetNames[i] ?? `Target ${i + 1}` }))}
            />
          ),
        }),
      ]),
    [courseId, formats, targetNames],
  );

  return (
    <SortedPagedTable
      {...{ columns, rows, count, state }}
      rowId={(r) => r.registrationId}
      onSort={(id, order) => onSort(id as GoalSort, order)}
      markup={{
        className: `table roster-table ${styles.goalTable} goal-table`,
        busy,
        describedBy: "goal-learners-count",
        idPrefix: "goal",
        numeric: (id) => NUMERIC.has(id),
        help: (id) => HELP[id] ?? "",
      }}
    />
  );
}
