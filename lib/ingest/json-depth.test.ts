import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth";

const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

describe("nestsDeeperThan", () => {
  it("counts arrays and objects, up to the limit and past it", () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(`{"a":${nested(3)}}`, 3)).toBe(true);
    expect(nestsDeeperThan(`{"a":${nested(2)}}`, 3)).toBe(false);
  });
  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(JSON.stringify({ s: "[[[[[[" }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ s: 'a\\"[[[[[["' }), 2)).toBe(false);
    expect(nestsDeeperThan(`["\\\\", [[[]]]]`, 3)).toBe(true);
  });
  it("counts depth, not the number of siblings", () => {
    expect(nestsDeeperThan(JSON.stringify(Array.from({ length: 10_000 }, () => [1])), 2)).toBe(false);
  });
});
