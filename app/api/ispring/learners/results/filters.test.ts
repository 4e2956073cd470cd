import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { departments, items, managedDepartments } from "@/db/schema";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedUser } from "@/lib/testing/factories";
import { seedKeys } from "@/lib/testing/http";
import { allPages, enrollmentOf, getResults, RESULTS, resultsOf, setEnrollment } from "@/lib/testing/ispring";
import { addEvents, enrollLearners } from "@/lib/testing/roster";

/** iSpring results: every filter form, keyset paging, and who sees whose results. */

const X = "course-v1:Isp+X+2026";
const Y = "course-v1:Isp+Y+2026";

let app: TestApp;
let admin: string;
let deptAdmin: string;
let learner: string;
const id: Record<string, string> = {}; // username → user id
const enr: Record<string, string> = {}; // "s1X" → enrollment id

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db;
  admin = (await seedKeys(db, "filters")).admin;
  db.insert(departments)
    .values([
      { id: "uni", name: "Uni" },
      { id: "sci", name: "Science", parentId: "uni" },
      { id: "sci-cs", name: "Computing", parentId: "sci" },
      { id: "eng", name: "Engineering", parentId: "uni" },
    ])
    .run();
  const inX = enrollLearners(
    db,
    X,
    ["s1", "s2", "e1", "b1"].map((username) => ({ username })),
  );
  const inY = enrollLearners(
    db,
    Y,
    ["s1", "e1", "n1"].map((username) => ({ username })),
  );
  Object.assign(id, Object.fromEntries([...inX, ...inY]));
  for (const [u, d] of [
    ["s1", "sci"],
    ["s2", "sci-cs"],
    ["e1", "eng"],
    ["b1", "sci"],
  ])
    db.$client.prepare(`UPDATE users SET department_id = ? WHERE id = ?`).run(d, id[u!]);
  db.$client.prepare(`UPDATE users SET status = 'blocked' WHERE id = ?`).run(id.b1);
  for (const [u, c, course] of [
    ["s1", "X", X],
    ["s1", "Y", Y],
    ["s2", "X", X],
    ["e1", "X", X],
    ["e1", "Y", Y],
    ["n1", "Y", Y],
    ["b1", "X", X],
  ] as const) {
    enr[`${u}${c}`] = enrollmentOf(db, id[u]!, course);
  }
  db.insert(items)
    .values([
      { courseId: X, id: "x1", kind: "html" },
      { courseId: Y, id: "y1", kind: "html" },
    ])
    .run();
  addEvents(db, [
    { userId: id.s2!, courseId: X, itemId: "x1", kind: "item_completed", ts: Date.parse("2026-03-05T12:00:00Z") },
    { userId: id.e1!, courseId: X, itemId: "", kind: "course_launch", ts: Date.parse("2026-03-06T12:00:00Z") },
  ]);
  setEnrollment(db, enr.s1X!, {
    access_date: "2026-01-10T09:00:00.000Z",
    completion_status: "complete",
    completed_at: "2026-03-01T10:00:00.000Z",
  });
  setEnrollment(db, enr.s1Y!, { access_date: "2026-02-10T09:00:00.000Z" });
  setEnrollment(db, enr.s2X!, { due_date: "2026-04-01T00:00:00.000Z" });
  setEnrollment(db, enr.e1X!, { due_date: "2026-05-01T00:00:00.000Z" });
  setEnrollment(db, enr.e1Y!, { completion_status: "passed", completed_at: "2026-03-15T10:00:00.000Z" });
  setEnrollment(db, enr.n1Y!, { completion_status: "declined" });
  const dept = seedUser(db, { username: "sci-admin", role: "department_admin" });
  db.insert(managedDepartments).values({ userId: dept, departmentId: "sci" }).run();
  deptAdmin = (await createApiKey(db, dept, "dept")).key;
  learner = (await createApiKey(db, id.s1!, "own")).key;
}, 120_000);
afterAll(async () => app?.close());

/** The enrollments a query returns, by their names here ("s1X"), sorted. */
async function names(query: string, key = admin): Promise<string[]> {
  const byId = Object.fromEntries(Object.entries(enr).map(([name, e]) => [e, name]));
  return (await resultsOf(app, key, query)).map((r) => byId[r.enrollmentId] ?? r.enrollmentId).sort();
}

