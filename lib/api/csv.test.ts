import { describe, expect, it } from "vitest";
import { csvCell, csvResponse, csvRow, safeFileName } from "./csv";

describe("csvCell", () => {
  it("quotes per RFC 4180 only when needed", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });
  it("writes null as an empty cell, numbers as they are, lists joined with a comma and space", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(2.5)).toBe("2.5");
    expect(csvCell(["struggling", "inactive"])).toBe('"struggling, inactive"');
  });
  it("neutralises spreadsheet formulas", () => {
    for (const evil of ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"])
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-2)).toBe("-2");
  });
  it("ends rows with CRLF", () => {
    expect(csvRow(["a", null, 1])).toBe("a,,1\r\n");
  });
  it("makes a file name safe", () => {
    expect(safeFileName("course-v1:Org+CS101+2026_T1")).toBe("course-v1_Org_CS101_2026_T1");
  });
});

describe("csvResponse", () => {
  it("streams the header and every row in order", async () => {
    // Batches of 250 rows, one of them empty, read asynchronously.
    async function* batches() {
      for (let b = 0; b < 20; b++) {
        yield Array.from({ length: 250 }, (_, k) => [`user${b * 250 + k}`, b * 250 + k]);
        if (b === 3) yield [];
      }
    }
    const res = csvResponse("x.csv", ["username", "n"], batches());
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe("username,n");
    expect(lines[5000]).toBe("user4999,4999");
    expect(lines).toHaveLength(5002);
  });
});
