import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/courses/x/learners?page=2#top")).toBe("/courses/x/learners?page=2#top");
    expect(safeCallbackPath("/settings/api-keys")).toBe("/settings/api-keys");
  });
  it("refuses what a browser would read as another host", () => {
    for (const evil of [
      "/\t/evil.example/stolen",
      "/\n/evil.example",
      "/\r/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      " //evil.example",
      "\u0000//evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example/x",
    ]) {
      expect(safeCallbackPath(evil), JSON.stringify(evil)).toBe("/");
    }
  });
  it("hands back a value safe in a Location header", () => {
    expect(safeCallbackPath("/a\nb")).toBe("/ab");
    expect(safeCallbackPath("/é ü")).toBe("/%C3%A9%20%C3%BC");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a"])).toBe("/");
  });
});
