/**
 * `npm run bench -- [--learners N[,N…]] [--skip-build] [--fresh] [--keep] [--prepare] [--out bench/results.md] [--skip-route NAME…]`
 *
 * For each N (default 100,000): generates the bench course (bench/course-gen.ts), imports it in a
 * process of its own, measures the summary refresh, starts the production server on that database
 * and measures every API route, the CSV export, the roster page and xAPI ingest, each beside its
 * floor; prints the results and writes them to `--out`. Data lives in /tmp/lantern-bench/, named by
 * N and generator version: an existing file and database are reused unless `--fresh`, and are
 * deleted after the run unless `--keep` (at 100,000 learners they take several GB). `--prepare`
 * only generates and imports them (the hour a 100,000-learner run spends before measuring).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkpointIntervalMs } from "@/db/checkpointer";
import { migrateDb, openDb, type Db } from "@/db/client";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { addDays } from "@/lib/time";
import { measureBrowser } from "./browser";
import { BENCH_ADMIN, BENCH_COURSE, benchCatalog } from "./course-catalog";
import { GENERATOR_VERSION, writeBenchCourse } from "./course-gen";
import { measureCsvExport } from "./csv-export";
import { measureRoute, measureTrivial } from "./http-routes";
import type { ImportFigures } from "./import-course";
import { measureImportFloor } from "./import-floor";
import { warmPageCache } from "./page-cache";
import { measureRefresh } from "./refresh";
import { report, runSection, type RunResult } from "./report";
import { presentRoutes, type BenchContext } from "./routes";
import { startServer } from "./server";
import { measureIngest, removeBenchStatements } from "./xapi-ingest";

const AS_OF = "2026-03-20";
const DIR = "/tmp/lantern-bench";
// Every figure the app computes is for this day, in the server and in this process alike.
process.env.LANTERN_AS_OF = AS_OF;

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "100000" },
    "skip-build": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    // Generate and import each size's course (what takes longest at 100,000 learners), measure nothing.
    prepare: { type: "boolean", default: false },
    out: { type: "string", default: "bench/results.md" },
    // Routes (by name prefix) left out of the run, e.g. one that fails at some size; the report says so.
    "skip-route": { type: "string", multiple: true, default: [] },
  },
});
const counts = values.learners.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
if (counts.some((n) => !Number.isSafeInteger(n) || n < 100))
  throw new Error(`--learners takes whole numbers ≥ 100, comma-separated; got "${values.learners}"`);

const log = (learners: number, message: string) => console.error(`[${learners.toLocaleString("en")}] ${message}`);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const removeDb = (file: string) => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));

function pathsOf(learners: number) {
  const base = path.join(DIR, `course-${learners}-v${GENERATOR_VERSION}`);
  // The .json beside each is written last, so a file or database without one is half-made.
  return { file: `${base}.jsonl`, fileMeta: `${base}.jsonl.json`, db: `${base}.db`, dbMeta: `${base}.db.json` };
}

async function generated(learners: number, p: ReturnType<typeof pathsOf>): Promise<RunResult["generated"]> {
  if (!values.fresh && existsSync(p.fileMeta) && existsSync(p.file))
    return { ...readJson<Omit<RunResult["generated"], "reused">>(p.fileMeta), reused: true };
  log(learners, "generating the course…");
  const started = performance.now();
  const r = await writeBenchCourse(`${p.file}.tmp`, { learners, asOf: AS_OF });
  renameSync(`${p.file}.tmp`, p.file);
  const meta = { lines: r.lines, bytes: r.bytes, seconds: (performance.now() - started) / 1000 };
  writeFileSync(p.fileMeta, JSON.stringify(meta));
  return { ...meta, reused: false };
}

/** Imports in a child process (`bench/import-course.ts`), so the peak memory measured is the import's own. */
async function imported(
  learners: number,
  p: ReturnType<typeof pathsOf>,
  regenerated: boolean,
): Promise<RunResult["imported"]> {
  if (!values.fresh && !regenerated && existsSync(p.dbMeta) && existsSync(p.db))
    return { ...readJson<RunResult["imported"]>(p.dbMeta), reused: true };
  log(learners, "importing it (about 10,000 records/s)…");
  removeDb(p.db);
  const child = spawn(process.execPath, ["--import", "tsx", "bench/import-course.ts", p.file, p.db], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  if (code !== 0) throw new Error(`the import exited with ${code}`);
  const figures = {
    ...(JSON.parse(out.trim().split("\n").at(-1)!) as ImportFigures),
    measuredAt: new Date().toISOString(),
  };
  writeFileSync(p.dbMeta, JSON.stringify(figures));
  return { ...figures, reused: false };
}

/** The course file and database of a size, generated and imported unless already there. */
async function prepared(learners: number) {
  const p = pathsOf(learners);
  const gen = await generated(learners, p);
  return { p, gen, imp: await imported(learners, p, !gen.reused) };
}

function contextOf(db: Db, authorization: string): BenchContext {
  const s = db.$client;
  const learners = s
    .prepare(
      `SELECT s.username, u.email FROM learner_summary s JOIN users u ON u.id = s.user_id WHERE s.course_id = ? ORDER BY s.user_id`,
    )
    .all(BENCH_COURSE) as { username: string; email: string }[];
  const step = Math.max(1, Math.floor(learners.length / 200));
  const sample = learners.filter((_, i) => i % step === 0);
  return {
    db,
    course: BENCH_COURSE,
    q: encodeURIComponent(BENCH_COURSE),
    asOf: AS_OF,
    usernames: sample.map((l) => l.username),
    emails: sample.map((l) => l.email),
    goalIds: benchCatalog().goals.map((g) => g.id),
    registrations: learners.length,
    deepPage: Math.max(1, Math.floor(Math.ceil(learners.length / 25) * 0.9)),
    window: { start: addDays(AS_OF, -28), end: addDays(AS_OF, -14) },
    authorization,
  };
}

async function measure(learners: number): Promise<RunResult> {
  const started = performance.now();
  const { p, gen, imp } = await prepared(learners);
  log(learners, "the import's floor…");
  const importFloor = await measureImportFloor(p.file, path.join(DIR, "import-floor.db"));
  // Set up as the server's connection is (getDb): its WAL checkpointed from a worker thread.
  const db = openDb(p.db, { checkpointMs: checkpointIntervalMs() });
  migrateDb(db);
  removeBenchStatements(db, BENCH_COURSE, AS_OF);
  log(learners, "summary refresh…");
  const refresh = await measureRefresh(db, BENCH_COURSE, AS_OF);
  const adminId = db.$client.prepare(`SELECT id FROM users WHERE username = ?`).pluck().get(BENCH_ADMIN) as string;
  const key = await createApiKey(db, adminId, "bench");
  const c = contextOf(db, `Bearer ${key.key}`);
  log(learners, "reading the database into the page cache…");
  const pageCache = warmPageCache(p.db);
  let server = await startServer(p.db, AS_OF);
  try {
    log(learners, "trivial route…");
    const trivial = await measureTrivial(server.url);
    const { routes, skipped } = presentRoutes();
    const figures = [];
    const failed: RunResult["failed"] = [];
    for (const route of routes) {
      if (values["skip-route"].some((prefix) => route.name.startsWith(prefix))) {
        failed.push({ name: route.name, error: "left out of this run (--skip-route)" });
        continue;
      }
      log(learners, `${route.name}…`);
      try {
        figures.push(await measureRoute(server.url, c, route));
      } catch (err) {
        // A route that fails is reported as such, and the run goes on (on a new server if it died).
        const died = !server.alive();
        const error = `${(err as Error).message}${died ? " (the server process exited)" : ""}`;
        log(learners, `${route.name} failed: ${error}\n${server.outputTail()}`);
        failed.push({ name: route.name, error });
        if (died) server = await startServer(p.db, AS_OF);
      }
    }
    log(learners, "CSV export…");
    const csv = await measureCsvExport(server, c);
    log(learners, "roster page in Chromium…");
    const browser = await measureBrowser(server.url, BENCH_COURSE);
    log(learners, "xAPI ingest…");
    const ingest = await measureIngest(server.url, c);
    const dbMb = statSync(p.db).size / 2 ** 20;
    return {
      learners,
      generated: gen,
      imported: imp,
      importFloor,
      dbMb,
      pageCache,
      refresh,
      trivial,
      routes: figures,
      skipped,
      failed,
      csv,
      ingest,
      browser,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.close();
    removeBenchStatements(db, BENCH_COURSE, AS_OF);
    await revokeApiKey(db, adminId, key.id);
    db.$client.close();
    if (!values.keep) {
      for (const f of [p.file, p.fileMeta, p.dbMeta]) rmSync(f, { force: true });
      removeDb(p.db);
    }
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  mkdirSync(DIR, { recursive: true });
  if (values.prepare) {
    for (const n of counts) {
      const { p, imp } = await prepared(n);
      log(
        n,
        `ready: ${imp.records.toLocaleString("en")} records in ${p.db}${imp.reused ? " (already there)" : ` (imported in ${imp.seconds.toFixed(0)} s)`}`,
      );
    }
    return;
  }
  if (!values["skip-build"]) {
    console.error("building (next build)…");
    if (
      spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } })
        .status !== 0
    )
      throw new Error("the build failed");
  } else if (!existsSync(".next/BUILD_ID"))
    throw new Error("--skip-build, but there is no build: run `npx next build` first");
  const results: RunResult[] = [];
  const command = `npm run bench -- --learners ${counts.join(",")}`;
  let md = "";
  for (const n of counts) {
    const r = await measure(n);
    results.push(r);
    console.log(`\n${runSection(r)}`);
    // Written after every size, so a run that fails later keeps what it measured.
    md = report(results, command, startedAt);
    writeFileSync(values.out, md);
  }
  if (results.length > 1) console.log(md.slice(md.indexOf("## How each cost grows"), md.indexOf("## Figures")));
  console.log(`Written to ${values.out}.`);
}

await main();
