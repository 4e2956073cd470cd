import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import type { BrowserFigures } from "./browser";
import type { CsvFigures } from "./csv-export";
import type { HttpFigures, RouteFigures } from "./http-routes";
import { LOAD_CONNECTIONS } from "./http-routes";
import type { ImportFigures } from "./import-course";
import type { ImportFloor } from "./import-floor";
import type { PageCacheFigures } from "./page-cache";
import type { RefreshFigures } from "./refresh";
import type { RouteTarget } from "./routes";
import type { IngestFigures } from "./xapi-ingest";

/** The bench's results as Markdown: one section per number of learners, and how each cost grows. */

export interface RunResult {
  learners: number;
  generated: { lines: number; bytes: number; seconds: number; reused: boolean };
  imported: ImportFigures & { reused: boolean; measuredAt: string };
  importFloor: ImportFloor;
  dbMb: number;
  /** The database read through once before the routes (absent in results from before it was). */
  pageCache?: PageCacheFigures;
  refresh: RefreshFigures;
  trivial: HttpFigures;
  routes: RouteFigures[];
  skipped: string[];
  /** Routes whose measurement failed, with the error. */
  failed: { name: string; error: string }[];
  csv: CsvFigures;
  ingest: IngestFigures;
  browser: BrowserFigures;
  seconds: number;
}

const n0 = (x: number) => Math.round(x).toLocaleString("en");
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const sec = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
// A ratio of a zero (no memory growth, say) says nothing.
const times = (x: number) => (Number.isFinite(x) ? `×${x < 10 ? x.toFixed(1) : x.toFixed(0)}` : "—");
// "Flat" allows for SQLite's page cache (64 MB a connection), which on a small file may still be
// filling after the first quarter, and for the derived-table refresh at the end of the import.
const FLAT_MB = 100;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** Which parts of a route target the figures miss. */
function routeVerdict(r: RouteFigures, trivial: HttpFigures, t: RouteTarget): string {
  const missed = [
    t.p50 !== undefined && r.latency.p50 > t.p50 ? "p50" : "",
    t.p99 !== undefined && r.latency.p99 > t.p99 ? "p99" : "",
    t.shareOfTrivial !== undefined && r.load.perSecond < t.shareOfTrivial * trivial.load.perSecond ? "req/s" : "",
  ].filter(Boolean);
  return missed.length ? `**missed** (${missed.join(", ")})` : "met";
}

