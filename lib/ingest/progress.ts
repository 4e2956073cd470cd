import type { ImportProgress, ImportResult } from "./jsonl";

export interface ProgressOptions {
  /** Size of the input, for the percentage; unknown (a pipe) when absent. */
  totalBytes?: number;
  /** Where to draw; process.stderr by default. A non-TTY stream gets only the closing summary. */
  stream?: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };
  /** Milliseconds clock, for tests. */
  clock?: () => number;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/**
 * The import's progress display: on a terminal a bar redrawn in place (records, records/s,
 * percent of bytes when the size is known); otherwise nothing until a one-line summary.
 */
export class ProgressReporter {
  private readonly stream: NonNullable<ProgressOptions["stream"]>;
  private readonly tty: boolean;
  private readonly clock: () => number;
  private readonly started: number;
  private lastDraw = -Infinity;
  private last: ImportProgress = { records: 0, bytes: 0 };

  constructor(private readonly opts: ProgressOptions = {}) {
    this.stream = opts.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY);
    this.clock = opts.clock ?? Date.now;
    this.started = this.clock();
  }

  update(progress: ImportProgress): void {
    this.last = progress;
    if (!this.tty) return;
    const now = this.clock();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(now)}\x1b[K`);
  }

  /** Ends the display with a summary line. */
  done(result?: ImportResult): void {
    const now = this.clock();
    if (this.tty) this.stream.write(`\r${this.line(now)}\x1b[K\n`);
    const seconds = Math.max(now - this.started, 1) / 1000;
    const rate = Math.round(this.last.records / seconds);
    const outcome = result === undefined ? "Read" : result.ok ? "Imported" : "Rejected";
    this.stream.write(
      `${outcome} ${fmt(this.last.records)} records (${megabytes(this.last.bytes)}) in ${seconds.toFixed(1)} s, ${fmt(rate)} records/s\n`,
    );
  }

  /** The bar line for the current state. */
  line(now: number = this.clock()): string {
    const seconds = Math.max(now - this.started, 1) / 1000;
    const rate = `${fmt(Math.round(this.last.records / seconds))} records/s`;
    const counts = `${fmt(this.last.records)} records`;
    const total = this.opts.totalBytes;
    if (!total) return `${counts}  ${rate}  ${megabytes(this.last.bytes)}`;
    const fraction = Math.min(1, this.last.bytes / total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    return `${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${counts}  ${rate}`;
  }
}

function fmt(n: number): string {
  return n.toLocaleString("en");
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
