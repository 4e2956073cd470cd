import { describe, expect, it } from "vitest";
import { rosterErrorText } from "./roster-errors";

describe("rosterErrorText", () => {
  it("says the window's problems in the page's words, never the API's field names", () => {
    expect(rosterErrorText("start_date must be before end_date.")).toBe(
      "The first day must be on or before the last day.",
    );
    expect(rosterErrorText("start_date and end_date go together: give both or neither.")).toBe(
      "A window needs both its first and its last day.",
    );
    expect(rosterErrorText("The window may span at most 366 days.")).toBe("A window may span at most 366 days.");
  });
  it("names each invalid parameter as the page shows it", () => {
    expect(rosterErrorText("Invalid query: start_date: must be a date YYYY-MM-DD; page: must be a whole number")).toBe(
      "The window’s first day must be a date YYYY-MM-DD. The page number must be a whole number.",
    );
  });
  it("keeps a message that is already a sentence for people", () => {
    expect(rosterErrorText('No cohort "X" in this course.')).toBe('No cohort "X" in this course.');
  });
});
