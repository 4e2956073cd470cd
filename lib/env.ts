import { z } from "zod";
import { dayOf, isDay } from "@/lib/time";

/**
 * Lantern's configuration: every environment variable it reads, with its type, default and
 * meaning, in one zod schema. The server (instrumentation.ts) and every CLI command (lib/cli/main.ts)
 * parse it before doing anything, so a nonsensical value stops them at start with one line naming
 * the variable, rather than making every request that reads it a 500. The README's Configuration
 * table lists the same variables (lib/env.test.ts checks). Server code only: a client component
 * importing it would ship zod and these messages to the browser.
 */

export type EnvRecord = Record<string, string | undefined>;

/**
 * One variable: blank or unset gives `fallback`; otherwise `read` turns the trimmed text into the
 * value, or undefined when it makes no sense — an issue saying what was `expected`.
 */
function setting<T>(
  meaning: string,
  fallback: T,
  expected: string,
  read: (trimmed: string, raw: string) => T | undefined,
) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      const trimmed = raw?.trim();
      if (raw === undefined || !trimmed) return fallback;
      const value = read(trimmed, raw);
      if (value === undefined) {
        ctx.addIssue({ code: "custom", message: `must be ${expected}` });
        return z.NEVER;
      }
      return value;
    })
    .describe(meaning);
}

const number =
  (min: number, max: number, opts: { above?: boolean; whole?: boolean } = {}) =>
  (s: string) => {
    if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
    const n = Number(s);
    if (opts.whole && !Number.isSafeInteger(n)) return undefined;
    return (opts.above ? n > min : n >= min) && n <= max ? n : undefined;
  };

const httpUrl = (s: string) => {
  try {
    return /^https?:$/.test(new URL(s).protocol) ? s : undefined;
  } catch {
    return undefined;
  }
};

/**
 * How many proxies in front of Lantern to believe (docs/security.md): a number of hops (`1` for one
 * reverse proxy; `true` means 1), `false`/`0` for none. Only a trusted proxy's `X-Forwarded-For`,
 * `-Host` and `-Proto` count (lib/server/front.ts); from anyone else they are dropped.
 */
function hopsOf(s: string): number | undefined {
  const v = s.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0" || v === "no" || v === "off") return 0;
  if (v === "true" || v === "yes" || v === "on") return 1;
  return /^\d+$/.test(v) && Number(v) <= 10 ? Number(v) : undefined;
}

