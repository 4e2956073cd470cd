import { figureBand, isConcerning } from "../lib/analytics/bands";
import type { Page } from "@playwright/test";
import { demoAccounts } from "../lib/demo/accounts";
import { FIGURE_ORDER } from "../lib/dashboard/labels";
import { addDays } from "../lib/time";
import { expect, expectAccessible, expectFailedRequests, screenshotAll, signIn, test } from "./fixtures";
import { CS101, rosterUrl, settled, visibleUsernames, windowRangesOf, holdRosterRequests } from "./roster-helpers";

// The e2e server's as-of day (e2e/server.mjs).
const AS_OF = "2026-03-20";
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;
const windowQuery = (start: string, end: string) => `start_date=${start}&end_date=${end}`;

test.beforeEach(async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
});

test("every window, loaded from its URL and reloaded, in either theme, renders without a console error or warning", async ({
  page,
}) => {
  const windows = [
    { query: "", chip: null },
    ...[14, 30, 90].map((n) => ({ query: windowQuery(addDays(AS_OF, -n), AS_OF), chip: /^Window: / })),
    { query: windowQuery("2026-03-01", "2026-03-08"), chip: /^Window: Mar 1 – Mar 7, 2026$/ },
  ];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const w of windows) {
      await page.goto(rosterUrl(CS101, w.query));
      await settled(page);
      if (w.chip) await expect(page.locator(".chip")).toHaveText([w.chip]);
      await page.reload();
      await settled(page);
      await page.waitForLoadState("networkidle");
    }
  }
  // The learner page, with the roster's window, and the overview.
  await page.goto(rosterUrl(CS101, windowQuery("2026-03-01", "2026-03-08")));
  await page.locator(".learner-link").first().click();
  await expect(page.getByRole("heading", { name: "Daily activity" })).toBeVisible();
  await page.reload();
  await page.waitForLoadState("networkidle");
  await page.goto(`/courses/${encodeURIComponent(CS101)}`);
  await page.waitForLoadState("networkidle");
});

test("the Segments menu closes on Escape and on a click outside it", async ({ page }) => {
  await page.goto(rosterUrl(CS101));
  const menu = page.locator("details.filter-menu");
  const summary = menu.locator("summary");
  await summary.click();
  await expect(menu).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open");
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(menu).toHaveAttribute("open", "");
  // A choice inside keeps it open; a click elsewhere closes it.
  const struggling = page.getByRole("checkbox", { name: /Struggling/ });
  await struggling.click();
  await expect(struggling).toBeChecked();
  await expect(menu).toHaveAttribute("open", "");
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).not.toHaveAttribute("open");
  await expect(page).toHaveURL(/segments=struggling/);
});

test("a page past the last shows the last page and says so", async ({ page }) => {
  await page.goto(rosterUrl(CS101, "page=999"));
  await expect(page.locator(".pager-range")).toHaveText("276–300 of 300");
  await expect(page.locator(".pager-page", { hasText: "Page 12 of 12" })).toBeVisible();
  await expect(page.locator(".roster-note-page")).toHaveText("There is no page 999: this is the last page, 12.");
  await expect(page).toHaveURL(/page=12$/);
  await expect(page.locator(".roster-table tbody tr")).toHaveCount(25);
  await screenshotAll(page, "roster-past-last");
});

test("a reversed window reads both its days, and its problem in words", async ({ page, consoleErrors }) => {
  await page.goto(rosterUrl(CS101, windowQuery("2026-03-10", "2026-03-05")));
  await expect(page.locator(".chip")).toHaveText([/^Window: Mar 10, 2026 – Mar 4, 2026$/]);
  const alert = page.locator(".roster-message[role=alert]");
  await expect(alert).toContainText("The first day must be on or before the last day.");
  await expect(alert).not.toContainText("start_date");
  expectFailedRequests(consoleErrors, /start_date=2026-03-10/);
});

test("after a page change, focus and the view move to the top of the table", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(rosterUrl(CS101));
  const next = page.getByRole("button", { name: "Next" });
  await next.scrollIntoViewIfNeeded();
  await next.click();
  await expect(page).toHaveURL(/page=2$/);
  await settled(page);
  await expect(page.locator(".roster-table caption")).toBeFocused();
  const top = await page.locator(".roster-table").boundingBox();
  expect(top!.y).toBeGreaterThanOrEqual(0);
  expect(top!.y).toBeLessThan(600);
});

