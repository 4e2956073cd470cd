import { describe, expect, it } from "vitest";
import { Random } from "./random";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("Random", () => {
  it("repeats the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: number): number[] => {
      const r = new Random(seed);
      return Array.from({ length: 20 }, () => r.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("makes version-4 UUIDs, all distinct", () => {
    const r = new Random(7);
    const ids = Array.from({ length: 5000 }, () => r.uuid());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps int() inside its bounds and reaches both ends", () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(3, 7);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(7);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("draws weighted keys in proportion to their weights", () => {
    const r = new Random(3);
    const n = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) n[r.weighted({ a: 0.8, b: 0.2 })]++;
    expect(n.a / 10_000).toBeGreaterThan(0.77);
    expect(n.a / 10_000).toBeLessThan(0.83);
  });

  it("makes hex strings of the length asked", () => {
    const r = new Random(5);
    expect(r.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(r.hex(5)).toMatch(/^[0-9a-f]{5}$/);
  });
});
