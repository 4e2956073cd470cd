import { GOAL_SORTS, type GoalSort, type GoalTableState } from "@/db/queries/goal-learners-query";
import { isGoalStatus } from "./goal-labels";
import { PAGE_SIZES } from "./roster-state";

/**
 * The goal page's table state, which lives only in the page URL: `status` (one goal status),
 * `order_by` (name, status, progress, work_remaining), `sort_order`, `page`, `page_size`. Values
 * equal to the defaults are left out, so every view has one address.
 */

// The state's shape is the query's input, defined with the query.
export { GOAL_SORTS, type GoalSort, type GoalTableState };

export const DEFAULT_GOAL_TABLE: GoalTableState = {
  status: null,
  orderBy: "name",
  sortOrder: "asc",
  page: 1,
  pageSize: 25,
};
const MAX_PAGE_SIZE = PAGE_SIZES.at(-1)!;

const positive = (v: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  v && /^\d{1,9}$/.test(v) && Number(v) >= 1 ? Math.min(Number(v), max) : fallback;

/** The state a URL describes; a value that is not one of the choices reads as its default. */
export function readGoalTable(params: URLSearchParams): GoalTableState {
  const orderBy = params.get("order_by");
  const status = params.get("status");
  return {
    status: isGoalStatus(status) ? status : null,
    orderBy: (GOAL_SORTS as readonly string[]).includes(orderBy ?? "")
      ? (orderBy as GoalSort)
      : DEFAULT_GOAL_TABLE.orderBy,
    sortOrder: params.get("sort_order") === "desc" ? "desc" : "asc",
    page: positive(params.get("page"), 1),
    pageSize: positive(params.get("page_size"), DEFAULT_GOAL_TABLE.pageSize, MAX_PAGE_SIZE),
  };
}

/** The URL parameters after a change: anything but a page change goes back to page 1. */
export function writeGoalTable(params: URLSearchParams, change: Partial<GoalTableState>): URLSearchParams {
  const next = { ...readGoalTable(params), ...(change.page === undefined ? { page: 1 } : {}), ...change };
  const out = new URLSearchParams();
  if (next.status) out.set("status", next.status);
  if (next.orderBy !== DEFAULT_GOAL_TABLE.orderBy) out.set("order_by", next.orderBy);
  if (next.sortOrder !== DEFAULT_GOAL_TABLE.sortOrder) out.set("sort_order", next.sortOrder);
  if (next.page !== 1) out.set("page", String(next.page));
  if (next.pageSize !== DEFAULT_GOAL_TABLE.pageSize) out.set("page_size", String(next.pageSize));
  return out;
}
