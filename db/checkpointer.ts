import { Worker } from "node:worker_threads";
import path from "node:path";
import { env, packageRoot, type EnvRecord } from "@/lib/env";

/**
 * The WAL checkpointer: a worker thread with a connection of its own that copies committed pages
 * from the WAL back into the database file every `intervalMs` (a PASSIVE checkpoint: it never
 * blocks a reader or a writer, and skips a turn when it cannot run). Without it SQLite checkpoints
 * inside whichever commit crosses `wal_autocheckpoint`, so every few ingest batches one request
 * paid for copying ~40 MB of pages — more than half of xAPI ingest's time (bench/bounds.md).
 * Checkpointing less often also copies a page written by many batches once.
 *
 * The worker is plain CommonJS run from a string (no file for a bundler to lose) and loads
 * better-sqlite3 from the package root; it is unref'd, so it never keeps the process alive.
 */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const Database = createRequire(workerData.base)("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 0");
db.pragma("synchronous = NORMAL");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    // Busy (another checkpoint is running) is a skipped turn; anything else (the file is gone) ends the worker.
    if (err && err.code !== "SQLITE_BUSY") { clearInterval(timer); db.close(); }
  }
}, workerData.intervalMs);
`;

/** Where better-sqlite3 is resolved from: the package root (`LANTERN_HOME`, set by the CLI) or the working directory. */
const packageJson = () => path.join(packageRoot(), "package.json");

export function startCheckpointer(file: string, intervalMs: number): Worker {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, base: packageJson() } });
  worker.on("error", (err) =>
    console.error(
      `lantern: the WAL checkpointer stopped (${(err as Error).message}); SQLite's automatic checkpoints take over`,
    ),
  );
  worker.unref();
  return worker;
}

/**
 * The checkpoint interval of the server's connection: `LANTERN_CHECKPOINT_MS` (0 turns the worker
 * off, leaving SQLite's automatic checkpoints), 1,000 ms by default.
 */
export function checkpointIntervalMs(source: EnvRecord = process.env): number {
  return env(source).LANTERN_CHECKPOINT_MS;
}
