import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";

/** What the Knewton API says of the goals and of every registration's status on them, for checking the goal pages. */

export const GOAL_STATUSES = ["complete", "complete_max_work", "in_progress", "struggling", "no_work"] as const;
export type Status = (typeof GOAL_STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  complete: "Complete",
  complete_max_work: "Complete (work limit)",
  in_progress: "In progress",
  struggling: "Needs help",
  no_work: "No work yet",
};

export interface ApiGoal {
  id: string;
  name: string;
  targets: string[];
  target_type: "learning_objective" | "module";
  topics: { topic_id: string; targets: string[] }[] | null;
}

export interface ApiCell {
  goal_id: string;
  status: Status;
  progress: number;
  work_remaining: number;
  work_remaining_range: [number, number];
  targets: { target_id?: string; module_id?: string; status: string; progress: number }[];
  topic_work_remaining?: { topic_id: string; min_work_remaining: number; average_work_remaining: number }[];
}

export const goalsUrl = (courseId: string) => `/courses/${encodeURIComponent(courseId)}/goals`;
export const goalUrl = (courseId: string, goalId: string, query = "") =>
  `${goalsUrl(courseId)}/${goalId}${query ? `?${query}` : ""}`;

/** The course's goals, by name, as the scoped-goals API lists them. */
export async function apiGoals(request: APIRequestContext, courseId: string): Promise<ApiGoal[]> {
  const res = await request.get(`/api/v0/learning-instances/${encodeURIComponent(courseId)}/scoped-goals`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { results: ApiGoal[] }).results;
}

/** Every registration's cells on the goals (registration id → cells in goal order), following `next` page by page. */
export async function allStatuses(
  request: APIRequestContext,
  courseId: string,
  goalIds: string[],
): Promise<Map<string, ApiCell[]>> {
  const out = new Map<string, ApiCell[]>();
  let body: Record<string, unknown> = { goal_ids: goalIds, registrations_per_page: 100 };
  for (;;) {
    const res = await request.post(
      `/api/v0/learning-instances/${encodeURIComponent(courseId)}/metrics/status-and-progress`,
      { data: body },
    );
    expect(res.status()).toBe(200);
    const page = (await res.json()) as {
      data: { registration_id: string; status_and_progress: ApiCell[] }[];
      next?: Record<string, number>;
    };
    for (const row of page.data) out.set(row.registration_id, row.status_and_progress);
    if (!page.next) return out;
    body = { goal_ids: goalIds, ...page.next };
  }
}

/** How many registrations have each status on goal `j` of the cells. */
export function tally(cells: Map<string, ApiCell[]>, j: number): Record<Status, number> {
  const counts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const row of cells.values()) counts[row[j]!.status]++;
  return counts;
}

/**
 * The whole percentage a page shows for an API progress: the page rounds the exact share down,
 * the API rounds it to three decimals, so either whole number around it may be right.
 */
export function percentsFor(progress: number, status: string): string[] {
  if (status === "complete") return ["100%"];
  return [
    ...new Set(
      [Math.floor(progress * 100 - 0.05), Math.floor(progress * 100 + 0.05)].map(
        (p) => `${Math.min(99, Math.max(0, p))}%`,
      ),
    ),
  ];
}

/** The work remaining as the goal pages write it, from an API cell: "about 4" and "usually 2–7" (docs/dashboard.md § Goals). */
export function remainingWords(n: number, [low, high]: [number, number]): { about: string; usually: string | null } {
  const count = (x: number) => (x >= 30 ? "30+" : String(x));
  if (n <= 0 || n >= 30 || (low === high && high === n)) return { about: count(n), usually: null };
  return {
    about: `about ${count(n)}`,
    usually: high >= 30 ? `usually ${low} or more` : low === high ? `usually ${low}` : `usually ${low}–${high}`,
  };
}
