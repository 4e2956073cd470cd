import { describe, expect, it } from "vitest";
import { LineSplitter } from "./lines";

function split(chunks: string[], max = 1024): { lines: [number, string][]; overlong: number[] } {
  const lines: [number, string][] = [];
  const overlong: number[] = [];
  const splitter = new LineSplitter(
    max,
    (text, n) => lines.push([n, text]),
    (n) => overlong.push(n),
  );
  for (const c of chunks) splitter.push(Buffer.from(c));
  splitter.end();
  return { lines, overlong };
}

describe("LineSplitter", () => {
  it("joins lines split across chunks and numbers them as an editor does", () => {
    expect(split(['{"a"', ':1}\n\n{"b":', "2}\r\n", '{"c":3}']).lines).toEqual([
      [1, '{"a":1}'],
      [3, '{"b":2}'],
      [4, '{"c":3}'],
    ]);
  });

  it("does not split a multi-byte character cut between chunks", () => {
    const bytes = Buffer.from('{"name":"Zoë"}\n');
    const splitter: [number, string][] = [];
    const s = new LineSplitter(
      1024,
      (text, n) => splitter.push([n, text]),
      () => {},
    );
    s.push(bytes.subarray(0, 12));
    s.push(bytes.subarray(12));
    s.end();
    expect(splitter).toEqual([[1, '{"name":"Zoë"}']]);
  });

  it("reports a line longer than the limit without keeping it, and goes on", () => {
    expect(split(["short\n", "x".repeat(30), "y".repeat(30), "\nafter\n"], 40)).toEqual({
      lines: [
        [1, "short"],
        [3, "after"],
      ],
      overlong: [2],
    });
  });
});