test("offline, a page change says it failed with Retry, and labels what is shown", async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto(rosterUrl(CS101));
  await settled(page);
  const first = await visibleUsernames(page);
  await context.setOffline(true);
  await page.getByRole("button", { name: "Next" }).click();
  const alert = page.locator(".roster-message[role=alert]");
  await expect(alert).toContainText("Page 2 could not be loaded.", { timeout: 10_000 });
  await expect(alert).toContainText("The server could not be reached");
  // The filters are not to blame for a dropped connection.
  await expect(alert.getByRole("button", { name: "Clear the filters" })).toHaveCount(0);
  // Nothing is left dimmed under a label that is not its own.
  await expect(page.locator(".table-scroll.stale")).toHaveCount(0);
  await expect(page.locator(".pager-page", { hasText: "Page 2 of 12" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshotAll(page, "roster-offline");
  await context.setOffline(false);
  await alert.getByRole("button", { name: "Retry" }).click();
  await settled(page);
  await expect(page.locator(".pager-page", { hasText: "Page 2 of 12" })).toBeVisible();
  expect(await visibleUsernames(page)).not.toEqual(first);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)));
});

test("while the next page loads, the pager labels the page that is shown", async ({ page }) => {
  await page.goto(rosterUrl(CS101));
  await settled(page);
  const release = await holdRosterRequests(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator(".loading-note")).toBeVisible();
  await expect(page.locator(".pager-range")).toHaveText("1–25 of 300");
  await expect(page.locator(".pager-page", { hasText: "Page 1 of 12" })).toBeVisible();
  release();
  await settled(page);
  await expect(page.locator(".pager-range")).toHaveText("26–50 of 300");
});

/** Each figure of the roster's 100 rows is coloured against the ranges of [start, end), as the API's figures place it. */
async function expectColoursFor(page: Page, start: string, end: string): Promise<number> {
  const ranges = windowRangesOf(CS101, start, end);
  const q = `${windowQuery(start, end)}&order_by=problems_attempted&sort_order=desc&page_size=100`;
  const api = (await (
    await page.request.get(`/api/v0/learners/?course_id=${encodeURIComponent(CS101)}&${q}`)
  ).json()) as {
    results: { engagements: Record<string, number | null> & { problems_attempted: number } }[];
  };
  const expected = api.results.map((learner) =>
    FIGURE_ORDER.map((metric) => {
      const value = learner.engagements[metric]!;
      const band = figureBand(metric, value, ranges[metric], {
        problemsAttempted: learner.engagements.problems_attempted,
      });
      if (band === null || band === "average") return value === null ? "figure na" : "figure";
      return `figure ${isConcerning(metric, band) ? "concerning" : "favourable"}`;
    }),
  );
  const rows = page.locator(".roster-table tbody tr");
  await expect(rows).toHaveCount(100);
  await expect(async () => {
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll("td")].slice(1, 6).map((td) => {
          // The plain hooks beside the module's hashed classes say the tone.
          const classes = td.querySelector(".figure")?.classList;
          return (
            classes && [...classes].filter((c) => ["figure", "na", "concerning", "favourable"].includes(c)).join(" ")
          );
        }),
      ),
    );
    expect(shown).toEqual(expected);
  }).toPass({ timeout: 10_000 });
  return expected.flat().filter((c) => c !== "figure" && c !== "figure na").length;
}

test("a window's figures are coloured by that window's own ranges, and the badges say they are the last 7 days'", async ({
  page,
}) => {
  const start = addDays(AS_OF, -30);
  await page.goto(
    rosterUrl(CS101, `${windowQuery(start, AS_OF)}&order_by=problems_attempted&sort_order=desc&page_size=100`),
  );
  await settled(page);
  await expect(page.locator(".roster-note")).toHaveText(
    /^Colours compare each figure with this window’s ranges \(Feb 18 – Mar 19, 2026\)\. Segments describe the last 7 days\.$/,
  );
  await expect(page.getByRole("columnheader", { name: /Segments \(last 7 days\)/ })).toBeVisible();
  expect(await expectColoursFor(page, start, AS_OF)).toBeGreaterThan(0);

  // Another window chosen on the page gets its own ranges too.
  await expect(async () => {
    await page.getByLabel("Window", { exact: true }).selectOption("90");
    await expect(page).toHaveURL(new RegExp(`start_date=${addDays(AS_OF, -90)}`), { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await settled(page);
  expect(await expectColoursFor(page, addDays(AS_OF, -90), AS_OF)).toBeGreaterThan(0);
  await expect(page.getByRole("columnheader", { name: /Segments \(last 7 days\)/ })).toBeVisible();
  await expectAccessible(page);
  await screenshotAll(page, "roster-window");
});
