/**
 * Numbers and dates as the dashboard shows them, in the reader's locale (taken from the
 * browser's Accept-Language on the server and passed to client components, so both render alike).
 */

export const DEFAULT_LOCALE = "en";

/** The first locale of an Accept-Language header that Intl supports, else English. */
export function localeFrom(acceptLanguage: string | null | undefined): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]!.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return DEFAULT_LOCALE;
}

export interface Formats {
  locale: string;
  count: (n: number) => string;
  /** One decimal; `N/A` for null (nothing answered correctly). */
  ratio: (r: number | null) => string;
  /** A range bound: up to two decimals. */
  bound: (n: number) => string;
  /** A UTC day `YYYY-MM-DD` as a date. */
  day: (day: string) => string;
  /** A short day for chart axes. */
  shortDay: (day: string) => string;
  /** An ISO timestamp as date and time, UTC. */
  dateTime: (iso: string) => string;
}

/**
 * Intl output with its thin and no-break spaces made plain. ICU versions differ in which they use
 * (Node's and Chromium's do), and text the server renders must match the browser's exactly.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f\u00a0]/g, " ");
}

const cache = new Map<string, Formats>();

export function formatsFor(locale: string): Formats {
  const hit = cache.get(locale);
  if (hit) return hit;
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const ratio = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const bound = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const shortDay = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const asDate = (d: string) => new Date(`${d}T00:00:00Z`);
  const f: Formats = {
    locale,
    count: (n) => count.format(n),
    ratio: (r) => (r === null ? "N/A" : ratio.format(r)),
    bound: (n) => bound.format(n),
    day: (d) => plainSpaces(day.format(asDate(d))),
    shortDay: (d) => plainSpaces(shortDay.format(asDate(d))),
    dateTime: (iso) => `${plainSpaces(dateTime.format(new Date(iso)))} UTC`,
  };
  cache.set(locale, f);
  return f;
}
