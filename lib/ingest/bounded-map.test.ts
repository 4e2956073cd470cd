import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map";

describe("BoundedMap", () => {
  it("never holds more than its limit, keeps recent entries, and revives hits", () => {
    const m = new BoundedMap<number, number>(10);
    for (let i = 0; i < 1000; i++) {
      m.set(i, i * 2);
      m.get(0);
      expect(m.size).toBeLessThanOrEqual(10);
    }
    expect(m.get(999)).toBe(1998);
    expect(m.get(0)).toBe(0);
    expect(m.get(500)).toBeUndefined();
  });

  it("delete and clear forget entries in both generations", () => {
    const m = new BoundedMap<string, number>(4);
    m.set("a", 1);
    m.set("b", 2);
    m.set("c", 3);
    m.delete("a");
    expect(m.get("a")).toBeUndefined();
    m.clear();
    expect(m.get("c")).toBeUndefined();
  });
});
