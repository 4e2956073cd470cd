import { describe, expect, it } from "vitest";
import { formatsFor } from "./format";
import { rangeText, windowText } from "./range-text";

const en = formatsFor("en-US");

describe("rangeText", () => {
  it("writes bounded, open and missing ranges, bounds with up to two decimals", () => {
    expect(rangeText([0, 13], en)).toBe("0–13");
    expect(rangeText([50, null], en)).toBe("50 or more");
    expect(rangeText(null, en)).toBe("none");
    expect(rangeText([2.05, 6.95], en)).toBe("2.05–6.95");
    expect(rangeText([1.3333333, null], en)).toBe("1.33 or more");
    expect(rangeText([0, 0.55], formatsFor("de-DE"))).toBe("0–0,55");
  });
});

describe("windowText", () => {
  // Intl puts thin spaces around the dash.
  const text = (start: string, end: string) => windowText({ start, end }, en).replace(/\s/g, " ");
  it("gives the first and last day of a half-open window", () => {
    expect(text("2026-03-13", "2026-03-20")).toBe("Mar 13 – 19, 2026");
    expect(text("2026-02-25", "2026-03-03")).toBe("Feb 25 – Mar 2, 2026");
    expect(text("2026-03-19", "2026-03-20")).toBe("Mar 19, 2026");
  });
});
