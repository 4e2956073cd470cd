/** ISO 8601 timestamps and durations as senders write them (xAPI, Knewton, the import). */

const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time, or null when it is not one. Fractions
 * beyond milliseconds (Open edX sends microseconds) are truncated. A time without an offset is
 * read as UTC rather than as the server's local time, so the result never depends on the host.
 */
export function parseTimestamp(value: string): number | null {
  const m = TIMESTAMP_RE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone = "Z"] = m as unknown as string[];
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  const base = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  if (new Date(base).getUTCDate() !== day) return null;
  return base - zoneOffsetMs(zone!);
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** A date (`2026-03-01`) or date-time, as the import accepts for dates; normalised to ISO UTC. */
export function normaliseDate(value: string): string | null {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseTimestamp(`${value}T00:00:00Z`) : parseTimestamp(value);
  return ms === null ? null : new Date(ms).toISOString();
}

const NUM = "(\\d+(?:[.,]\\d+)?)";
const DURATION_RE = new RegExp(
  `^P(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`,
);
// Years and months have no fixed length; learning-time durations never use them in practice,
// so the usual approximations (365 and 30 days) are good enough.
const UNIT_MS = [365 * 86_400_000, 30 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000];

/** Milliseconds of an ISO 8601 duration (`PT1H2M3.5S`, `PT03M15S`, `P1D`), or null when it is not one. */
export function parseDuration(value: string): number | null {
  const m = DURATION_RE.exec(value);
  if (!m || value === "P" || value.endsWith("T")) return null;
  let total = 0;
  let any = false;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const part = m[i + 1];
    if (part === undefined) continue;
    any = true;
    total += Number(part.replace(",", ".")) * UNIT_MS[i]!;
  }
  return any ? Math.round(total) : null;
}
