/**
 * Splits a byte stream into numbered text lines without holding more than one line (plus the
 * chunk at hand) in memory. Empty and blank lines are skipped but still counted, so reported
 * line numbers match an editor's. A line longer than `maxLineBytes` is reported, not buffered.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private pendingBytes = 0;
  private lineNo = 0;
  private overlong = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (text: string, lineNo: number) => void,
    private readonly onOverlong: (lineNo: number) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.finishLine(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.parts.length > 0 || this.overlong) this.finishLine(Buffer.alloc(0), 0, 0);
  }

  private keep(part: Buffer): void {
    if (this.overlong) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes) {
      this.overlong = true;
      this.parts = [];
      return;
    }
    this.parts.push(part);
  }

  private finishLine(chunk: Buffer, start: number, end: number): void {
    this.lineNo++;
    if (this.overlong || this.pendingBytes + (end - start) > this.maxLineBytes) {
      this.onOverlong(this.lineNo);
    } else {
      const text =
        this.parts.length === 0
          ? chunk.toString("utf8", start, end)
          : Buffer.concat([...this.parts, chunk.subarray(start, end)]).toString("utf8");
      this.emit(text);
    }
    this.parts = [];
    this.pendingBytes = 0;
    this.overlong = false;
  }

  private emit(raw: string): void {
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (this.lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === "") return;
    this.onLine(text, this.lineNo);
  }
}
