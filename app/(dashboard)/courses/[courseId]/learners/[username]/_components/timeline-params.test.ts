import { describe, expect, it } from "vitest";
import {
  DEFAULT_SERIES,
  presetsFor,
  rangeProblem,
  rosterQuery,
  viewOf,
  windowOfRange,
  withView,
} from "./timeline-params";

const params = (qs: string) => new URLSearchParams(qs);

describe("the timeline's URL", () => {
  it("defaults to all activity and every series but attempts", () => {
    expect(viewOf(params(""))).toEqual({ range: null, series: [...DEFAULT_SERIES] });
    expect(DEFAULT_SERIES).not.toContain("problem_attempts");
  });

  it("reads a range and series, in the chart's order", () => {
    expect(viewOf(params("from=2026-03-01&to=2026-03-19&series=problem_attempts,videos_viewed"))).toEqual({
      range: { from: "2026-03-01", to: "2026-03-19" },
      series: ["videos_viewed", "problem_attempts"],
    });
  });

  it("falls back to the default for what it cannot read", () => {
    for (const qs of [
      "from=2026-03-01",
      "from=2026-03-05&to=2026-03-01",
      "from=2026-02-30&to=2026-03-01",
      "from=2025-01-01&to=2026-03-01",
    ]) {
      expect(viewOf(params(qs)).range).toBeNull();
    }
    expect(viewOf(params("series=bogus")).series).toEqual([...DEFAULT_SERIES]);
  });

  it("writes the view back, leaving defaults out and the roster's parameters alone", () => {
    const base = params("segments=struggling&order_by=videos_viewed&from=2026-01-01&to=2026-01-02");
    expect(withView(base, { range: null, series: [...DEFAULT_SERIES] }).toString()).toBe(
      "segments=struggling&order_by=videos_viewed",
    );
    const view = { range: { from: "2026-03-13", to: "2026-03-19" }, series: ["problem_attempts" as const] };
    const written = withView(base, view);
    expect(written.toString()).toBe(
      "segments=struggling&order_by=videos_viewed&from=2026-03-13&to=2026-03-19&series=problem_attempts",
    );
    expect(viewOf(written)).toEqual(view);
    expect(rosterQuery(written).toString()).toBe("segments=struggling&order_by=videos_viewed");
  });
});

describe("ranges", () => {
  it("explains what cannot be shown", () => {
    expect(rangeProblem("2026-03-01", "2026-03-01")).toBeNull();
    expect(rangeProblem("", "2026-03-01")).toMatch(/both/);
    expect(rangeProblem("2026-03-02", "2026-03-01")).toMatch(/on or before/);
    expect(rangeProblem("2025-03-01", "2026-03-01")).toBeNull();
    expect(rangeProblem("2025-02-28", "2026-03-01")).toMatch(/at most 366 days/);
  });

  it("become the API's half-open windows, and the presets end the day before the as-of day", () => {
    expect(windowOfRange({ from: "2026-03-13", to: "2026-03-19" })).toEqual({ start: "2026-03-13", end: "2026-03-20" });
    expect(presetsFor("2026-03-20").map((p) => p.range)).toEqual([
      null,
      { from: "2026-02-18", to: "2026-03-19" },
      { from: "2026-03-13", to: "2026-03-19" },
    ]);
  });
});