/** An ISO 8601 time with a zone, in ms; a time without one would be read in the server's zone, so it is refused. */
const zonedTime = (s: string) => {
  const ms = /(Z|[+-]\d\d:?\d\d)$/i.test(s) ? Date.parse(s) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_IMPORT_BYTES = 1024 ** 3;
const DEFAULT_COMPANY_ID = "lantern";
const URL_EXAMPLE = "an http(s) URL such as https://lantern.example.edu";

export const envSchema = z.object({
  DATABASE_URL: setting(
    "the SQLite file (a path; `file:` prefix accepted)",
    "./data/lantern.db",
    "a file path",
    (s) => s,
  ),
  PORT: setting(
    "the port `lantern start`/`serve` listen on (`--port` wins)",
    3000,
    "a port number 1–65535",
    number(1, 65_535, { whole: true }),
  ),
  LANTERN_HOME: setting(
    "the package root (set by `npx lantern`); the working directory otherwise",
    undefined as string | undefined,
    "a folder",
    (s) => s,
  ),
  LANTERN_AS_OF: setting(
    "the as-of day the figures are computed for; today (UTC) when unset",
    undefined as string | undefined,
    "a date YYYY-MM-DD (2026-03-20)",
    (s) => (isDay(s) ? s : undefined),
  ),
  LANTERN_NOW: setting(
    "fixes “now” (ms) for 360Learning's due and session dates; the real time when unset",
    undefined as number | undefined,
    "an ISO 8601 time with a zone (2026-03-20T12:00:00Z)",
    zonedTime,
  ),
  NEXTAUTH_SECRET: setting(
    "the session-signing secret; when unset one is generated once and kept in `session-secret` beside the database",
    undefined as string | undefined,
    "a secret",
    (_s, raw) => raw,
  ),
  LANTERN_PUBLIC_URL: setting(
    "Lantern's canonical address: absolute links, the Origin cookie writes must carry, Secure cookies",
    undefined as string | undefined,
    URL_EXAMPLE,
    httpUrl,
  ),
  NEXTAUTH_URL: setting(
    "the same setting as LANTERN_PUBLIC_URL, under next-auth's name",
    undefined as string | undefined,
    URL_EXAMPLE,
    httpUrl,
  ),
  LANTERN_TRUST_PROXY: setting(
    "the number of reverse proxies in front whose X-Forwarded-* headers are believed (docs/security.md)",
    0,
    "a number of proxies (0–10), true or false",
    hopsOf,
  ),
  LANTERN_SESSION_HOURS: setting(
    "how long a sign-in lasts, in hours",
    12,
    "a number of hours above 0 (at most a year, 8784)",
    number(0, 24 * 366, { above: true }),
  ),
  LANTERN_REFIT_DELAY_MS: setting(
    "quiet time after a write before the mastery model is refitted in the background; `off` (null) turns it off",
    5000 as number | null,
    "a number of milliseconds ≥ 0, or off",
    (s) => (s.toLowerCase() === "off" ? null : number(0, Number.MAX_SAFE_INTEGER)(s)),
  ),
  LANTERN_CHECKPOINT_MS: setting(
    "how often the server's worker thread checkpoints the WAL (docs/architecture.md § The connection); 0 leaves it to SQLite",
    1000,
    "a number of milliseconds ≥ 0",
    number(0, Number.MAX_SAFE_INTEGER),
  ),
  LANTERN_WRITE_WAIT_S: setting(
    "how long a CLI command that writes waits for another write to finish; 0 stops at once",
    3600,
    "a number of seconds ≥ 0",
    number(0, Number.MAX_SAFE_INTEGER),
  ),
  LANTERN_MAX_BODY_BYTES: setting(
    "the largest JSON request body of any route; larger is a 413",
    DEFAULT_MAX_BODY_BYTES,
    "a whole number of bytes above 0",
    number(0, Number.MAX_SAFE_INTEGER, { above: true, whole: true }),
  ),
  LANTERN_MAX_IMPORT_BYTES: setting(
    "the largest `POST /api/v0/import` body (it streams)",
    DEFAULT_MAX_IMPORT_BYTES,
    "a whole number of bytes above 0",
    number(0, Number.MAX_SAFE_INTEGER, { above: true, whole: true }),
  ),
  LANTERN_COMPANY_ID: setting(
    "the company id 360Learning clients send with their API key",
    DEFAULT_COMPANY_ID,
    "a company id",
    (s) => s,
  ),
  LANTERN_LMS_ACCOUNT_URL: setting(
    "the LMS's account page prefix; a learner's `account_url` is it + `/<username>` (no trailing slash kept)",
    null as string | null,
    "an http(s) URL such as https://lms.example.edu/u/",
    (s) => httpUrl(s)?.replace(/\/+$/, ""),
  ),
  CHROMIUM_PATH: setting(
    "the browser the tests drive (read by scripts/chromium.mjs)",
    undefined as string | undefined,
    "a file path",
    (s) => s,
  ),
});

export type Env = z.output<typeof envSchema>;

const NAMES = Object.keys(envSchema.shape) as (keyof Env)[];

/** A configuration that makes no sense: its message is one line naming each variable at fault. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses `source` (process.env by default), throwing an EnvError naming every variable at fault. */
export function parseEnv(source: EnvRecord = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name} must be ${issue.message.replace(/^must be /, "")}; got "${source[name]}"`;
  });
  throw new EnvError(`${problems.join("; ")}.`);
}

let cached: { key: string; env: Env } | undefined;

/**
 * The configuration, parsed once per set of values: a process reads it on every request, and a
 * test that sets a variable (or starts an app with its own) sees the new value, not a stale one.
 * `source` lets a test pass a record of its own.
 */
export function env(source: EnvRecord = process.env): Env {
  const key = JSON.stringify(NAMES.map((n) => source[n] ?? null));
  if (cached?.key === key) return cached.env;
  const parsed = parseEnv(source);
  cached = { key, env: parsed };
  return parsed;
}

/** The package root: `LANTERN_HOME` when set (the CLI sets it), else the working directory. */
export function packageRoot(source: EnvRecord = process.env): string {
  return env(source).LANTERN_HOME ?? process.cwd();
}

/** The as-of day (docs/metrics.md § Days and windows): `LANTERN_AS_OF` when set, else today (UTC). */
export function asOfDay(source: EnvRecord = process.env, now: number = Date.now()): string {
  return env(source).LANTERN_AS_OF ?? dayOf(now);
}
