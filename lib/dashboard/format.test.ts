import { describe, expect, it } from "vitest";
import { formatsFor, localeFrom } from "./format";

describe("localeFrom", () => {
  it("takes the first supported tag of Accept-Language, else English", () => {
    expect(localeFrom("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(localeFrom("*")).toBe("en");
    expect(localeFrom(null)).toBe("en");
    expect(localeFrom("not a tag!!, fr")).toBe("fr");
  });
});

describe("formatsFor", () => {
  it("localises counts and shows the ratio with one decimal, N/A when null", () => {
    const en = formatsFor("en-US");
    expect(en.count(12345)).toBe("12,345");
    expect(en.ratio(2)).toBe("2.0");
    expect(en.ratio(1.26)).toBe("1.3");
    expect(en.ratio(null)).toBe("N/A");
    const de = formatsFor("de-DE");
    expect(de.count(12345)).toBe("12.345");
    expect(de.ratio(1.25)).toBe("1,3");
  });

  it("writes UTC days as dates whatever the server's time zone", () => {
    expect(formatsFor("en-US").day("2026-03-01")).toBe("Mar 1, 2026");
    expect(formatsFor("en-US").shortDay("2026-03-01")).toBe("Mar 1");
  });
});
