import { describe, expect, it } from "vitest";
import { ProgressReporter } from "./progress";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => (writes.push(s), true) } };
}

describe("ProgressReporter", () => {
  it("draws a bar with percent, records and rate on a terminal, at most every 100 ms", () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const p = new ProgressReporter({ totalBytes: 1000, stream, clock: () => now });
    now = 2000;
    p.update({ records: 100_000, bytes: 500 });
    now = 2050;
    p.update({ records: 101_000, bytes: 510 });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe("\r[############------------]  50%  100,000 records  50,000 records/s\x1b[K");
  });

  it("without a known size shows records, rate and bytes", () => {
    let now = 0;
    const p = new ProgressReporter({ stream: fakeStream(true).stream, clock: () => now });
    now = 1000;
    p.update({ records: 10, bytes: 2_500_000 });
    expect(p.line()).toBe("10 records  10 records/s  2.5 MB");
  });

  it("prints only a one-line summary when not on a terminal", () => {
    let now = 0;
    const { writes, stream } = fakeStream(false);
    const p = new ProgressReporter({ totalBytes: 1000, stream, clock: () => now });
    now = 4000;
    p.update({ records: 200_000, bytes: 22_000_000 });
    p.done({ ok: true, counts: {} as never });
    expect(writes).toEqual(["Imported 200,000 records (22.0 MB) in 4.0 s, 50,000 records/s\n"]);
  });
});
