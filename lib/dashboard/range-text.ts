import type { Range, RangeMetric } from "@/lib/analytics/ranges";
import { addDays, type DayWindow } from "@/lib/time";
import { plainSpaces, type Formats } from "./format";

/**
 * Engagement ranges and day windows written for people, in the reader's locale. Ranges keep
 * docs/metrics.md's meaning (lower bound included, upper excluded) but are written so that no value
 * reads as in two ranges: a count range names the whole numbers it holds ("0–12", "13–49",
 * "50 or more"), the ratio's says its bounds in words ("under 2.5", "2.5 to under 4", "4 or more").
 */

/** A count (problems, videos, posts) or the attempts-per-problem ratio, which is not. */
export type RangeKind = "count" | "ratio";

export const rangeKind = (metric: RangeMetric): RangeKind =>
  metric === "problem_attempts_per_completed" ? "ratio" : "count";

/** The range as text, or `none` for a range the course does not have (or, for a count, that holds no whole number). */
export function rangeText(range: Range | null, f: Formats, kind: RangeKind): string {
  if (!range) return "none";
  const [lower, upper] = range;
  if (kind === "ratio") {
    if (upper === null) return `${f.bound(lower)} or more`;
    return lower === 0 ? `under ${f.bound(upper)}` : `${f.bound(lower)} to under ${f.bound(upper)}`;
  }
  // Counts are whole: [lower, upper) holds ⌈lower⌉ up to ⌈upper⌉ − 1 (percentile bounds may be fractional).
  const first = Math.ceil(lower);
  if (upper === null) return `${f.count(first)} or more`;
  const last = Math.ceil(upper) - 1;
  if (last < first) return "none";
  return last === first ? f.count(first) : `${f.count(first)}–${f.count(last)}`;
}

const dayFormats = new Map<string, { full: Intl.DateTimeFormat; short: Intl.DateTimeFormat }>();

/**
 * The days `[start, end)` covers, first to last: "Mar 13 – Mar 19, 2026", "Dec 20, 2025 – Mar 19,
 * 2026"; one day is just that date, and a reversed window reads its two days as given. Built from
 * two dates joined by " – " rather than `formatRange`, whose spacing differs between Node's ICU
 * and the browser's (thin spaces on one side broke hydration).
 */
export function windowText(window: DayWindow, f: Formats): string {
  let fmt = dayFormats.get(f.locale);
  if (!fmt) {
    const opts = { day: "numeric", month: "short", timeZone: "UTC" } as const;
    fmt = {
      full: new Intl.DateTimeFormat(f.locale, { ...opts, year: "numeric" }),
      short: new Intl.DateTimeFormat(f.locale, opts),
    };
    dayFormats.set(f.locale, fmt);
  }
  const date = (d: string) => new Date(`${d}T00:00:00Z`);
  const last = addDays(window.end, -1);
  const full = (d: string) => plainSpaces(fmt.full.format(date(d)));
  if (last === window.start) return full(last);
  const sameYear = last > window.start && last.slice(0, 4) === window.start.slice(0, 4);
  const first = sameYear ? plainSpaces(fmt.short.format(date(window.start))) : full(window.start);
  return `${first} – ${full(last)}`;
}
