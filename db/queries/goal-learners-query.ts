import type { GoalStatus } from "@/lib/analytics/status/status-and-progress";

/**
 * What the goal page's learner table asks `goalLearners` for: one status or all, a sort, a page.
 * The dashboard reads and writes it in the page URL (lib/dashboard/goal-table-state.ts).
 */

export const GOAL_SORTS = ["name", "status", "progress", "work_remaining"] as const;
export type GoalSort = (typeof GOAL_SORTS)[number];

export interface GoalTableState {
  status: GoalStatus | null;
  orderBy: GoalSort;
  sortOrder: "asc" | "desc";
  page: number;
  pageSize: number;
}
