/**
 * Imports the benchmark's JSON Lines file into a fresh database through the real import
 * (`importJsonLines`, the path `npx lantern import` takes), then fits the mastery model as the CLI
 * does after an import. Run as its own process by bench/run.ts, so its peak memory is the import's
 * alone; prints one JSON line with the figures.
 *
 *   node --import tsx bench/import-course.ts FILE DB
 */
import { createReadStream, statSync } from "node:fs";
import { migrateDb, openDb } from "@/db/client";
import { refitMastery } from "@/db/queries/mastery";
import { importJsonLines } from "@/lib/ingest/jsonl";

export interface ImportFigures {
  records: number;
  seconds: number;
  /** Peak resident memory of the import process, MB. */
  peakMb: number;
  /** Peak resident memory while the first quarter of the file was read, MB: flat memory means the two are close. */
  quarterPeakMb: number;
  refitSeconds: number;
}

async function main(file: string, dbFile: string): Promise<ImportFigures> {
  const db = openDb(dbFile);
  migrateDb(db);
  const quarter = statSync(file).size / 4;
  let quarterPeak = 0;
  const started = performance.now();
  const result = await importJsonLines(db, createReadStream(file, { highWaterMark: 1 << 20 }), {
    onProgress: (p) => {
      if (p.bytes <= quarter) quarterPeak = Math.max(quarterPeak, process.memoryUsage.rss());
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`the import failed:\n${result.errors.slice(0, 10).join("\n")}`);
  // maxRSS is in kilobytes.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const refitStarted = performance.now();
  refitMastery(db, { force: true });
  const refitSeconds = (performance.now() - refitStarted) / 1000;
  db.$client.close();
  const records = Object.values(result.counts).reduce((a, b) => a + b, 0);
  return { records, seconds, peakMb, quarterPeakMb: quarterPeak / 2 ** 20, refitSeconds };
}

const [file, dbFile] = process.argv.slice(2);
if (!file || !dbFile) throw new Error("usage: bench/import-course.ts FILE DB");
console.log(JSON.stringify(await main(file, dbFile)));