describe("iSpring results: filters", () => {
  it("takes lists in array, indexed, repeated and comma-separated form", async () => {
    const want = ["s1X", "s1Y", "s2X"];
    for (const q of [
      `userIds[]=${id.s1}&userIds[]=${id.s2}`,
      `userIds=${id.s1}&userIds=${id.s2}`,
      `userIds=${id.s1},${id.s2}`,
      `userIds[0]=${id.s1}&userIds[1]=${id.s2},`,
    ]) {
      expect(await names(q), q).toEqual(want);
    }
    expect(await names(`courseIds[]=${encodeURIComponent(Y)}`)).toEqual(["e1Y", "n1Y", "s1Y"]);
    expect(await names(`enrollmentIds=${enr.s2X!.toUpperCase()}&enrollmentIds[]=${enr.e1Y}`)).toEqual(["e1Y", "s2X"]);
    expect(await names("userIds[]=&pageToken=&pageSize=")).toHaveLength(6);
  });

  it("filters by department with every sub-department", async () => {
    expect(await names("departmentIds=sci")).toEqual(["s1X", "s1Y", "s2X"]);
    expect(await names("departmentIds[]=sci-cs,eng")).toEqual(["e1X", "e1Y", "s2X"]);
    expect(await names("departmentIds=uni")).toHaveLength(5);
    expect(await names("departmentIds=nowhere")).toEqual([]);
  });

  it("takes date ranges with either bound alone, a bare end date covering its day", async () => {
    expect(await names("accessDate[startDate]=2026-01-09")).toEqual(["s1X", "s1Y"]);
    expect(await names("accessDate[endDate]=2026-01-10")).toEqual(["e1X", "e1Y", "n1Y", "s1X", "s2X"]);
    expect(await names("accessDate[startDate]=2026-02-01T00:00:00Z&accessDate[endDate]=2026-02-28T00:00:00Z")).toEqual([
      "s1Y",
    ]);
    // An unencoded `+` arrives as a space; the offset still reads.
    expect(await names("accessDate[startDate]=2026-01-10T10:00:00+01:00")).toEqual(["s1X", "s1Y"]);
    expect(await names("dueDate[startDate]=2026-04-15")).toEqual(["e1X"]);
    expect(await names("dueDate[endDate]=2026-04-15")).toEqual(["s2X"]);
  });

  it("filters on completion date, explicit or from events", async () => {
    expect(await names("completionDate[startDate]=2026-03-04")).toEqual(["e1Y", "s2X"]);
    expect(await names("completionDate[endDate]=2026-03-05")).toEqual(["s1X", "s2X"]);
    expect(
      await names(
        `courseIds=${encodeURIComponent(X)}&completionDate[startDate]=2026-03-02&completionDate[endDate]=2026-03-31`,
      ),
    ).toEqual(["s2X"]);
  });

  it("filters on completion status, explicit or derived", async () => {
    expect(await names("completionStatuses=complete")).toEqual(["s1X", "s2X"]);
    expect(await names("completionStatuses[]=not_started&completionStatuses[]=declined")).toEqual(["n1Y", "s1Y"]);
    expect(await names("completionStatuses=in_progress")).toEqual(["e1X"]);
    expect(await names("completionStatus=passed")).toEqual(["e1Y"]);
  });

  it("shows active users by default; userStatuses picks active (1), blocked (3) or both", async () => {
    expect(await names("")).toEqual(["e1X", "e1Y", "n1Y", "s1X", "s1Y", "s2X"]);
    expect(await names("userStatuses[]=3")).toEqual(["b1X"]);
    expect(await names("userStatuses=1,3")).toHaveLength(7);
  });

  it.each([
    ["completionStatuses=done", "completionStatuses"],
    ["userStatuses=2", "userStatuses"],
    ["accessDate[startDate]=yesterday", "accessDate[startDate]"],
    ["dueDate[startDate]=2026-05-01&dueDate[endDate]=2026-04-01", "dueDate[startDate]"],
    ["pageSize=1001", "pageSize"],
    ["pageToken=bm90LWEtdG9rZW4", "pageToken"],
  ])("refuses %s with a 400 naming the parameter", async (query, name) => {
    const { status, body } = await getResults(app, admin, query);
    expect(status).toBe(400);
    expect(body).toEqual({ code: "invalid_request", message: expect.stringContaining(name) });
  });
});

describe("iSpring results: paging", () => {
  const everyone = "userStatuses=1,3&pageSize=2";

  it("returns each result exactly once over pages of two, in enrollment id order", async () => {
    const pages = await allPages(app, admin, everyone);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    const ids = pages.flat().map((r) => r.enrollmentId);
    expect(ids).toEqual(Object.values(enr).sort());
  });

  it("still returns each result exactly once when an enrollment is added between pages", async () => {
    let added: string[] = [];
    const pages = await allPages(app, admin, everyone, (n) => {
      if (n === 0) added = [...enrollLearners(app.db, X, [{ username: `late${n}` }]).values()];
    });
    const ids = pages.flat().map((r) => r.enrollmentId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of Object.values(enr)) expect(ids.filter((i) => i === e)).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(ids.length === 7 || ids.length === 8).toBe(true);
  });

  it("pages through filters on derived figures too", async () => {
    const pages = await allPages(
      app,
      admin,
      `courseIds=${encodeURIComponent(X)},${encodeURIComponent(Y)}&completionStatuses=complete,not_started,in_progress&pageSize=1`,
    );
    expect(pages.every((p) => p.length === 1)).toBe(true);
    const got = pages.flat().map((r) => r.enrollmentId);
    expect(got).toEqual([...got].sort());
    expect(got).toEqual(expect.arrayContaining([enr.s1X, enr.s1Y, enr.s2X, enr.e1X]));
  });

  it("puts nextPageToken in the XML only when more results follow", async () => {
    const first = await (await fetch(`${app.url}${RESULTS}?pageSize=5`, { headers: { authorization: admin } })).text();
    const token = /<nextPageToken>([^<]+)<\/nextPageToken>\n<\/response>\n$/.exec(first)?.[1];
    expect(token).toBeDefined();
    const last = await (
      await fetch(`${app.url}${RESULTS}?pageSize=5&pageToken=${token}`, { headers: { authorization: admin } })
    ).text();
    expect(last).toContain("<result>");
    expect(last).not.toContain("nextPageToken");
  });
});

describe("iSpring results: who sees whose", () => {
  it("shows a department admin the users of their departments and sub-departments only", async () => {
    expect(await names("", deptAdmin)).toEqual(["s1X", "s1Y", "s2X"]);
    expect(await names("departmentIds=sci-cs", deptAdmin)).toEqual(["s2X"]);
    expect(await names("departmentIds=eng", deptAdmin)).toEqual([]);
    expect(await names(`userIds=${id.e1}`, deptAdmin)).toEqual([]);
  });

  it("refuses anyone else with 403", async () => {
    const { status, body } = await getResults(app, learner);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: "forbidden" });
  });
});
