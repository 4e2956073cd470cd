import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { demoAccounts } from "../lib/demo/accounts";
import { agent, problemEvaluated } from "../lib/ingest/xapi/test-statements";
import { e2eDb, expect, expectAccessible, screenshotAll, signIn, test } from "./fixtures";

const admin = demoAccounts.find((a) => a.role === "admin")!;
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;

// Every spec shares one database: this one only adds records of its own (a course with new users, two departments),
// with ids no other spec uses, and leaves the demo courses alone.
const stamp = Date.now().toString(36);
const COURSE = `course-v1:E2E+IMPORT${stamp}+2026_T1`;
const learners = ["ada", "ben", "cho"].map((n) => `e2e-${n}-${stamp}`);

const jsonl = (records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;
const file = (name: string, text: string) => ({ name, mimeType: "application/x-ndjson", buffer: Buffer.from(text) });

/** A small course: three learners, a problem, two xAPI attempts on it and one graded event. */
function validFile() {
  const registration = randomUUID();
  const attempt = (learner: string, success: boolean) => ({
    type: "statement",
    statement: problemEvaluated(
      { success },
      {
        actor: agent(`anon-${learner}`),
        timestamp: "2026-03-18T10:00:00Z",
        context: {
          contextActivities: { parent: [{ id: `https://lms.example.com/course/${COURSE}`, objectType: "Activity" }] },
        },
      },
    ),
  });
  return jsonl([
    { type: "course", id: COURSE, title: `Imported course ${stamp}`, starts_at: "2026-01-05" },
    ...learners.map((u) => ({
      type: "user",
      username: u,
      name: `Learner ${u}`,
      email: `${u}@example.com`,
      external_ids: [`anon-${u}`],
    })),
    ...learners.map((u, i) => ({
      type: "enrollment",
      course_id: COURSE,
      user: u,
      mode: "verified",
      enrolled_at: "2026-02-02T09:00:00Z",
      ...(i === 0 && { id: registration }),
    })),
    { type: "item", course_id: COURSE, id: "problem-1", kind: "problem", title: "Problem 1" },
    attempt(learners[0]!, true),
    attempt(learners[1]!, false),
    {
      type: "graded_event",
      registration_id: registration,
      module_id: "problem-1",
      interaction_end_time: "2026-03-19T10:00:00Z",
      is_correct: true,
    },
  ]);
}

function tableCounts() {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM courses) AS courses, (SELECT COUNT(*) FROM users) AS users,
      (SELECT COUNT(*) FROM enrollments) AS enrollments, (SELECT COUNT(*) FROM events) AS events`,
      )
      .get();
  } finally {
    db.close();
  }
}

async function openImportFromMenu(page: Page) {
  await page.getByLabel(/Account menu/).click();
  await page.getByRole("link", { name: "Import data" }).click();
  await expect(page).toHaveURL(/\/admin\/import$/);
  await expect(page.getByRole("heading", { name: "Import data", level: 1 })).toBeVisible();
}

test("an admin uploads a JSON Lines file and sees what was imported, per type", async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  await openImportFromMenu(page);
  await expectAccessible(page);
  await screenshotAll(page, "import");

  await page.getByLabel("Choose a JSON Lines file").setInputFiles(file("new-course.jsonl", validFile()));
  await expect(page.getByText("Chosen: new-course.jsonl")).toBeVisible();
  // Another writer holds the database, so the import waits once the small file is sent: the page finishes meanwhile.
  const writer = new Database(path.resolve("test-results/e2e-db/lantern.db"), { fileMustExist: true });
  writer.exec("BEGIN IMMEDIATE");
  try {
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status")).toHaveText("Upload complete. Finishing the import…");
    await expect(page.getByRole("button", { name: "Importing…" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Importing…" })).toBeFocused();
    await expect(page.getByRole("progressbar", { name: "Finishing the import…" })).not.toHaveAttribute("value");
    await screenshotAll(page, "import-progress");
  } finally {
    // Well within the server's busy timeout (10 s), after which the import would answer 503.
    writer.exec("ROLLBACK");
    writer.close();
  }

  const result = page.getByRole("region", { name: "Imported 11 records" });
  await expect(result).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Imported 11 records.");
  // The types that had records, in the documented order, then the total.
  const counts = [
    ["Users", "3"],
    ["Courses", "1"],
    ["Enrollments", "3"],
    ["Items", "1"],
    ["xAPI statements", "2"],
    ["Graded events", "1"],
    ["Total", "11"],
  ];
  await expect(result.locator("tbody tr, tfoot tr")).toHaveText(counts.map(([type, n]) => `${type}${n}`));
  await expect(page.getByRole("button", { name: "Import" })).toBeEnabled();

  const db = e2eDb();
  const course = db.prepare(`SELECT title FROM courses WHERE id = ?`).get(COURSE) as { title: string } | undefined;
  const enrolled = db
    .prepare(
      `SELECT u.username FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_id = ? ORDER BY u.username`,
    )
    .all(COURSE);
  const events = db
    .prepare(
      `SELECT u.username, e.kind, e.success FROM events e JOIN users u ON u.id = e.user_id WHERE e.course_id = ? ORDER BY e.ts, u.username`,
    )
    .all(COURSE);
  db.close();
  expect(course?.title).toBe(`Imported course ${stamp}`);
  expect(enrolled).toEqual(learners.map((username) => ({ username })));
  expect(events).toEqual([
    { username: learners[0], kind: "problem_attempt", success: 1 },
    { username: learners[1], kind: "problem_attempt", success: 0 },
    { username: learners[0], kind: "problem_attempt", success: 1 },
  ]);

  await expectAccessible(page);
  await screenshotAll(page, "import-done");
  await result.getByRole("link", { name: "See the courses" }).click();
  const row = page.getByRole("row", { name: new RegExp(`Imported course ${stamp}`) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
});

test("the progress bar follows the upload", async ({ page }) => {
  // Large enough to be sent in several pieces: 1,000 updates of one department of this spec's own.
  const department = { type: "department", id: `e2e-progress-${stamp}`, name: "Progress check" };
  await signIn(page, admin.username, admin.password);
  await page.goto("/admin/import");
  await page
    .getByLabel("Choose a JSON Lines file")
    .setInputFiles(file("large.jsonl", jsonl(Array(1000).fill(department))));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 30_000,
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Uploading large\.jsonl: (25|50|75)% sent\.$/);
  await expect(page.getByRole("progressbar", { name: "Uploading and importing…" })).toBeVisible();
  await expect(page.getByText(/ of 7\d\.\d kB · \d+%/)).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Imported 1,000 records.");
});

test("a file with errors lists them by line, and nothing was changed", async ({ page, consoleErrors }) => {
  const missing = `course-v1:E2E+NEVER${stamp}+2026_T1`;
  const text = [
    JSON.stringify({ type: "course", id: missing, title: "Must not exist" }),
    "{not json",
    "",
    JSON.stringify({ type: "enrollment", course_id: missing, user: "nobody-at-all" }),
    JSON.stringify({ type: "lesson", id: "x" }),
  ].join("\n");
  const before = tableCounts();
  await signIn(page, admin.username, admin.password);
  await page.goto("/admin/import");
  await page.getByLabel("Choose a JSON Lines file").setInputFiles(file("broken.jsonl", text));
  await page.getByRole("button", { name: "Import" }).click();

  const result = page.getByRole("region", { name: "broken.jsonl has 3 errors" });
  await expect(result).toContainText("Nothing was changed.");
  await expect(result.getByRole("list", { name: "Errors, by line" }).getByRole("listitem")).toHaveText([
    /^Line 2/,
    /^Line 4.*nobody-at-all/,
    /^Line 5.*type/,
  ]);
  await expect(page.getByRole("status")).toContainText("Nothing was changed.");
  expect(tableCounts()).toEqual(before);
  const db = e2eDb();
  expect(db.prepare(`SELECT COUNT(*) AS n FROM courses WHERE id = ?`).get(missing)).toEqual({ n: 0 });
  db.close();

  await expectAccessible(page);
  await screenshotAll(page, "import-errors");
  // The browser logs the refused upload (HTTP 400) as a console error; that one is expected here.
  expect(consoleErrors.every((e) => e.includes("400"))).toBe(true);
  consoleErrors.length = 0;

  // Another file can be chosen straight away; it replaces the errors.
  await page.getByLabel("Choose a JSON Lines file").setInputFiles(file("empty.jsonl", "\n\n"));
  await expect(result).toHaveCount(0);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Nothing to import" })).toContainText("holds no records");
});

test("an upload cut off on the way offers a retry, which imports the file", async ({ page, consoleErrors }) => {
  await signIn(page, admin.username, admin.password);
  await page.goto("/admin/import");
  await page
    .getByLabel("Choose a JSON Lines file")
    .setInputFiles(file("one.jsonl", jsonl([{ type: "department", id: `e2e-retry-${stamp}`, name: "Retry check" }])));
  await page.route("**/api/v0/import", (route) => route.abort("connectionreset"));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "The upload failed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("The upload failed");
  await screenshotAll(page, "import-failed");
  // The browser logs the cut connection as a console error; that one is expected here.
  expect(consoleErrors.every((e) => e.includes("net::ERR_"))).toBe(true);
  consoleErrors.length = 0;

  await page.unroute("**/api/v0/import");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("region", { name: "Imported 1 record" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import" })).toBeFocused();
  const db = e2eDb();
  expect(db.prepare(`SELECT name FROM departments WHERE id = ?`).get(`e2e-retry-${stamp}`)).toEqual({
    name: "Retry check",
  });
  db.close();
});

test("an instructor may not import: no link in the menu, and the page says so", async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
  await page.getByLabel(/Account menu/).click();
  await expect(page.getByRole("link", { name: "API keys" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import data" })).toHaveCount(0);
  await page.goto("/admin/import");
  await expect(page.getByText("Only administrators can import data into Lantern.")).toBeVisible();
  await expect(page.locator("input[type=file]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshotAll(page, "import-not-allowed");
});
