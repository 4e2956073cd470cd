import { describe, expect, it } from "vitest";
import { currentTime } from "./clock";

describe("currentTime", () => {
  it("is the real time unless LANTERN_NOW fixes it", () => {
    expect(currentTime({}, () => 42)).toBe(42);
    expect(currentTime({ LANTERN_NOW: " " }, () => 42)).toBe(42);
    expect(currentTime({ LANTERN_NOW: "2026-03-20T12:00:00Z" })).toBe(Date.parse("2026-03-20T12:00:00Z"));
    expect(currentTime({ LANTERN_NOW: "2026-03-20T14:00:00+02:00" })).toBe(Date.parse("2026-03-20T12:00:00Z"));
  });

  it("refuses a time without a zone, or no time at all", () => {
    expect(() => currentTime({ LANTERN_NOW: "2026-03-20T12:00:00" })).toThrow(/LANTERN_NOW/);
    expect(() => currentTime({ LANTERN_NOW: "soon" })).toThrow(/LANTERN_NOW/);
  });
});
