import { env, type EnvRecord } from "@/lib/env";

/**
 * The current time, for figures that depend on the wall clock rather than on the as-of day
 * (360Learning's due dates and session dates, `docs/metrics.md`). `LANTERN_NOW` (an ISO 8601 timestamp
 * with a time zone) fixes it, so tests and demos can look at a chosen moment; otherwise it is the
 * real time.
 */
export function currentTime(source: EnvRecord = process.env, real: () => number = Date.now): number {
  return env(source).LANTERN_NOW ?? real();
}
