import { describe, expect, it } from "vitest";
import { normaliseDate, parseDuration, parseTimestamp } from "./iso8601";

describe("parseTimestamp", () => {
  it("reads offsets into UTC, so +02:00 after midnight is the previous UTC day", () => {
    expect(new Date(parseTimestamp("2026-03-16T01:30:00+02:00")!).toISOString()).toBe("2026-03-15T23:30:00.000Z");
    expect(new Date(parseTimestamp("2026-03-15T20:00:00-0530")!).toISOString()).toBe("2026-03-16T01:30:00.000Z");
  });

  it("truncates Open edX's microseconds to milliseconds", () => {
    expect(new Date(parseTimestamp("2020-07-14T14:39:26.906232+00:00")!).toISOString()).toBe(
      "2020-07-14T14:39:26.906Z",
    );
  });

  it("reads a time without an offset as UTC, whatever the host's zone", () => {
    expect(new Date(parseTimestamp("2026-03-16T10:00:00")!).toISOString()).toBe("2026-03-16T10:00:00.000Z");
  });

  it.each(["2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-03-16", "yesterday", "2026-03-16T25:00:00Z", ""])(
    "rejects %j",
    (value) => expect(parseTimestamp(value)).toBeNull(),
  );
});

describe("parseDuration", () => {
  it.each([
    ["PT03M15S", 195_000],
    ["PT1H2M3.5S", 3_723_500],
    ["P1DT1S", 86_401_000],
    ["PT0.032788S", 33],
    ["P1W", 604_800_000],
  ])("%s is %d ms", (value, ms) => expect(parseDuration(value)).toBe(ms));

  it.each(["P", "PT", "1H", "PT1H2", "P1H", "PT-5S"])("rejects %j", (value) => expect(parseDuration(value)).toBeNull());
});

describe("normaliseDate", () => {
  it("takes a date or a date-time and gives ISO UTC", () => {
    expect(normaliseDate("2026-03-01")).toBe("2026-03-01T00:00:00.000Z");
    expect(normaliseDate("2026-03-01T08:00:00+01:00")).toBe("2026-03-01T07:00:00.000Z");
    expect(normaliseDate("01/03/2026")).toBeNull();
  });
});
