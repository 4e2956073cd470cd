import { demoAccounts } from "../lib/demo/accounts";
import { e2eDb, expect, expectAccessible, screenshotAll, signIn, test } from "./fixtures";

const fmt = new Intl.NumberFormat("en");

test("the first page names the product and summarises what is loaded", async ({ page }) => {
  const db = e2eDb();
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM courses) AS courses, (SELECT COUNT(DISTINCT user_id) FROM enrollments) AS learners,
              (SELECT COUNT(*) FROM events) AS events`,
    )
    .get() as { courses: number; learners: number; events: number };
  db.close();
  expect(counts.courses).toBe(3);
  expect(counts.events).toBeGreaterThan(1000);

  const admin = demoAccounts.find((a) => a.role === "admin")!;
  await signIn(page, admin.username, admin.password);
  await page.goto("/");
  await expect(page).toHaveTitle(/Lantern/);
  await expect(page.getByRole("link", { name: "Lantern home" })).toBeVisible();
  const card = (label: string) => page.locator(".stat-card", { hasText: label }).locator(".stat-value");
  await expect(card("Courses")).toHaveText(fmt.format(counts.courses));
  await expect(card("Learners")).toHaveText(fmt.format(counts.learners));
  await expect(card("Learning events")).toHaveText(fmt.format(counts.events));
  await expect(page.getByText(/Last data received/)).toBeVisible();

  await expectAccessible(page);
  await screenshotAll(page, "home");
});
