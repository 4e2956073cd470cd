import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { demoAccounts } from "../lib/demo/accounts";
import { agent, problemEvaluated } from "../lib/ingest/xapi/test-statements";
import { coursePath, learnerPath } from "../lib/dashboard/paths";
import { expect, screenshotAll, signIn, test, ORIGIN } from "./fixtures";
import { CS101 } from "./roster-helpers";

const admin = demoAccounts.find((a) => a.role === "admin")!;
// A course whose busiest day runs to five digits (the demo's run to three), so axis labels are at their widest.
const BIG = "course-v1:E2E+CHARTS+2026";
const LEARNER = "e2e-charts-busy";
const ATTEMPTS = 10_500;

/** One learner trying one problem many times on one day, and a little on the days around it: import files under the body limit. */
function bigCourse(): string[] {
  const course = `https://lms.example.com/course/${BIG}`;
  const attempt = (day: string) => ({
    type: "statement",
    statement: problemEvaluated(
      { success: false },
      {
        id: randomUUID(),
        actor: agent(LEARNER),
        timestamp: `${day}T10:00:00Z`,
        context: { contextActivities: { parent: [{ id: course, objectType: "Activity" }] } },
      },
    ),
  });
  const records = [
    { type: "course", id: BIG, title: "A very busy course", starts_at: "2026-03-10" },
    { type: "user", username: LEARNER, name: "Busy Learner", external_ids: [LEARNER] },
    { type: "enrollment", course_id: BIG, user: LEARNER, mode: "audit", enrolled_at: "2026-03-10T09:00:00Z" },
    attempt("2026-03-16"),
    ...Array.from({ length: ATTEMPTS }, () => attempt("2026-03-17")),
    attempt("2026-03-18"),
  ];
  const files: string[] = [];
  for (let i = 0; i < records.length; i += 4_000)
    files.push(
      `${records
        .slice(i, i + 4_000)
        .map((r) => JSON.stringify(r))
        .join("\n")}\n`,
    );
  return files;
}

/** Every y-axis tick label of every chart on the page, with whether it lies inside its chart. */
async function clippedTicks(page: Page): Promise<string[]> {
  return page.locator(".recharts-wrapper").evaluateAll((charts) =>
    charts.flatMap((chart) => {
      const box = chart.getBoundingClientRect();
      return [...chart.querySelectorAll(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")].flatMap(
        (tick) => {
          const t = tick.getBoundingClientRect();
          const inside = t.width > 0 && t.left >= box.left - 0.5 && t.right <= box.right + 0.5;
          return inside
            ? []
            : [`"${tick.textContent}" at ${Math.round(t.left - box.left)} px (width ${Math.round(t.width)})`];
        },
      );
    }),
  );
}

async function expectTicksInside(page: Page, minCharts: number) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(async () => {
      expect(
        await page.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").count(),
      ).toBeGreaterThan(minCharts);
      expect(await clippedTicks(page), `at ${width} px`).toEqual([]);
    }).toPass({ timeout: 10_000 });
  }
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, admin.username, admin.password);
  for (const data of bigCourse()) {
    const res = await page.request.post("/api/v0/import", {
      headers: { "content-type": "application/x-ndjson", origin: ORIGIN },
      data,
      timeout: 120_000,
    });
    expect(res.status()).toBe(200);
  }
  await page.close();
});

test.beforeEach(async ({ page }) => {
  await signIn(page, admin.username, admin.password);
});

test("every chart of the overview shows its y-axis labels whole, at 1280 and 375 px", async ({ page }) => {
  for (const course of [CS101, BIG]) {
    await page.goto(coursePath(course));
    await expect(page.locator(".recharts-wrapper")).toHaveCount(6);
    await expectTicksInside(page, 6);
  }
  // The busy course's attempts chart does reach five digits.
  const labels = await page
    .locator(".trend-small .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .allTextContents();
  expect(labels.some((l) => l.replace(/\D/g, "").length >= 5)).toBe(true);
  await screenshotAll(page, "course-overview-busy");
});

test("the learner timeline shows its y-axis labels whole, at 1280 and 375 px, with every series", async ({ page }) => {
  const series = "problems_attempted,problems_completed,videos_viewed,discussion_contributions,problem_attempts";
  await page.goto(learnerPath(BIG, LEARNER, `series=${series}`));
  await expect(page.locator(".timeline-chart .recharts-wrapper")).toBeVisible();
  await expect(
    page
      .locator(".timeline-chart .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
      .filter({ hasText: /\d{2},\d{3}/ })
      .first(),
  ).toBeAttached();
  await expectTicksInside(page, 1);
  await screenshotAll(page, "learner-busy");
});
