import { demoAccounts } from "../lib/demo/accounts";
import { addDays } from "../lib/time";
import { expect, signIn, test } from "./fixtures";
import { CS101, rosterUrl, settled } from "./roster-helpers";

// The e2e server's as-of day (e2e/server.mjs).
const AS_OF = "2026-03-20";
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;
const windowQuery = (start: string, end: string) => `start_date=${start}&end_date=${end}`;

test.beforeEach(async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
});

test("every window, loaded from its URL and reloaded, in either theme, renders without a console error or warning", async ({ page }) => {
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
