import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";

/** The e2e server's database (e2e/server.mjs), opened read-only to check what pages show. */
export function e2eDb(): Database.Database {
  return new Database(path.resolve("test-results/e2e-db/lantern.db"), { readonly: true, fileMustExist: true });
}

/**
 * The app's origin, for API writes a test makes with the browser's session cookie: Lantern refuses
 * those without it (a page of another site cannot send it), as a browser's own fetch would carry it.
 */
export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** Fails the test on any console error or warning, or uncaught page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        const type = msg.type();
        if (type !== "error" && type !== "warning") return;
        // Chromium's hint that a prefetched route's stylesheet (Next's Link prefetch preloads the
        // target page's CSS) went unused for a few seconds: a timing heuristic of the framework
        // (vercel/next.js#51524), seen only on a loaded machine, not a fault of the page.
        if (type === "warning" && /was preloaded using link preload but not used within a few seconds/.test(msg.text()))
          return;
        // A failed request's message does not say which; its location does.
        const text = msg.location().url ? `${msg.text()} ${msg.location().url}` : msg.text();
        errors.push(type === "warning" ? `warning: ${text}` : text);
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors and warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Takes out of `errors` the failed requests a test provoked on purpose (the browser logs each), and checks they happened. */
export function expectFailedRequests(errors: string[], url: RegExp): void {
  const provoked = errors.filter((e) => e.startsWith("Failed to load resource") && url.test(e));
  expect(provoked.length, `a failed request to ${url}`).toBeGreaterThan(0);
  for (const e of provoked) errors.splice(errors.indexOf(e), 1);
}

/** No serious or critical axe violation on the page as it is. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Screenshots of the page in light and dark, at 1280 and 375 px, under test-results/screenshots. */
export async function screenshotAll(page: Page, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
      // Usable at this width: nothing makes the page itself scroll sideways.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${name} at ${width} px`,
      ).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screenshots/${name}-${width}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: null });
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
