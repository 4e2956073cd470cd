/**
 * The current time, for figures that depend on the wall clock rather than on the as-of day
 * (360Learning's due dates and session dates, `domain.md`). `LANTERN_NOW` (an ISO 8601 timestamp
 * with a time zone) fixes it, so tests and demos can look at a chosen moment; otherwise it is the
 * real time.
 */
export function currentTime(env: Record<string, string | undefined> = process.env, real: () => number = Date.now): number {
  const set = env.LANTERN_NOW?.trim();
  if (!set) return real();
  // A time without a zone would be read in the server's local time: refuse it rather than guess.
  const ms = /(Z|[+-]\d\d:?\d\d)$/i.test(set) ? Date.parse(set) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`LANTERN_NOW must be an ISO 8601 time with a zone (2026-03-20T12:00:00Z), got "${set}"`);
  return ms;
}
