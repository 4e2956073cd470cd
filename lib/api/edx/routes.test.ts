import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalisedEvent } from "@/db/queries/events";
import { addEvents, daysBefore } from "@/lib/testing/roster";
import { cohorts, courseStaff, courses, enrollments, users } from "@/db/schema";
import { bearer, seedKeys } from "@/lib/testing/http";
import { seedUser } from "@/lib/testing/factories";
import { startTestApp, TEST_AS_OF, type TestApp } from "@/lib/testing/app";
import { addDays } from "@/lib/time";

// The Open edX family over HTTP against the running app: every rule of docs/edx-api.md.
const COURSE = "course-v1:Org+Sort/Case+2026";
const EMPTY_COURSE = "course-v1:Org+Empty+2026";
const Q = `course_id=${encodeURIComponent(COURSE)}`;
let app: TestApp;
let admin: string;
let instructor: string;
let outsider: string;

const at = (days: number, hour = 12) => daysBefore(TEST_AS_OF, days, hour);

/** `attempts` tries at problem items, `correct` of them succeeding on distinct problems. */
function problemWork(
  userId: string,
  problems: number,
  attempts: number,
  correct: number,
  daysAgo = 2,
): NormalisedEvent[] {
  const out: NormalisedEvent[] = [];
  for (let i = 0; i < attempts; i++) {
    const item = `p${i % problems}`;
    out.push({
      userId,
      courseId: COURSE,
      itemId: item,
      kind: "problem_attempt",
      ts: at(daysAgo, 8) + i * 60_000,
      success: i < correct && i < problems,
    });
  }
  return out;
}

