/** UTC days as `YYYY-MM-DD` strings; `docs/metrics.md` § Days and windows. */

// Pure day arithmetic, imported by client components too: nothing here reads the configuration
// (the as-of day is lib/env.ts's `asOfDay`).

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of a time in milliseconds since the epoch. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** A half-open window of days `[start, end)`. */
export interface DayWindow {
  start: string;
  end: string;
}

/** The default window: the 7 days before the as-of day. */
export function defaultWindow(asOf: string): DayWindow {
  return { start: addDays(asOf, -7), end: asOf };
}

/** Every day of `[start, end)`. */
export function daysOf(window: DayWindow): string[] {
  const out: string[] = [];
  for (let d = window.start; d < window.end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Milliseconds-since-epoch of an ISO 8601 timestamp, or NaN. */
export function parseTimestamp(value: string): number {
  return Date.parse(value);
}
