import { describe, expect, it } from "vitest";
import { isFiltered, learnersApiUrl, readRoster, rosterParamsOf, writeRoster } from "./roster-state";

const p = (s: string) => new URLSearchParams(s);

describe("readRoster", () => {
  it("reads the API's parameters, with the defaults for what is absent or unusable", () => {
    expect(readRoster(p(""))).toEqual({
      textSearch: "",
      segments: [],
      ignoreSegments: [],
      cohort: "",
      mode: "",
      window: null,
      orderBy: "username",
      sortOrder: "asc",
      page: 1,
      pageSize: 25,
    });
    const s = readRoster(
      p(
        "segments=struggling,bogus&order_by=videos_viewed&sort_order=desc&page=3&page_size=50&start_date=2026-03-01&end_date=2026-03-08",
      ),
    );
    expect(s).toMatchObject({
      segments: ["struggling"],
      orderBy: "videos_viewed",
      sortOrder: "desc",
      page: 3,
      pageSize: 50,
      window: { start: "2026-03-01", end: "2026-03-08" },
    });
    expect(readRoster(p("order_by=nope&page=0")).orderBy).toBe("username");
    expect(readRoster(p("page=0")).page).toBe(1);
  });
});

describe("writeRoster", () => {
  it("goes back to page 1 on any change but paging, and leaves defaults out of the URL", () => {
    const at3 = p("order_by=name&page=3");
    expect(writeRoster(at3, { sortOrder: "desc" }).toString()).toBe("order_by=name&sort_order=desc");
    expect(writeRoster(at3, { page: 4 }).toString()).toBe("order_by=name&page=4");
    expect(writeRoster(at3, { orderBy: "username", page: 1 }).toString()).toBe("");
  });

  it("keeps segments and ignore_segments apart (the API refuses both), and other parameters as they are", () => {
    expect(writeRoster(p("ignore_segments=inactive&from=2026-01-01"), { segments: ["struggling"] }).toString()).toBe(
      "from=2026-01-01&segments=struggling",
    );
    expect(writeRoster(p(""), { ignoreSegments: ["inactive", "unenrolled"] }).toString()).toBe(
      "ignore_segments=inactive%2Cunenrolled",
    );
  });

  it("writes a custom window as both dates, and drops it for the default", () => {
    const w = writeRoster(p(""), { window: { start: "2026-02-01", end: "2026-03-01" } });
    expect(w.toString()).toBe("start_date=2026-02-01&end_date=2026-03-01");
    expect(writeRoster(w, { window: null }).toString()).toBe("");
  });
});

describe("learnersApiUrl", () => {
  it("asks the list API with the roster's parameters only; the CSV drops paging", () => {
    const params = p("segments=struggling&order_by=videos_viewed&page=2&page_size=10&from=x");
    expect(learnersApiUrl("course-v1:O+C+1", params)).toBe(
      "/api/v0/learners/?segments=struggling&order_by=videos_viewed&page=2&page_size=10&course_id=course-v1%3AO%2BC%2B1",
    );
    expect(learnersApiUrl("c", params, { csv: true })).toBe(
      "/api/v0/learners/?segments=struggling&order_by=videos_viewed&course_id=c&format=csv",
    );
    expect(rosterParamsOf(params).has("from")).toBe(false);
  });
});

describe("isFiltered", () => {
  it("is true for a search, segments, cohort or track, not for sorting or paging", () => {
    expect(isFiltered(readRoster(p("order_by=name&page=2")))).toBe(false);
    expect(isFiltered(readRoster(p("text_search=ana")))).toBe(true);
    expect(isFiltered(readRoster(p("ignore_segments=inactive")))).toBe(true);
    expect(isFiltered(readRoster(p("cohort=A")))).toBe(true);
  });
});
