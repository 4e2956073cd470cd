/** The learner list's sort keys and page sizes (docs/edx-api.md), without zod: the dashboard's client code imports these. */

export const ORDER_BY = [
  "username",
  "email",
  "name",
  "enrollment_date",
  "discussion_contributions",
  "problems_attempted",
  "problems_completed",
  "problem_attempts_per_completed",
  "videos_viewed",
] as const;
export type OrderBy = (typeof ORDER_BY)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
