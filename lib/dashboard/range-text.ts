import type { Range } from "@/lib/analytics/ranges";
import { addDays, type DayWindow } from "@/lib/time";
import type { Formats } from "./format";

/**
 * Engagement ranges and day windows written for people, in the reader's locale. Ranges keep
 * domain.md's meaning (lower bound included, upper excluded), so "13–50" reads as from 13 up to 50.
 */

/** `0–13`, `50 or more`, or `none` for a range the course does not have. */
export function rangeText(range: Range | null, f: Formats): string {
  if (!range) return "none";
  const [lower, upper] = range;
  return upper === null ? `${f.bound(lower)} or more` : `${f.bound(lower)}–${f.bound(upper)}`;
}

const spans = new Map<string, Intl.DateTimeFormat>();

/** The days `[start, end)` covers, first to last: "Mar 13 – 19, 2026"; one day is just that date. */
export function windowText(window: DayWindow, f: Formats): string {
  const last = addDays(window.end, -1);
  if (last <= window.start) return f.day(window.start);
  let span = spans.get(f.locale);
  if (!span) spans.set(f.locale, (span = new Intl.DateTimeFormat(f.locale, { dateStyle: "medium", timeZone: "UTC" })));
  return span.formatRange(new Date(`${window.start}T00:00:00Z`), new Date(`${last}T00:00:00Z`));
}
