import { describe, expect, it } from "vitest";
import { isFitted, packSequences, sequencesBySkill } from "./sequences";

describe("packSequences", () => {
  it("packs sequences back to back and drops empty ones", () => {
    const packed = packSequences([[true, false], [], [false, false, true]]);
    expect([...packed.outcomes]).toEqual([1, 0, 0, 0, 1]);
    expect([...packed.starts]).toEqual([0, 2, 5]);
  });
});

describe("sequencesBySkill", () => {
  it("splits an interleaved log into per-skill, per-user sequences in the order given", () => {
    const log = [
      { user: "a", skill: "x", correct: false },
      { user: "b", skill: "x", correct: true },
      { user: "a", skill: "y", correct: true },
      { user: "a", skill: "x", correct: true },
    ];
    const bySkill = sequencesBySkill(log);
    expect(bySkill.get("x")).toEqual([[false, true], [true]]);
    expect(bySkill.get("y")).toEqual([[true]]);
  });
});

describe("isFitted", () => {
  it("needs at least 5 users with at least 3 attempts each", () => {
    expect(isFitted([3, 3, 3, 3])).toBe(false);
    expect(isFitted([3, 3, 3, 3, 3])).toBe(true);
    expect(isFitted([3, 3, 3, 3, 2, 2, 2, 50])).toBe(true);
    expect(isFitted([40, 40, 40, 40, 2, 2, 2, 2])).toBe(false);
    expect(isFitted([])).toBe(false);
  });
});
