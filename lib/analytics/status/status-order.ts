import type { GoalStatus, TargetStatus } from "./status-and-progress";

/**
 * Every goal and target status, in the order they are listed everywhere: the queries count and
 * sort by it, the dashboard's distribution bar, legend, filter and sort run by it, from done to not
 * started (docs/metrics.md § Status and progress).
 */
export const GOAL_STATUSES: readonly GoalStatus[] = [
  "complete",
  "complete_max_work",
  "in_progress",
  "struggling",
  "no_work",
];
export const TARGET_STATUSES: readonly TargetStatus[] = ["complete", "in_progress", "struggling", "no_work"];
