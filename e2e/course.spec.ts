import { demoAccounts } from "../lib/demo/accounts";
import { expect, expectAccessible, screenshotAll, signIn, test, ORIGIN } from "./fixtures";
import { CS101, rosterUrl, STAT120 } from "./roster-helpers";

const admin = demoAccounts.find((a) => a.role === "admin")!;
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;
const fmt = new Intl.NumberFormat("en-US");
const overviewUrl = (id: string) => `/courses/${encodeURIComponent(id)}`;

interface Metadata {
  cohorts: Record<string, number>;
  segments: Record<string, number>;
  enrollment_modes: Record<string, number>;
  engagement_ranges: Record<
    string,
    { below_average: [number, number | null] | null; average: [number, number | null] | null }
  >;
}

test("the course switcher lists the courses one may read and opens another", async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
  await page.goto(overviewUrl(CS101));
  const switcher = page.locator(".course-switcher");
  await expect(switcher.locator("summary")).toHaveText("Introduction to Programming with Python");
  await switcher.locator("summary").click();
  await expect(switcher.locator("li a")).toHaveText([
    /Introduction to Programming with Python/,
    /Research Methods Seminar/,
  ]);
  await expect(switcher.getByRole("link", { name: /Introduction to Programming/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.keyboard.press("Escape");
  await expect(switcher.locator(".course-switcher-panel")).toBeHidden();
  await switcher.locator("summary").click();
  await switcher.getByRole("link", { name: /Research Methods Seminar/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Research Methods Seminar" })).toBeVisible();
  await expect(switcher.locator("summary")).toHaveText("Research Methods Seminar");
});

test("a course one does not teach is refused without saying whether it exists; an admin learns it does not", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  for (const url of [overviewUrl(STAT120), rosterUrl(STAT120), overviewUrl("course-v1:Nowhere+X+1")]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "You can’t open this course" })).toBeVisible();
    await expect(page.locator(".roster-table, .segment-cards")).toHaveCount(0);
  }
  await expectAccessible(page);
  await screenshotAll(page, "course-refused");
  await page.context().clearCookies();
  await signIn(page, admin.username, admin.password);
  await page.goto(overviewUrl("course-v1:Nowhere+X+1"));
  await expect(page.getByRole("heading", { level: 1, name: "No such course" })).toBeVisible();
});

test("the overview's segment cards, cohorts and tracks lead to the filtered roster; its ranges are the course's", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  await page.goto(overviewUrl(CS101));
  const meta = (await (await page.request.get(`/api/v0/course_learner_metadata/${CS101}/`)).json()) as Metadata;
  for (const [segment, n] of Object.entries(meta.segments)) {
    await expect(page.locator(`.segment-card-${segment} .segment-card-count`)).toHaveText(fmt.format(n));
  }
  const rows = page.locator(".ranges-table tbody tr");
  await expect(rows).toHaveCount(5);
  const tried = meta.engagement_ranges.problems_attempted!;
  // Counts name the whole numbers each range holds, so a bound is never in two ranges.
  const [, upper] = tried.below_average!;
  const last = Math.ceil(upper!) - 1;
  // A range holding one number says just that number.
  await expect(rows.first().locator("td").nth(0)).toHaveText(last === 0 ? "0" : `0–${last}`);
  await expect(rows.first().locator("td").nth(1)).toHaveText(new RegExp(`^${Math.ceil(upper!)}–`));
  // The ratio is not a count: its bounds are said in words.
  const ratio = rows.filter({ hasText: "Attempts per problem correct" }).locator("td");
  await expect(ratio).toHaveText([/^under \d/, /^[\d.]+ to under [\d.]+$/, /^[\d.]+ or more$/]);
  await expect(page.getByText("Each range includes its lower bound")).toHaveCount(0);
  await expect(page.locator(".trend-main svg.recharts-surface")).toBeVisible();

  await page.locator(".trend-table summary").click();
  await expect(page.getByRole("region", { name: "The course day by day" }).locator("tbody tr").first()).toBeVisible();

  const [cohort, count] = Object.entries(meta.cohorts)[0]!;
  await page.getByRole("link", { name: new RegExp(`^${cohort}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/learners\\?cohort=${encodeURIComponent(cohort).replace(/%20/g, "\\+")}$`));
  await expect(page.locator("#roster-count")).toHaveText(`${fmt.format(count)} learners match of 300`);
  await page.goBack();
  await page.getByRole("link", { name: /^verified/ }).click();
  await expect(page.locator("#roster-count")).toHaveText(
    `${fmt.format(meta.enrollment_modes.verified!)} learners match of 300`,
  );
  await expect(page.getByRole("link", { name: "Learners", exact: true })).toHaveAttribute("aria-current", "page");
});

test("a course with no learners says so on its overview and roster", async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  const id = "course-v1:E2E+EMPTY+2026";
  const res = await page.request.post("/api/v0/import", {
    headers: { "content-type": "application/x-ndjson", origin: ORIGIN },
    data: JSON.stringify({ type: "course", id, title: "A course nobody has joined" }),
  });
  expect(res.status()).toBe(200);
  await page.goto(overviewUrl(id));
  // One empty state that says how data gets in, and none of the zero cards, flat charts or empty ranges.
  const empty = page.locator(".overview-empty");
  await expect(empty.getByRole("heading", { name: "No learners or activity yet" })).toBeVisible();
  await expect(empty).toContainText("xAPI");
  await expect(empty.getByRole("link", { name: "Import data" })).toHaveAttribute("href", "/admin/import");
  await expect(page.locator(".stats, .segment-cards, .ranges-table, .recharts-wrapper, .group-columns")).toHaveCount(0);
  await expectAccessible(page);
  await screenshotAll(page, "course-overview-empty");
  await page.getByRole("link", { name: "Learners", exact: true }).click();
  await expect(
    page.getByText("No learners yet. Learners appear here once they enroll, or once an LMS sends their activity."),
  ).toBeVisible();
  await expect(page.locator("#roster-count")).toHaveText("0 learners");
  await expectAccessible(page);
  await screenshotAll(page, "roster-empty");
});