async function get(path: string, key: string | null = admin, headers: Record<string, string> = {}) {
  return fetch(app.url + path, { headers: { ...(key ? bearer(key) : {}), ...headers }, redirect: "manual" });
}
async function json<T = Record<string, unknown>>(path: string, key: string | null = admin): Promise<T> {
  const res = await get(path, key);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

// Usernames sort the opposite way of the expected ratio order, so only the rules can pass.
const SORT_CASE = { a: "eve", b: "dan", c: "cat", d: "bob", e: "amy" } as const;

beforeAll(async () => {
  process.env.LANTERN_AS_OF = TEST_AS_OF;
  app = await startTestApp();
  const db = app.db;
  ({ admin } = await seedKeys(db, "edx"));
  const instructorId = seedUser(db, { username: "edx-instructor" });
  instructor = (await (await import("@/db/queries/api-keys")).createApiKey(db, instructorId, "t")).key;
  outsider = (await seedKeys(db, "edx-outsider")).user;
  db.insert(courses)
    .values([
      { id: COURSE, title: "Sort case" },
      { id: EMPTY_COURSE, title: "Empty" },
    ])
    .run();
  db.insert(courseStaff).values({ courseId: COURSE, userId: instructorId, role: "instructor" }).run();
  db.insert(cohorts)
    .values([
      { courseId: COURSE, name: "Group A" },
      { courseId: COURSE, name: "Group B" },
    ])
    .run();
  const ids: Record<string, string> = {};
  const people: [string, string, string, string | null, string][] = [
    [SORT_CASE.a, "Eve Adams", "verified", "Group A", "2026-02-01T10:00:00Z"],
    [SORT_CASE.b, "Dan Brown", "audit", "Group A", "2026-02-02T10:00:00Z"],
    [SORT_CASE.c, "Cat Chen", "verified", "Group B", "2026-02-03T10:00:00Z"],
    [SORT_CASE.d, "Bob Diaz", "audit", null, "2026-02-04T10:00:00Z"],
    [SORT_CASE.e, '=HYPERLINK("x")', "honor", null, "2026-02-05T10:00:00Z"],
  ];
  for (const [username, name, mode, cohort, enrolledAt] of people) {
    const id = randomUUID();
    ids[username] = id;
    db.insert(users)
      .values({ id, username, name, email: `${username}@Example.com`, emailLower: `${username}@example.com` })
      .run();
    db.insert(enrollments).values({ id: randomUUID(), courseId: COURSE, userId: id, mode, cohort, enrolledAt }).run();
  }
  // 30 more learners for paging, none active.
  for (let i = 0; i < 30; i++) {
    const id = randomUUID();
    db.insert(users)
      .values({ id, username: `pager${String(i).padStart(2, "0")}`, name: `Pager ${i}`, email: null, emailLower: null })
      .run();
    db.insert(enrollments)
      .values({
        id: randomUUID(),
        courseId: COURSE,
        userId: id,
        mode: "audit",
        enrolledAt: "2026-01-10T00:00:00Z",
        isActive: i !== 0,
      })
      .run();
  }
  const events = [
    ...problemWork(ids[SORT_CASE.a]!, 1, 1, 1), // ratio 1.0, 1 attempt
    ...problemWork(ids[SORT_CASE.b]!, 5, 10, 5), // ratio 2.0, 10 attempts
    ...problemWork(ids[SORT_CASE.c]!, 1, 2, 0).map((e, i) => ({ ...e, success: i === 1 })), // ratio 2.0, 2 attempts
    { userId: ids[SORT_CASE.d]!, courseId: COURSE, itemId: "v1", kind: "video_play" as const, ts: at(3) }, // no attempts
    ...problemWork(ids[SORT_CASE.e]!, 3, 10, 0), // 10 attempts, none correct
    { userId: ids[SORT_CASE.d]!, courseId: COURSE, itemId: "v1", kind: "video_play" as const, ts: at(20) }, // older activity
    { userId: ids[SORT_CASE.a]!, courseId: COURSE, itemId: "d1", kind: "discussion_post" as const, ts: at(5) },
  ];
  addEvents(db, events);
}, 120_000);

afterAll(async () => app?.close());

const usernames = (body: { results: { username: string }[] }) => body.results.map((r) => r.username);
const sortCase = (list: string[]) => list.filter((u) => (Object.values(SORT_CASE) as string[]).includes(u));

describe("GET /api/v0/learners/", () => {
  it("sorts by problem_attempts_per_completed: none correct as +∞, no attempts last both ways, in the list and the CSV alike", async () => {
    const asc = await json<{ results: { username: string }[] }>(
      `/api/v0/learners/?${Q}&order_by=problem_attempts_per_completed&page_size=100`,
    );
    expect(sortCase(usernames(asc))).toEqual([SORT_CASE.a, SORT_CASE.b, SORT_CASE.c, SORT_CASE.e, SORT_CASE.d]);
    const desc = await json<{ results: { username: string }[] }>(
      `/api/v0/learners/?${Q}&order_by=problem_attempts_per_completed&sort_order=desc&page_size=100`,
    );
    expect(sortCase(usernames(desc))).toEqual([SORT_CASE.e, SORT_CASE.c, SORT_CASE.b, SORT_CASE.a, SORT_CASE.d]);
    // The four learners with attempts lead; the 31 without (d and the pagers) follow, by username.
    expect(usernames(desc).slice(0, 4)).toEqual([SORT_CASE.e, SORT_CASE.c, SORT_CASE.b, SORT_CASE.a]);
    expect(usernames(desc).slice(4)).toEqual([...usernames(desc).slice(4)].sort());
    const csv = await (
      await get(
        `/api/v0/learners/?${Q}&format=csv&fields=username&order_by=problem_attempts_per_completed&sort_order=desc`,
      )
    ).text();
    expect(csv.trim().split(/\r?\n/).slice(1)).toEqual(usernames(desc));
  });

  it("answers the learner object of docs/edx-api.md, sorted by username by default", async () => {
    const body = await json<{ count: number; results: Record<string, unknown>[] }>(`/api/v0/learners/?${Q}`);
    expect(body.count).toBe(35);
    expect(usernames(body as never).slice(0, 3)).toEqual(["amy", "bob", "cat"]);
    const cat = body.results[2]!;
    expect(cat).toEqual({
      username: "cat",
      name: "Cat Chen",
      email: "cat@Example.com",
      account_url: null,
      enrollment_mode: "verified",
      enrollment_date: "2026-02-03",
      cohort: "Group B",
      segments: expect.any(Array),
      last_updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      engagements: {
        date_range: { start: addDays(TEST_AS_OF, -7), end: TEST_AS_OF },
        discussion_contributions: 0,
        problems_attempted: 1,
        problems_completed: 1,
        videos_viewed: 0,
        problem_attempts_per_completed: 2,
      },
      user_id: expect.any(String),
      language: null,
      location: null,
      year_of_birth: null,
      level_of_education: null,
      gender: null,
      mailing_address: null,
      city: null,
      country: null,
      goals: null,
    });
  });

  it("pages with exact counts, absolute next/previous links keeping the other parameters, and a Link header", async () => {
    const res = await get(`/api/v0/learners/?${Q}&page_size=10&page=2&sort_order=desc`);
    const body = (await res.json()) as {
      count: number;
      num_pages: number;
      next: string;
      previous: string;
      results: unknown[];
    };
    expect(body).toMatchObject({ count: 35, num_pages: 4 });
    expect(body.results).toHaveLength(10);
    const next = new URL(body.next);
    expect(next.origin).toBe(app.url);
    expect(Object.fromEntries(next.searchParams)).toMatchObject({
      course_id: COURSE,
      page_size: "10",
      page: "3",
      sort_order: "desc",
    });
    expect(new URL(body.previous).searchParams.get("page")).toBe("1");
    expect(res.headers.get("link")).toBe(`<${body.next}>; rel="next", <${body.previous}>; rel="prev"`);
    const last = await json<{ next: unknown; results: unknown[] }>(`/api/v0/learners/?${Q}&page_size=10&page=4`);
    expect(last.next).toBeNull();
    expect(last.results).toHaveLength(5);
  });

  it("never overlaps or skips across pages", async () => {
    const seen: string[] = [];
    for (let p = 1; p <= 4; p++)
      seen.push(...usernames(await json(`/api/v0/learners/?${Q}&page_size=10&page=${p}&order_by=videos_viewed`)));
    expect(new Set(seen).size).toBe(35);
  });

  it("clamps page_size to 100, and answers 404 past the last page but 200 for page 1 of nothing", async () => {
    expect((await json<{ results: unknown[] }>(`/api/v0/learners/?${Q}&page_size=150`)).results).toHaveLength(35);
    const past = await get(`/api/v0/learners/?${Q}&page=5&page_size=10`);
    expect(past.status).toBe(404);
    expect(await past.json()).toMatchObject({ error_code: "page_not_found" });
    const empty = await json<{ count: number; results: unknown[] }>(
      `/api/v0/learners/?course_id=${encodeURIComponent(EMPTY_COURSE)}`,
    );
    expect(empty).toMatchObject({ count: 0, results: [] });
  });

  it.each([
    ["page=0", "illegal_parameter_values"],
    ["page=abc", "illegal_parameter_values"],
    ["page_size=0", "illegal_parameter_values"],
    ["order_by=shoe_size", "illegal_parameter_values"],
    ["sort_order=sideways", "illegal_parameter_values"],
    ["segments=struggling&ignore_segments=inactive", "illegal_parameter_values"],
    ["start_date=2026-03-01", "illegal_parameter_values"],
    ["start_date=2026-03-10&end_date=2026-03-01", "illegal_parameter_values"],
    ["start_date=2024-01-01&end_date=2026-03-01", "illegal_parameter_values"],
    ["start_date=2026-02-30&end_date=2026-03-01", "illegal_parameter_values"],
  ])("%s → 400 %s naming the problem", async (params, code) => {
    const res = await get(`/api/v0/learners/?${Q}&${params}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error_code: string; developer_message: string };
    expect(body.error_code).toBe(code);
    expect(body.developer_message.length).toBeGreaterThan(10);
  });

  it.each([
    ["segments=bored", "segment_not_found"],
    ["ignore_segments=bored", "segment_not_found"],
    ["cohort=Nope", "cohort_not_found"],
    ["enrollment_mode=platinum", "enrollment_mode_not_found"],
  ])("%s → 404 %s", async (params, code) => {
    const res = await get(`/api/v0/learners/?${Q}&${params}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error_code: code });
  });

  it("needs a course: 400 course_not_specified, 404 course_not_found for an admin, 403 for others", async () => {
    expect(await (await get(`/api/v0/learners/`)).json()).toMatchObject({ error_code: "course_not_specified" });
    expect((await get(`/api/v0/learners/?course_id=`)).status).toBe(400);
    const missing = await get(`/api/v0/learners/?course_id=nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error_code: "course_not_found" });
    expect((await get(`/api/v0/learners/?course_id=nope`, instructor)).status).toBe(403);
    expect((await get(`/api/v0/learners/?${Q}`, outsider)).status).toBe(403);
    expect((await get(`/api/v0/learners/?${Q}`, instructor)).status).toBe(200);
  });

  it("filters: text search terms AND'ed over name/username/email, segments, ignore, cohort, mode; empty values are no filter", async () => {
    expect(usernames(await json(`/api/v0/learners/?${Q}&text_search=${encodeURIComponent("CHEN cat")}`))).toEqual([
      "cat",
    ]);
    expect(usernames(await json(`/api/v0/learners/?${Q}&text_search=EXAMPLE.COM&page_size=100`))).toEqual([
      "amy",
      "bob",
      "cat",
      "dan",
      "eve",
    ]);
    expect(usernames(await json(`/api/v0/learners/?${Q}&text_search=dan%20zzz`))).toEqual([]);
    expect(usernames(await json(`/api/v0/learners/?${Q}&cohort=Group%20A`))).toEqual(["dan", "eve"]);
    expect(usernames(await json(`/api/v0/learners/?${Q}&enrollment_mode=honor`))).toEqual(["amy"]);
    expect(usernames(await json(`/api/v0/learners/?${Q}&segments=unenrolled`))).toEqual(["pager00"]);
    const struggling = usernames(await json(`/api/v0/learners/?${Q}&segments=struggling`));
    expect(struggling).toContain("amy");
    const notInactive = usernames(
      await json(`/api/v0/learners/?${Q}&ignore_segments=inactive,unenrolled&page_size=100`),
    );
    expect(notInactive).toEqual(["amy", "bob", "cat", "dan", "eve"]);
    expect(
      (await json<{ count: number }>(`/api/v0/learners/?${Q}&cohort=&enrollment_mode=&segments=&text_search=`)).count,
    ).toBe(35);
  });

  it("a custom window recomputes the figures (unpadded dates too)", async () => {
    const old = addDays(TEST_AS_OF, -20);
    const bob = (
      await json<{ results: { engagements: Record<string, unknown> }[] }>(
        `/api/v0/learners/?${Q}&text_search=bob&start_date=${old.replace(/-0/g, "-")}&end_date=${addDays(old, 1)}`,
      )
    ).results[0]!;
    expect(bob.engagements).toMatchObject({ date_range: { start: old, end: addDays(old, 1) }, videos_viewed: 1 });
  });

  it("exports every matching learner as CSV in the requested order", async () => {
    const res = await get(`/api/v0/learners/?${Q}&order_by=username&sort_order=desc`, admin, { accept: "text/csv" });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="course-v1_Org_Sort_Case_2026--${TEST_AS_OF}--learners.csv"`,
    );
    const text = await res.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "username,name,email,enrollment_mode,enrollment_date,cohort,segments,engagements.date_range.start,engagements.date_range.end,engagements.discussion_contributions,engagements.problems_attempted,engagements.problems_completed,engagements.videos_viewed,engagements.problem_attempts_per_completed,last_updated,account_url",
    );
    expect(lines).toHaveLength(37); // header, 35 rows, and the empty string after the last CRLF
    expect(lines[1]!.startsWith("pager29,")).toBe(true);
    expect(text).toContain(`amy,"'=HYPERLINK(""x"")"`);
  });

  it("csv_columns=readable names columns for people, segments by name and rounds the ratio; fields cannot join it", async () => {
    const res = await get(
      `/api/v0/learners/?${Q}&format=csv&csv_columns=readable&order_by=problem_attempts_per_completed`,
    );
    const lines = (await res.text())
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    const header = lines[0]!;
    expect(header.slice(0, 3)).toEqual(["Username", "Name", "Email"]);
    const ratio = header.indexOf("Attempts per problem correct");
    const row = (u: string) => lines.find((l) => l[0] === u)!;
    expect(row(SORT_CASE.b)[ratio]).toBe("2.0");
    expect(row(SORT_CASE.e)[ratio]).toBe("N/A");
    expect(row(SORT_CASE.e)[header.indexOf("Segments")]).toMatch(/Struggling/);
    const raw = (
      await (
        await get(
          `/api/v0/learners/?${Q}&format=csv&fields=username,engagements.problem_attempts_per_completed&text_search=${SORT_CASE.b}`,
        )
      ).text()
    ).trim();
    expect(raw.split("\r\n")[1]).toBe(`${SORT_CASE.b},2`);
    const both = await get(`/api/v0/learners/?${Q}&format=csv&csv_columns=readable&fields=username`);
    expect(both.status).toBe(400);
    expect(((await both.json()) as { developer_message: string }).developer_message).toMatch(/fields/);
  });

  it("CSV honours fields= (picked and ordered), page= (that page only), format=csv, and rejects unknown fields", async () => {
    const picked = await (
      await get(`/api/v0/learners/?${Q}&format=csv&fields=engagements.videos_viewed,username&page=1&page_size=2`)
    ).text();
    expect(picked).toBe("engagements.videos_viewed,username\r\n0,amy\r\n1,bob\r\n");
    const bad = await get(`/api/v0/learners/?${Q}&format=csv&fields=username,shoe_size`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error_code: "illegal_parameter_values" });
  });

  it("CSV with fields= naming no column is a 400 naming fields, not a file of empty rows; an empty fields= is every column", async () => {
    for (const fields of [",,,", " , "]) {
      const res = await get(`/api/v0/learners/?${Q}&format=csv&fields=${encodeURIComponent(fields)}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error_code: string; developer_message: string };
      expect(body.error_code).toBe("illegal_parameter_values");
      expect(body.developer_message).toMatch(/fields/);
    }
    const all = await get(`/api/v0/learners/?${Q}&format=csv&fields=`);
    expect(all.status).toBe(200);
    expect((await all.text()).split("\r\n")[0]).toMatch(/^username,name,email,/);
  });

  it("CSV follows JSON's paging rule: a page past the last is 404 page_not_found, page 1 of nothing a header only", async () => {
    for (const [format, headers] of [
      ["", { accept: "text/csv" }],
      ["&format=csv", {}],
    ] as const) {
      const past = await get(`/api/v0/learners/?${Q}&page=999${format}`, admin, headers);
      expect(past.status).toBe(404);
      expect(await past.json()).toMatchObject({ error_code: "page_not_found" });
    }
    const last = await get(`/api/v0/learners/?${Q}&format=csv&page=4&page_size=10`);
    expect(last.status).toBe(200);
    expect((await last.text()).split("\r\n")).toHaveLength(7); // header, learners 31–35, and the empty string after the last CRLF
    const nothing = await get(`/api/v0/learners/?course_id=${encodeURIComponent(EMPTY_COURSE)}&format=csv&page=1`);
    expect(nothing.status).toBe(200);
    expect((await nothing.text()).split("\r\n")).toHaveLength(2);
    expect(
      (await get(`/api/v0/learners/?course_id=${encodeURIComponent(EMPTY_COURSE)}&format=csv&page=2`)).status,
    ).toBe(404);
  });
});

describe("GET /api/v0/learners/{username}/", () => {
  it("answers one learner, with a custom window, 404 learner_not_found otherwise", async () => {
    const cat = await json<{ username: string }>(`/api/v0/learners/cat/?${Q}`);
    expect(cat.username).toBe("cat");
    expect(await (await get(`/api/v0/learners/nobody/?${Q}`)).json()).toMatchObject({
      error_code: "learner_not_found",
    });
    expect((await get(`/api/v0/learners/edx-admin/?${Q}`)).status).toBe(404); // exists, never enrolled
    expect((await get(`/api/v0/learners/cat?${Q}`)).status).toBe(200); // without the trailing slash, no redirect
  });
});

describe("GET /api/v0/engagement_timelines/{username}/", () => {
  it("spans first to last active day without a window, every day of a window with one", async () => {
    const bob = await json<{ days: { date: string; videos_viewed: number }[] }>(
      `/api/v0/engagement_timelines/bob/?${Q}`,
    );
    expect(bob.days[0]).toMatchObject({ date: addDays(TEST_AS_OF, -20), videos_viewed: 1 });
    expect(bob.days).toHaveLength(18);
    expect(bob.days.at(-1)).toMatchObject({ date: addDays(TEST_AS_OF, -3), videos_viewed: 1 });
    const week = await json<{ days: unknown[] }>(
      `/api/v0/engagement_timelines/bob/?${Q}&start_date=${addDays(TEST_AS_OF, -7)}&end_date=${TEST_AS_OF}`,
    );
    expect(week.days).toHaveLength(7);
    expect(await json(`/api/v0/engagement_timelines/pager05/?${Q}`)).toEqual({ days: [] });
    expect((await get(`/api/v0/engagement_timelines/nobody/?${Q}`)).status).toBe(404);
  });
});

describe("GET /api/v0/course_learner_metadata/{course_id}/", () => {
  it("counts cohorts, zero-filled segments, modes, and gives the ranges; the id may hold / and +", async () => {
    const meta = await json<Record<string, Record<string, unknown>>>(`/api/v0/course_learner_metadata/${COURSE}/`);
    expect(meta.cohorts).toMatchObject({ "Group A": 2, "Group B": 1 });
    expect(Object.keys(meta.segments!).sort()).toEqual([
      "disengaging",
      "highly_engaged",
      "inactive",
      "struggling",
      "unenrolled",
    ]);
    expect(meta.segments!.unenrolled).toBe(1);
    expect(meta.enrollment_modes).toEqual({ audit: 32, verified: 2, honor: 1 });
    expect(meta.engagement_ranges!.date_range).toEqual({ start: addDays(TEST_AS_OF, -7), end: TEST_AS_OF });
    expect(Object.keys(meta.engagement_ranges!)).toHaveLength(6);
    expect((await get(`/api/v0/course_learner_metadata/nope/`)).status).toBe(404);
    expect((await get(`/api/v0/course_learner_metadata/${COURSE}/`, outsider)).status).toBe(403);
  });
});

describe("the Insights prefix /api/learner_analytics/v0/", () => {
  it.each([
    `/learners/?${Q}&order_by=problems_attempted`,
    `/learners/cat/?${Q}`,
    `/engagement_timelines/bob/?${Q}`,
    `/course_learner_metadata/${COURSE}`,
  ])("answers %s identically", async (path) => {
    const a = await json(`/api/v0${path}`);
    const b = await json(`/api/learner_analytics/v0${path}`);
    expect(JSON.stringify(b).replaceAll("/learner_analytics/v0/", "/v0/")).toBe(JSON.stringify(a));
  });
});
