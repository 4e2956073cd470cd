import http from "node:http";
import { iterateLearners } from "@/db/queries/learners";
import type { BenchContext } from "./routes";
import type { BenchServer } from "./server";

/**
 * The CSV export of every learner over HTTP (streamed by the server), with the server's resident
 * memory sampled while it runs; the floor is the export's iterator (`iterateLearners`, the same
 * SQL) run in this process.
 */

export interface CsvFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  idleRssMb: number;
  peakRssMb: number;
  growthMb: number;
  floor: { rows: number; seconds: number; rowsPerSecond: number };
}

const SAMPLE_MS = 20;

/** Lines of a streamed answer (CRLF-terminated rows), counted as they arrive, never held. */
function countLines(url: URL, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization, accept: "text/csv" } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`CSV export answered ${res.statusCode}`));
        let lines = 0;
        res.on("data", (chunk: Buffer) => {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on("end", () => resolve(lines));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

export async function measureCsvExport(server: BenchServer, c: BenchContext): Promise<CsvFigures> {
  const url = new URL(`/api/v0/learners/?course_id=${c.q}&format=csv`, server.url);
  // Once unmeasured, so the route's modules are loaded and the idle figure is the steady one.
  await countLines(new URL(`/api/v0/learners/?course_id=${c.q}&format=csv&page=1`, server.url), c.authorization);
  await new Promise((r) => setTimeout(r, 500));
  const idleRssMb = server.rssMb();
  let peakRssMb = idleRssMb;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), SAMPLE_MS);
  const started = performance.now();
  let lines: number;
  try {
    lines = await countLines(url, c.authorization);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peakRssMb = Math.max(peakRssMb, server.rssMb());

  const floorStarted = performance.now();
  let floorRows = 0;
  for await (const batch of iterateLearners(c.db, c.course, { asOf: c.asOf })) floorRows += batch.length;
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  const rows = lines - 1; // the header row
  return {
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    idleRssMb,
    peakRssMb,
    growthMb: peakRssMb - idleRssMb,
    floor: { rows: floorRows, seconds: floorSeconds, rowsPerSecond: floorRows / floorSeconds },
  };
}
