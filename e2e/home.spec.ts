import { demoAccounts } from "../lib/demo/accounts";
import { e2eDb, expect, expectAccessible, screenshotAll, signIn, test } from "./fixtures";

const fmt = new Intl.NumberFormat("en");
const admin = demoAccounts.find((a) => a.role === "admin")!;
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;

test("an admin sees every course with its counts, and what is loaded", async ({ page }) => {
  const db = e2eDb();
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM courses) AS courses, (SELECT COUNT(DISTINCT user_id) FROM enrollments) AS learners,
              (SELECT COUNT(*) FROM events) AS events`,
    )
    .get() as { courses: number; learners: number; events: number };
  // In the page's order; a course without a title is shown by its id.
  const perCourse = db
    .prepare(
      `SELECT COALESCE(NULLIF(c.title, ''), c.id) AS title, COUNT(CASE WHEN e.is_active THEN 1 END) AS enrolled
       FROM courses c LEFT JOIN enrollments e ON e.course_id = c.id GROUP BY c.id ORDER BY c.title, c.id`,
    )
    .all() as { title: string; enrolled: number }[];
  db.close();
  // The demo's three courses, and whatever other specs imported into the shared database (import.spec.ts).
  expect(counts.courses).toBeGreaterThanOrEqual(3);

  await signIn(page, admin.username, admin.password);
  await expect(page).toHaveTitle(/Lantern/);
  await expect(page.getByRole("heading", { name: "Courses", level: 1 })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(counts.courses);
  for (const [i, c] of perCourse.entries()) {
    await expect(rows.nth(i).locator(".course-title")).toHaveText(c.title);
    await expect(rows.nth(i).locator("td").nth(1)).toHaveText(fmt.format(c.enrolled));
  }
  const card = (label: string) => page.locator(".stat-card", { hasText: label }).locator(".stat-value");
  await expect(card("Courses")).toHaveText(fmt.format(counts.courses));
  await expect(card("Learners")).toHaveText(fmt.format(counts.learners));
  await expect(card("Learning events")).toHaveText(fmt.format(counts.events));

  await expectAccessible(page);
  await screenshotAll(page, "courses");
});

test("an instructor sees only their courses, and can search them by title or id", async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator(".stat-card")).toHaveCount(0);
  await page.getByRole("searchbox").fill("res300");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=res300/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator(".course-id")).toContainText("RES300");
  await page.getByRole("searchbox").fill("no such course");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No course matches “no such course”.")).toBeVisible();
});
