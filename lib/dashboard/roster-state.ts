import { SEGMENTS, type Segment } from "@/lib/analytics/segments";
import { DEFAULT_PAGE_SIZE, ORDER_BY, type OrderBy } from "@/lib/api/edx/constants";

/**
 * The roster's state, which lives only in the page URL. Its parameters are the learner list API's
 * own (docs/edx-api.md § The contract, GET /api/v0/learners/), so the page fetches `/api/v0/learners/?course_id=…&` +
 * the same parameters, and "Download CSV" is that URL with `format=csv` and no `page`.
 */

/** The URL parameters that make up the roster's state (all of them the API's). */
export const ROSTER_KEYS = [
  "text_search",
  "segments",
  "ignore_segments",
  "cohort",
  "enrollment_mode",
  "start_date",
  "end_date",
  "order_by",
  "sort_order",
  "page",
  "page_size",
] as const;
export type RosterKey = (typeof ROSTER_KEYS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface RosterState {
  textSearch: string;
  segments: Segment[];
  ignoreSegments: Segment[];
  cohort: string;
  mode: string;
  /** A custom window `[start, end)`, or null for the default (the 7 days before the as-of day). */
  window: { start: string; end: string } | null;
  orderBy: OrderBy;
  sortOrder: "asc" | "desc";
  page: number;
  pageSize: number;
}

const segmentList = (v: string | null): Segment[] =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is Segment => (SEGMENTS as readonly string[]).includes(s));

const wholeNumber = (v: string | null, fallback: number): number =>
  v && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : fallback;

/** The state a URL describes, for the controls; a value the API would refuse reads as its default here (the API says what is wrong). */
export function readRoster(params: URLSearchParams): RosterState {
  const orderBy = params.get("order_by");
  const start = params.get("start_date");
  const end = params.get("end_date");
  return {
    textSearch: params.get("text_search") ?? "",
    segments: segmentList(params.get("segments")),
    ignoreSegments: segmentList(params.get("ignore_segments")),
    cohort: params.get("cohort") ?? "",
    mode: params.get("enrollment_mode") ?? "",
    window: start && end ? { start, end } : null,
    orderBy: (ORDER_BY as readonly string[]).includes(orderBy ?? "") ? (orderBy as OrderBy) : "username",
    sortOrder: params.get("sort_order") === "desc" ? "desc" : "asc",
    page: wholeNumber(params.get("page"), 1),
    pageSize: wholeNumber(params.get("page_size"), DEFAULT_PAGE_SIZE),
  };
}

export type RosterChange = Partial<RosterState>;

/**
 * The URL parameters after a change. Anything but a page change goes back to page 1 (a new sort
 * or filter starts from the top); values equal to the defaults are left out, so every view has
 * one URL. Parameters that are not the roster's are kept as they are.
 */
export function writeRoster(params: URLSearchParams, change: RosterChange): URLSearchParams {
  const next = { ...readRoster(params), ...(change.page === undefined ? { page: 1 } : {}), ...change };
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!(ROSTER_KEYS as readonly string[]).includes(k)) out.append(k, v);
  const set = (key: RosterKey, value: string, omitWhen = "") => {
    if (value !== omitWhen) out.set(key, value);
  };
  set("text_search", next.textSearch.trim());
  set("segments", next.segments.join(","));
  set("ignore_segments", next.segments.length ? "" : next.ignoreSegments.join(","));
  set("cohort", next.cohort);
  set("enrollment_mode", next.mode);
  if (next.window) {
    out.set("start_date", next.window.start);
    out.set("end_date", next.window.end);
  }
  set("order_by", next.orderBy, "username");
  set("sort_order", next.sortOrder, "asc");
  set("page", String(next.page), "1");
  set("page_size", String(next.pageSize), String(DEFAULT_PAGE_SIZE));
  return out;
}

/** The roster's parameters of a URL (what the API is asked, and what a learner link carries back). */
export function rosterParamsOf(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if ((ROSTER_KEYS as readonly string[]).includes(k)) out.append(k, v);
  return out;
}

/** The list API's URL for the roster in `params`: a page as JSON, or with `csv` every matching learner as CSV in the same order. */
export function learnersApiUrl(courseId: string, params: URLSearchParams, opts: { csv?: boolean } = {}): string {
  const q = rosterParamsOf(params);
  q.set("course_id", courseId);
  if (opts.csv) {
    q.delete("page");
    q.delete("page_size");
    q.set("format", "csv");
  }
  return `/api/v0/learners/?${q.toString()}`;
}

/** True when any filter narrows the roster (a search, segments, cohort, track). */
export function isFiltered(s: RosterState): boolean {
  return Boolean(s.textSearch.trim() || s.segments.length || s.ignoreSegments.length || s.cohort || s.mode);
}
