/**
 * The dashboard's URLs. Course ids may hold `:`, `+`, `/` and `@` (a CCX key), so each is one encoded path segment.
 */

type Query = URLSearchParams | string | undefined;

function withQuery(path: string, query: Query): string {
  const qs = typeof query === "string" ? query.replace(/^\?/, "") : (query?.toString() ?? "");
  return qs ? `${path}?${qs}` : path;
}

export function coursePath(courseId: string): string {
  return `/courses/${encodeURIComponent(courseId)}`;
}

export function rosterPath(courseId: string, query?: Query): string {
  return withQuery(`${coursePath(courseId)}/learners`, query);
}

export function learnerPath(courseId: string, username: string, query?: Query): string {
  return withQuery(`${coursePath(courseId)}/learners/${encodeURIComponent(username)}`, query);
}

export function goalsPath(courseId: string): string {
  return `${coursePath(courseId)}/goals`;
}

export function newGoalPath(courseId: string): string {
  return `${goalsPath(courseId)}/new`;
}

export function editGoalPath(courseId: string, goalId: string): string {
  return `${goalsPath(courseId)}/${encodeURIComponent(goalId)}/edit`;
}

export function goalPath(courseId: string, goalId: string, query?: Query): string {
  return withQuery(`${goalsPath(courseId)}/${encodeURIComponent(goalId)}`, query);
}

/**
 * A dynamic route segment as the id it names. Ids and usernames never contain `%`
 * (docs/metrics.md), so decoding is safe whether or not the router already decoded it.
 */
export function segmentValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
