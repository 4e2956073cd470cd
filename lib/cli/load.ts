import { createReadStream, statSync } from "node:fs";
import type { Db } from "@/db/client";
import { importJsonLines, type ImportResult } from "@/lib/ingest/jsonl";
import { ProgressReporter } from "@/lib/ingest/progress";
import { refitAndReport } from "./refit";
import { awaitWriteTurn, isBusy } from "./write-turn";

/**
 * Imports a JSON Lines file through the one import path, with a progress bar on a terminal and a
 * one-line summary otherwise, after waiting its turn while another write holds the database.
 */
export async function importFile(db: Db, file: string): Promise<ImportResult> {
  const totalBytes = statSync(file).size;
  await awaitWriteTurn(db);
  const progress = new ProgressReporter({ totalBytes, stream: process.stderr });
  const result = await importJsonLines(db, createReadStream(file, { highWaterMark: 1 << 20 }), {
    onProgress: (p) => progress.update(p),
  });
  progress.done(result);
  // New attempts change what the mastery model should be; fit it now rather than at the first read.
  if (result.ok) {
    try {
      refitAndReport(db);
    } catch (err) {
      // The import has landed: a writer that came in after it only delays the fit.
      if (!isBusy(err)) throw err;
      console.log(
        "Mastery model: not refitted now (another write holds the database); Lantern refits in the background, or run `npx lantern refit`.",
      );
    }
  }
  return result;
}

const plural = (type: string, n: number) => {
  const words = type.replace(/_/g, " ");
  return n === 1 || words === "staff" ? words : `${words}s`;
};

/** "12 users, 3 courses, 1 goal, …" */
export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${n.toLocaleString("en")} ${plural(type, n)}`)
    .join(", ");
}
