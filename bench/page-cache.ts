import { closeSync, openSync, readSync } from "node:fs";
import os from "node:os";

/**
 * Reads a database file through once, so the routes are measured with it in the OS page cache, as
 * a server that has been answering for a while has it. Without this a run's figures depend on
 * what the machine did before: a database imported an hour ago, or by an earlier session, may have
 * been evicted, and then the first requests read from disk (a status-and-progress page cost ×5 its
 * in-process floor that way, the floor rereading what the request had just brought in).
 */

export interface PageCacheFigures {
  mb: number;
  seconds: number;
  /** Whether the file fits in the memory the kernel reported available before the read. */
  fits: boolean;
}

const CHUNK = 8 * 2 ** 20;

export function warmPageCache(file: string): PageCacheFigures {
  const available = os.freemem();
  const started = performance.now();
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(CHUNK);
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, CHUNK, bytes)) > 0;) bytes += n;
  } finally {
    closeSync(fd);
  }
  return { mb: bytes / 2 ** 20, seconds: (performance.now() - started) / 1000, fits: bytes < available };
}
