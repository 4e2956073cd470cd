import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "@/scripts/chromium.mjs";
import { BENCH_ADMIN, BENCH_ADMIN_PASSWORD } from "./course-catalog";

/**
 * The roster page in Chromium over loopback: the first load (navigation start to the load event,
 * with an empty browser cache each time; the median of a few) and the JavaScript the page loads,
 * gzipped. The floor is the sign-in page, the smallest page Lantern serves, measured the same way.
 */

export interface PageFigures {
  loadMs: number;
  /** The scripts the page loaded, each gzipped at level 9 here, summed. */
  jsGzipBytes: number;
  scripts: number;
}

export interface BrowserFigures {
  roster: PageFigures;
  floor: PageFigures;
}

const RUNS = 5;

async function firstLoads(browser: Browser, url: string, context: BrowserContextOptions): Promise<PageFigures> {
  const runs: PageFigures[] = [];
  // One load first that is not counted: the server loads the page's modules on its first request.
  for (let run = 0; run <= RUNS; run++) {
    const ctx = await browser.newContext(context);
    const page = await ctx.newPage();
    const scripts = new Map<string, Promise<number>>();
    page.on("response", (res) => {
      if (res.request().resourceType() === "script" && !scripts.has(res.url()))
        scripts.set(
          res.url(),
          res.body().then((b) => gzipSync(b, { level: 9 }).length),
        );
    });
    const res = await page.goto(url, { waitUntil: "load" });
    if (!res?.ok()) throw new Error(`${url} answered ${res?.status()}`);
    const loadMs = await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    const sizes = await Promise.all(scripts.values());
    if (run > 0) runs.push({ loadMs, jsGzipBytes: sizes.reduce((a, b) => a + b, 0), scripts: sizes.length });
    await ctx.close();
  }
  runs.sort((a, b) => a.loadMs - b.loadMs);
  return runs[runs.length >> 1]!;
}

export async function measureBrowser(base: URL, course: string): Promise<BrowserFigures> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // Signing in lands on a light page: the Courses page counts every event for an administrator,
    // which at 100,000 learners takes longer than a navigation should wait, and is not measured.
    await page.goto(new URL("/sign-in?callbackUrl=/settings/api-keys", base).toString());
    await page.getByLabel("Username or email").fill(BENCH_ADMIN);
    await page.getByLabel("Password").fill(BENCH_ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 120_000 });
    const storageState = await ctx.storageState();
    await ctx.close();
    const roster = await firstLoads(
      browser,
      new URL(`/courses/${encodeURIComponent(course)}/learners`, base).toString(),
      { storageState },
    );
    const floor = await firstLoads(browser, new URL("/sign-in", base).toString(), {});
    return { roster, floor };
  } finally {
    await browser.close();
  }
}