function routeTable(r: RunResult): string[] {
  const t = r.trivial;
  const out = [
    `| route | p50 | p99 | req/s (${LOAD_CONNECTIONS} conn.) | floor p50 | floor p99 | p50 ÷ floor | req/s ÷ trivial | target | |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    `| trivial route (\`GET /api/health\`) | ${ms(t.latency.p50)} | ${ms(t.latency.p99)} | ${n0(t.load.perSecond)} | — | — | — | 100% | — | |`,
  ];
  for (const x of r.routes) {
    out.push(
      `| ${x.name} | ${ms(x.latency.p50)} | ${ms(x.latency.p99)} | ${n0(x.load.perSecond)}${x.load.connections === LOAD_CONNECTIONS ? "" : ` (${x.load.connections} conn.)`} | ${x.floor ? ms(x.floor.p50) : "—"} | ${x.floor ? ms(x.floor.p99) : "—"} | ${x.floor ? times(x.latency.p50 / x.floor.p50) : "—"} | ${pct(x.load.perSecond / t.load.perSecond)} | ${x.target?.text ?? "—"} | ${x.target ? routeVerdict(x, t, x.target) : ""} |`,
    );
  }
  return out;
}

function dataTable(r: RunResult): string[] {
  const { imported: i, importFloor: f, csv, ingest, refresh, browser } = r;
  const importRate = i.records / i.seconds;
  const growth = i.peakMb - i.quarterPeakMb;
  const reused = i.reused
    ? ` — measured ${i.measuredAt.slice(0, 10)} when the database was built (reused; \`--fresh\` remeasures)`
    : "";
  const rows: [string, string, string, string, string, string][] = [
    [
      "JSON Lines import",
      `${n0(importRate)} records/s (${n0(i.records)} in ${sec(i.seconds)})${reused}`,
      `${n0(f.perSecond)} records/s (plain INSERTs, first ${n0(f.records)} records)`,
      pct(importRate / f.perSecond),
      "≥ 50,000 records/s",
      verdict(importRate >= 50_000),
    ],
    [
      "import, peak memory",
      `${mb(i.peakMb)} (${mb(i.quarterPeakMb)} after a quarter of the file)`,
      "—",
      `+${mb(Math.max(0, growth))} over the last ¾`,
      `flat memory (≤ +${FLAT_MB} MB over the last ¾)`,
      verdict(growth <= FLAT_MB),
    ],
    ["mastery refit after the import", sec(i.refitSeconds), "—", "—", "—", ""],
    [
      "CSV export, all learners",
      `${n0(csv.rowsPerSecond)} rows/s (${n0(csv.rows)} in ${sec(csv.seconds)})`,
      `${n0(csv.floor.rowsPerSecond)} rows/s (\`iterateLearners\` in-process)`,
      pct(csv.rowsPerSecond / csv.floor.rowsPerSecond),
      "≥ 100,000 rows/s",
      verdict(csv.rowsPerSecond >= 100_000),
    ],
    [
      "CSV export, server memory growth",
      `${mb(csv.growthMb)} (idle ${mb(csv.idleRssMb)}, peak ${mb(csv.peakRssMb)})`,
      "—",
      "—",
      "≤ 100 MB",
      verdict(csv.growthMb <= 100),
    ],
    [
      "xAPI ingest, 1 sender",
      `${n0(ingest.oneSender.perSecond)} statements/s (${n0(ingest.oneSender.statements)} in ${sec(ingest.oneSender.seconds)})`,
      `${n0(ingest.floor.perSecond)} statements/s (\`ingestStatements\` in-process)`,
      pct(ingest.oneSender.perSecond / ingest.floor.perSecond),
      "≥ 10,000 statements/s",
      verdict(ingest.oneSender.perSecond >= 10_000),
    ],
    [
      `xAPI ingest, ${ingest.severalSenders.senders} senders`,
      `${n0(ingest.severalSenders.perSecond)} statements/s`,
      "the same",
      pct(ingest.severalSenders.perSecond / ingest.floor.perSecond),
      "≥ 10,000 statements/s",
      verdict(ingest.severalSenders.perSecond >= 10_000),
    ],
    [
      "summary refresh, new as-of day",
      `${sec(refresh.nextDaySeconds)} (and back: ${sec(refresh.backSeconds)})`,
      `${sec(refresh.floorSeconds)} (one SELECT of every learner's window figures)`,
      times(refresh.nextDaySeconds / refresh.floorSeconds),
      "—",
      "",
    ],
    [
      "first read after the ingest (stale summaries, ranges)",
      sec(ingest.rangesRefreshSeconds),
      `${sec(ingest.rangesRefreshFloorSeconds)} (one SELECT of the summaries)`,
      times(ingest.rangesRefreshSeconds / ingest.rangesRefreshFloorSeconds),
      "—",
      "",
    ],
    [
      "roster page, first load",
      ms(browser.roster.loadMs),
      `${ms(browser.floor.loadMs)} (the sign-in page)`,
      times(browser.roster.loadMs / browser.floor.loadMs),
      "≤ 1 s",
      verdict(browser.roster.loadMs <= 1000),
    ],
    [
      "roster page, JS gzipped",
      `${kb(browser.roster.jsGzipBytes)} (${browser.roster.scripts} scripts)`,
      `${kb(browser.floor.jsGzipBytes)} (the sign-in page)`,
      times(browser.roster.jsGzipBytes / browser.floor.jsGzipBytes),
      "≤ 250 KB",
      verdict(browser.roster.jsGzipBytes <= 250 * 1024),
    ],
  ];
  return [
    "| figure | value | floor | of / over floor | target | |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((c) => `| ${c.join(" | ")} |`),
  ];
}

function pageCacheNote(c: PageCacheFigures | undefined): string {
  if (!c) return "";
  return c.fits
    ? `, read into the OS page cache before the routes were measured (${sec(c.seconds)})`
    : `, larger than the memory available, so the routes read part of it from disk`;
}

export function runSection(r: RunResult): string {
  const noFloor = r.routes.filter((x) => !x.floor).map((x) => x.name);
  const data = `${n0(r.generated.lines)} records, ${mb(r.generated.bytes / 2 ** 20)} of JSON Lines${r.generated.reused ? " (reused)" : `, generated in ${sec(r.generated.seconds)}`}; database ${mb(r.dbMb)}${pageCacheNote(r.pageCache)}; this run took ${sec(r.seconds)}.`;
  return [
    `### ${n0(r.learners)} learners`,
    "",
    data,
    "",
    `API routes over loopback with an admin key: latency with 1 connection, requests/s with ${LOAD_CONNECTIONS}; the floor is the same query function called in-process on better-sqlite3.`,
    "",
    ...routeTable(r),
    ...(r.skipped.length
      ? ["", `Not measured (their route files are not in this tree yet): ${r.skipped.join(", ")}.`]
      : []),
    ...(r.failed?.length ? ["", ...r.failed.map((f) => `**Failed:** ${f.name} — ${f.error}.`)] : []),
    ...(noFloor.length
      ? ["", `No floor yet (add the family's query function to its line in bench/routes.ts): ${noFloor.join(", ")}.`]
      : []),
    "",
    ...dataTable(r),
    "",
  ].join("\n");
}

/** Each main cost at every number of learners, and how much it grew from the smallest to the largest. */
export function scalingTable(results: readonly RunResult[]): string {
  const figures: [string, (r: RunResult) => number, (x: number) => string][] = [
    ["JSON Lines import, records/s", (r) => r.imported.records / r.imported.seconds, n0],
    ["import, peak memory (MB)", (r) => r.imported.peakMb, n0],
    ["summary refresh, new as-of day (s)", (r) => r.refresh.nextDaySeconds, (x) => x.toFixed(2)],
    ["trivial route, p50 (ms)", (r) => r.trivial.latency.p50, (x) => x.toFixed(2)],
    ...results[0]!.routes.map((route, k): [string, (r: RunResult) => number, (x: number) => string] => [
      `${route.name}, p50 (ms)`,
      (r) => r.routes[k]!.latency.p50,
      (x) => x.toFixed(2),
    ]),
    ["learner list, req/s", (r) => r.routes[0]!.load.perSecond, n0],
    ["CSV export, rows/s", (r) => r.csv.rowsPerSecond, n0],
    ["CSV export, memory growth (MB)", (r) => r.csv.growthMb, n0],
    ["xAPI ingest, statements/s (1 sender)", (r) => r.ingest.oneSender.perSecond, n0],
    ["first read after the ingest (s)", (r) => r.ingest.rangesRefreshSeconds, (x) => x.toFixed(3)],
    ["roster page, first load (ms)", (r) => r.browser.roster.loadMs, n0],
  ];
  const first = results[0]!;
  const last = results[results.length - 1]!;
  return [
    `| figure | ${results.map((r) => `${n0(r.learners)} learners`).join(" | ")} | last ÷ first (learners ×${n0(last.learners / first.learners)}) |`,
    `| --- | ${results.map(() => "---:").join(" | ")} | ---: |`,
    ...figures.map(
      ([label, get, fmt]) =>
        `| ${label} | ${results.map((r) => fmt(get(r))).join(" | ")} | ${times(get(last) / get(first))} |`,
    ),
  ].join("\n");
}

export function machine(): string {
  const cpus = os.cpus();
  let distro = os.type();
  try {
    distro = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? distro;
  } catch {
    // Not Linux: the kernel's name will do.
  }
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory; Node ${process.version}; ${distro} (kernel ${os.release()})`;
}

export function report(results: readonly RunResult[], command: string, startedAt: Date): string {
  return [
    "# Benchmark results",
    "",
    `\`${command}\`, ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, on ${machine()}.`,
    "",
    "How to run it and what each figure means: [README § Performance](../README.md#performance). Targets (README § Performance) are for 100,000 learners on 2 cores; each figure sits beside its floor measured in the same run, so the ratios hold on a noisy machine better than the raw numbers.",
    "",
    ...(results.length > 1 ? ["## How each cost grows", "", scalingTable(results), ""] : []),
    "## Figures",
    "",
    ...results.map(runSection),
    ...bounds(),
  ].join("\n");
}

/**
 * What bounds the targets still missed, with the profiles behind it: written by hand in
 * bench/bounds.md, kept when the figures are measured again.
 */
function bounds(): string[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "bounds.md");
  return existsSync(file) ? ["", readFileSync(file, "utf8").trimEnd(), ""] : [];
}
