import type { DayValues } from "@/lib/analytics/engagement";
import { addDays, daysBetween, isDay, type DayWindow } from "@/lib/time";

/**
 * The timeline's view as the learner page's URL keeps it, read alike by the server (first render)
 * and the client (every change). Its names stay clear of the roster's, whose parameters the page
 * passes through untouched: `from` and `to` (inclusive days; both or neither, neither meaning all
 * activity) and `series` (comma-separated, omitted for the default).
 */

export type SeriesKey = Exclude<keyof DayValues, "date">;

/** Every series, in the chart's and the table's order. */
export const SERIES: readonly SeriesKey[] = [
  "problems_attempted",
  "problems_completed",
  "videos_viewed",
  "discussion_contributions",
  "problem_attempts",
];

/** All but attempts: attempts run several times higher than the rest and would flatten them. */
export const DEFAULT_SERIES: readonly SeriesKey[] = SERIES.filter((s) => s !== "problem_attempts");

/** The page's own parameters; every other one belongs to the roster. */
const TIMELINE_PARAMS = ["from", "to", "series"] as const;

/** The API's limit on a window (docs/edx-api.md). */
const MAX_RANGE_DAYS = 366;

/** Inclusive first and last day. */
export interface DayRange {
  from: string;
  to: string;
}

export interface TimelineView {
  /** Null: all activity, from the first to the last active day. */
  range: DayRange | null;
  series: SeriesKey[];
}

interface Params {
  get(name: string): string | null;
}

/** Why a range cannot be shown, in words for the person who picked it; null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isDay(from) || !isDay(to)) return "Pick both a start and an end date.";
  if (to < from) return "The start date must be on or before the end date.";
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return `Pick at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

/** The view a URL asks for; anything unreadable falls back to the default (all activity, default series). */
export function viewOf(params: Params): TimelineView {
  const from = params.get("from");
  const to = params.get("to");
  const range = from !== null && to !== null && rangeProblem(from, to) === null ? { from, to } : null;
  const asked = params.get("series")?.split(",") ?? [];
  const series = SERIES.filter((s) => asked.includes(s));
  return { range, series: series.length ? series : [...DEFAULT_SERIES] };
}

/** `params` with the view written in (defaults left out), every other parameter kept. */
export function withView(params: URLSearchParams, view: TimelineView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of TIMELINE_PARAMS) next.delete(name);
  if (view.range) {
    next.set("from", view.range.from);
    next.set("to", view.range.to);
  }
  const isDefault =
    view.series.length === DEFAULT_SERIES.length && DEFAULT_SERIES.every((s) => view.series.includes(s));
  if (!isDefault) next.set("series", SERIES.filter((s) => view.series.includes(s)).join(","));
  return next;
}

/** The API window (`start_date` inclusive, `end_date` exclusive) of a range. */
export function windowOfRange(range: DayRange): DayWindow {
  return { start: range.from, end: addDays(range.to, 1) };
}

/** The roster's parameters of a learner URL: everything but the timeline's own. */
export function rosterQuery(params: URLSearchParams): URLSearchParams {
  const roster = new URLSearchParams(params);
  for (const name of TIMELINE_PARAMS) roster.delete(name);
  return roster;
}

export interface Preset {
  label: string;
  range: DayRange | null;
}

/** The quick choices; the day ranges end the day before the as-of day, as the default window does. */
export function presetsFor(asOf: string): Preset[] {
  const last = addDays(asOf, -1);
  return [
    { label: "All activity", range: null },
    { label: "Last 30 days", range: { from: addDays(asOf, -30), to: last } },
    { label: "Last 7 days", range: { from: addDays(asOf, -7), to: last } },
  ];
}

export function sameRange(a: DayRange | null, b: DayRange | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}
