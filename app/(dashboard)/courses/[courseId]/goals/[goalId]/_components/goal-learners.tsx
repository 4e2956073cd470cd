"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { TargetMarksLegend } from "@/components/goal-status";
import { useFormats } from "@/components/locale";
import { ScrollRegion } from "@/components/scroll-region";
import type { GoalLearnerRow } from "@/db/queries/goal-learners";
import type { GoalStatus } from "@/lib/analytics/status/status-and-progress";
import {
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  isGoalStatus,
  NOT_ENOUGH_DATA_HELP,
  WORK_RANGE_HELP,
} from "@/lib/dashboard/goal-labels";
import { writeGoalTable, type GoalTableState } from "@/lib/dashboard/goal-table-state";
import { Pager } from "@/components/pager";
import { GoalLearnersTable } from "./goal-learners-table";
import list from "@/components/learner-list.module.css";
import styles from "../../_components/goals.module.css";

export interface GoalLearnersData {
  count: number;
  total: number;
  counts: Record<GoalStatus, number>;
  rows: GoalLearnerRow[];
}

/**
 * The goal's learners: status filter, table and pager. The state is the URL's; a change navigates
 * to the new URL, which the server renders from the cached course-wide results. The controls show
 * the new choice at once, and the previous rows stay on screen, dimmed, until the new ones arrive.
 */
export function GoalLearners({
  courseId,
  goalName,
  targetNames,
  state,
  data,
}: {
  courseId: string;
  goalName: string;
  targetNames: string[];
  state: GoalTableState;
  data: GoalLearnersData;
}) {
  const formats = useFormats();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [shown, show] = useOptimistic(state, (current, change: Partial<GoalTableState>) => ({
    ...current,
    ...(change.page === undefined ? { page: 1 } : {}),
    ...change,
  }));
  const update = (change: Partial<GoalTableState>) =>
    startTransition(() => {
      show(change);
      const next = writeGoalTable(new URLSearchParams(search.toString()), change).toString();
      router.push(next ? `${pathname}?${next}` : pathname, { scroll: false });
    });

  return (
    <>
      <div className={styles.goalLearnersToolbar}>
        <div className={`${list.field} ${styles.goalStatusField}`}>
          <label htmlFor="goal-status" className={list.label}>
            Status
          </label>
          <select
            id="goal-status"
            value={shown.status ?? ""}
            onChange={(e) => update({ status: isGoalStatus(e.target.value) ? e.target.value : null })}
          >
            <option value="">All statuses ({formats.count(data.total)})</option>
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {GOAL_STATUS_LABELS[s].label} ({formats.count(data.counts[s])})
              </option>
            ))}
          </select>
        </div>
        <TargetMarksLegend />
      </div>
      <p id="goal-learners-count" className={styles.goalLearnersCount} aria-live="polite">
        {/* The server's state, not the optimistic one: the count is of the rows on screen. */}
        {state.status
          ? `${formats.count(data.count)} of ${formats.count(data.total)} learners ${GOAL_STATUS_LABELS[state.status].phrase}`
          : `${formats.count(data.total)} ${data.total === 1 ? "learner" : "learners"}`}
        {pending && <span className={`${list.loadingNote} loading-note`}> · Loading…</span>}
      </p>
      {data.count === 0 ? (
        <div className={`card ${list.message} roster-message`}>
          {data.total === 0 ? (
            <p>No learners yet. Learners appear here once they enroll.</p>
          ) : (
            <>
              <p>
                No learners {GOAL_STATUS_LABELS[state.status ?? "no_work"].phrase} on “{goalName}”.
              </p>
              <p className={list.messageActions}>
                <button type="button" className="button" onClick={() => update({ status: null })}>
                  Show every status
                </button>
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          <ScrollRegion label={`Learners on ${goalName}`} stale={pending}>
            <GoalLearnersTable
              courseId={courseId}
              targetNames={targetNames}
              rows={data.rows}
              count={data.count}
              state={shown}
              busy={pending}
              onSort={(orderBy, sortOrder) => update({ orderBy, sortOrder })}
            />
          </ScrollRegion>
          {data.rows.some((r) => r.workRemaining > 0) && (
            <p className={`meta ${styles.goalFootnote} work-range-help`}>{WORK_RANGE_HELP}</p>
          )}
          {data.rows.some((r) => r.workRemaining < 0) && (
            <p className={`meta ${styles.goalFootnote} goal-footnote`}>
              <span aria-hidden="true">* </span>
              {NOT_ENOUGH_DATA_HELP}
            </p>
          )}
          <Pager
            page={shown.page}
            pageSize={shown.pageSize}
            count={data.count}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </>
  );
}
