import { describe, expect, it } from "vitest";
import { formatsFor } from "./format";
import { rangeText, windowText } from "./range-text";

const en = formatsFor("en-US");

describe("rangeText of a count", () => {
  const count = (range: [number, number | null] | null) => rangeText(range, en, "count");
  it("names the whole numbers a range holds, so no number reads as in two ranges", () => {
    expect(count([0, 2])).toBe("0–1");
    expect(count([2, 10])).toBe("2–9");
    expect(count([10, null])).toBe("10 or more");
    expect(count([0, 13])).toBe("0–12");
    expect(count([1_000, 2_500])).toBe("1,000–2,499");
  });
  it("rounds fractional percentile bounds to the counts they hold", () => {
    // [0, 0.55) holds only 0; [0.55, ∞) starts at 1; [2.05, 6.95) is 3 to 6.
    expect(count([0, 0.55])).toBe("0");
    expect(count([0.55, null])).toBe("1 or more");
    expect(count([2.05, 6.95])).toBe("3–6");
    expect(count([13, 14])).toBe("13");
  });
  it("says when a range holds no whole number, or the course has none", () => {
    expect(count([0.2, 0.8])).toBe("none");
    expect(count(null)).toBe("none");
  });
});

describe("rangeText of the ratio", () => {
  const ratio = (range: [number, number | null] | null, f = en) => rangeText(range, f, "ratio");
  it("writes its bounds in words, the upper one excluded", () => {
    expect(ratio([0, 2.5])).toBe("under 2.5");
    expect(ratio([2.5, 4])).toBe("2.5 to under 4");
    expect(ratio([4, null])).toBe("4 or more");
    expect(ratio([1.3333333, null])).toBe("1.33 or more");
    expect(ratio([2.05, 6.95], formatsFor("de-DE"))).toBe("2,05 to under 6,95");
    expect(ratio(null)).toBe("none");
  });
});

describe("windowText", () => {
  it("gives the first and last day of a half-open window, with plain spaces (the server's and the browser's alike)", () => {
    expect(windowText({ start: "2026-03-13", end: "2026-03-20" }, en)).toBe("Mar 13 – Mar 19, 2026");
    expect(windowText({ start: "2026-02-25", end: "2026-03-03" }, en)).toBe("Feb 25 – Mar 2, 2026");
    expect(windowText({ start: "2025-12-20", end: "2026-03-20" }, en)).toBe("Dec 20, 2025 – Mar 19, 2026");
    expect(windowText({ start: "2026-03-19", end: "2026-03-20" }, en)).toBe("Mar 19, 2026");
    expect(windowText({ start: "2026-03-13", end: "2026-03-20" }, formatsFor("de-DE"))).toBe(
      "13. März – 19. März 2026",
    );
  });
  it("reads both days of a reversed window, as given", () => {
    expect(windowText({ start: "2026-03-10", end: "2026-03-05" }, en)).toBe("Mar 10, 2026 – Mar 4, 2026");
  });
  it("uses no thin or no-break space anywhere", () => {
    for (const locale of ["en-US", "en-GB", "fr-FR", "de-DE", "ja-JP"]) {
      expect(windowText({ start: "2026-01-05", end: "2026-03-20" }, formatsFor(locale))).not.toMatch(
        /[\u2009\u202f\u00a0]/,
      );
    }
  });
});
