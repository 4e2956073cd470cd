import { describe, expect, it } from "vitest";
import { figureWindow } from "./figure-window";

const AS_OF = "2026-03-20";
const of = (qs: string) => figureWindow(new URLSearchParams(qs), AS_OF);

describe("the figures' window", () => {
  it("is the default window without start_date/end_date", () => {
    expect(of("segments=struggling")).toEqual({
      window: { start: "2026-03-13", end: "2026-03-20" },
      custom: false,
      problem: null,
    });
  });

  it("is the URL's window, end exclusive, as the API reads it", () => {
    expect(of("start_date=2026-03-01&end_date=2026-3-8")).toEqual({
      window: { start: "2026-03-01", end: "2026-03-08" },
      custom: true,
      problem: null,
    });
  });

  it("sets aside a window the API would refuse, saying why", () => {
    for (const qs of [
      "start_date=2026-03-01",
      "start_date=2026-03-08&end_date=2026-03-01",
      "start_date=2026-02-30&end_date=2026-03-08",
    ]) {
      const w = of(qs);
      expect(w).toMatchObject({ window: { start: "2026-03-13", end: "2026-03-20" }, custom: false });
      expect(w.problem).toEqual(expect.any(String));
    }
  });
});
