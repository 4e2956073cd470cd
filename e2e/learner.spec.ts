import type { Locator, Page } from "@playwright/test";
import type { DayValues } from "../lib/analytics/engagement";
import type { EngagementRanges } from "../lib/analytics/ranges";
import { demoAccounts } from "../lib/demo/accounts";
import { formatsFor } from "../lib/dashboard/format";
import { FIGURE_ORDER } from "../lib/dashboard/labels";
import { learnerPath, rosterPath } from "../lib/dashboard/paths";
import { rangeKind, rangeText } from "../lib/dashboard/range-text";
import { addDays } from "../lib/time";
import { e2eDb, expect, expectAccessible, expectFailedRequests, screenshotAll, signIn, test } from "./fixtures";
import { windowRangesOf } from "./roster-helpers";
import {
  allStatuses,
  apiGoals,
  percentsFor,
  STATUS_LABELS,
  type ApiCell,
  type Status,
  remainingWords,
} from "./goal-helpers";

// The e2e server's as-of day (e2e/server.mjs); the browser reads English (Desktop Chrome).
const AS_OF = "2026-03-20";
const f = formatsFor("en-US");
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;

interface Person {
  username: string;
  name: string;
  email: string;
}

/** The demo's courses, and learners picked for what each test needs. */
function demo() {
  const db = e2eDb();
  const course = (code: string) =>
    db.prepare(`SELECT id FROM courses WHERE id LIKE ?`).pluck().get(`%+${code}+%`) as string;
  const cs101 = course("CS101");
  const stat120 = course("STAT120");
  // Enrolled, with an email, active on several days of the last 30 and trying problems in the last 7.
  const active = db
    .prepare(
      `SELECT u.username, u.name, u.email FROM enrollments e JOIN users u ON u.id = e.user_id
       WHERE e.course_id = @c AND e.is_active = 1 AND u.email IS NOT NULL
         AND (SELECT COUNT(*) FROM learner_day d WHERE d.course_id = @c AND d.user_id = u.id AND d.day >= @d30 AND d.day < @asOf) >= 5
         AND EXISTS (SELECT 1 FROM learner_day d WHERE d.course_id = @c AND d.user_id = u.id AND d.day >= @d7 AND d.day < @asOf AND d.problems_attempted > 0)
       ORDER BY u.username LIMIT 1`,
    )
    .get({ c: cs101, d30: addDays(AS_OF, -30), d7: addDays(AS_OF, -7), asOf: AS_OF }) as Person;
  const unenrolled = db
    .prepare(
      `SELECT u.username, u.name, u.email FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_id = ? AND e.is_active = 0 ORDER BY u.username LIMIT 1`,
    )
    .get(cs101) as Person;
  const statOnly = db
    .prepare(
      `SELECT u.username, u.name, u.email FROM enrollments e JOIN users u ON u.id = e.user_id
       WHERE e.course_id = ? AND u.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enrollments x WHERE x.user_id = u.id AND x.course_id = ?)
       ORDER BY u.username LIMIT 1`,
    )
    .get(stat120, cs101) as Person;
  db.close();
  return { cs101, stat120, active, unenrolled, statOnly };
}

async function apiJson<T>(page: Page, path: string, query: Record<string, string>): Promise<T> {
  const res = await page.request.get(`${path}?${new URLSearchParams(query)}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The number a <Figure> shows, without its arrow and its words for screen readers. */
const figureNumber = (cell: Locator) =>
  cell.locator(".figure").evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".figure-mark, .visually-hidden").forEach((n) => n.remove());
    return copy.textContent?.trim();
  });

async function expectFigures(page: Page, engagements: Record<string, number | null>, ranges: EngagementRanges) {
  for (const m of FIGURE_ORDER) {
    const row = page.locator(`tr[data-metric="${m}"]`);
    const v = engagements[m] ?? null;
    expect(await figureNumber(row.locator(".figure-value")), m).toBe(
      m === "problem_attempts_per_completed" ? f.ratio(v) : f.count(v ?? 0),
    );
    const cells = row.locator("td").filter({ hasNot: page.locator(".figure") });
    await expect(cells).toHaveText([
      rangeText(ranges[m].below_average, f, rangeKind(m)),
      rangeText(ranges[m].average, f, rangeKind(m)),
      rangeText(ranges[m].above_average, f, rangeKind(m)),
    ]);
  }
}

const curves = (page: Page) => page.locator(".timeline-chart .recharts-line-curve");

/** Opens the table and checks it holds exactly the API's days, in order. */
async function expectTableDays(page: Page, days: DayValues[]) {
  const details = page.locator("details.timeline-table");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  const rows = details.locator("tbody tr");
  await expect(rows).toHaveCount(days.length);
  await expect(rows.locator("th")).toHaveText(days.map((d) => f.day(d.date)));
  const cols = [
    "problems_attempted",
    "problems_completed",
    "videos_viewed",
    "discussion_contributions",
    "problem_attempts",
  ] as const;
  for (const [i, d] of days.entries())
    await expect(rows.nth(i).locator("td")).toHaveText(cols.map((c) => f.count(d[c])));
}

test("an instructor reads a learner: profile, figures, chart and table, kept in the URL", async ({ page }) => {
  const { cs101, active } = demo();
  await signIn(page, instructor.username, instructor.password);
  await page.goto(learnerPath(cs101, active.username));

  await expect(page.getByRole("heading", { level: 2, name: active.name })).toBeVisible();
  await expect(page.getByRole("link", { name: active.email })).toHaveAttribute("href", `mailto:${active.email}`);

  const detail = await apiJson<{ engagements: Record<string, number | null> }>(
    page,
    `/api/v0/learners/${active.username}/`,
    { course_id: cs101 },
  );
  const meta = await apiJson<{ engagement_ranges: EngagementRanges }>(
    page,
    `/api/v0/course_learner_metadata/${encodeURIComponent(cs101)}/`,
    {},
  );
  await expectFigures(page, detail.engagements, meta.engagement_ranges);
  await expect(page.getByText("Last 7 days", { exact: true }).first()).toBeVisible();

  // The chart: every series but attempts by default; a series toggles off and back on.
  await expect(page.locator(".timeline-chart svg.recharts-surface")).toBeVisible();
  await expect(curves(page)).toHaveCount(4);
  const videos = page.getByRole("checkbox", { name: "Videos" });
  await videos.uncheck();
  await expect(curves(page)).toHaveCount(3);
  expect(new URL(page.url()).searchParams.get("series")).toBe(
    "problems_attempted,problems_completed,discussion_contributions",
  );
  await videos.check();
  await expect(curves(page)).toHaveCount(4);
  expect(new URL(page.url()).searchParams.has("series")).toBe(false);
  // With the keyboard alone: Space on a checkbox, Enter on a preset.
  await page.getByRole("checkbox", { name: "Attempts" }).focus();
  await page.keyboard.press("Space");
  await expect(curves(page)).toHaveCount(5);

  // A preset, then a custom range: the table holds the API's days for each.
  const last30 = page.getByRole("button", { name: "Last 30 days" });
  await last30.focus();
  await page.keyboard.press("Enter");
  await expect(last30).toHaveAttribute("aria-pressed", "true");
  const d30 = await apiJson<{ days: DayValues[] }>(page, `/api/v0/engagement_timelines/${active.username}/`, {
    course_id: cs101,
    start_date: addDays(AS_OF, -30),
    end_date: AS_OF,
  });
  await expectTableDays(page, d30.days);

  const from = addDays(AS_OF, -20);
  const to = addDays(AS_OF, -6);
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("from") === from && url.searchParams.get("to") === to);
  const custom = await apiJson<{ days: DayValues[] }>(page, `/api/v0/engagement_timelines/${active.username}/`, {
    course_id: cs101,
    start_date: from,
    end_date: addDays(to, 1),
  });
  expect(custom.days).toHaveLength(15);
  await expectTableDays(page, custom.days);
  await expect(last30).toHaveAttribute("aria-pressed", "false");

  // A wrong range is explained, not applied.
  await page.getByLabel("From", { exact: true }).fill(to);
  await page.getByLabel("To", { exact: true }).fill(from);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator(".range-problem")).toHaveText("The start date must be on or before the end date.");
  expect(new URL(page.url()).searchParams.get("from")).toBe(from);

  // A reload (or the link pasted elsewhere) shows the same view.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);
  await expect(page.getByRole("checkbox", { name: "Attempts" })).toBeChecked();
  await expect(curves(page)).toHaveCount(5);
  await expectTableDays(page, custom.days);

  await expectAccessible(page);
  await last30.click();
  await expect(page.locator("details.timeline-table tbody tr")).toHaveCount(d30.days.length);
  await screenshotAll(page, "learner");
});

test("the learner URL carries the roster's view: the back link keeps it, and its window sets the figures'", async ({
  page,
}) => {
  const { cs101, active } = demo();
  await signIn(page, instructor.username, instructor.password);
  const roster = "segments=struggling&order_by=videos_viewed&start_date=2026-03-01&end_date=2026-03-15";
  await page.goto(
    learnerPath(cs101, active.username, `${roster}&from=2026-03-10&to=2026-03-12&series=problem_attempts`),
  );

  await expect(page.getByRole("link", { name: "Back to learners" })).toHaveAttribute("href", rosterPath(cs101, roster));
  await expect(
    page.getByText("the window chosen in the address, beside the course’s ranges for the same days"),
  ).toBeVisible();
  const detail = await apiJson<{ engagements: Record<string, number | null> }>(
    page,
    `/api/v0/learners/${active.username}/`,
    {
      course_id: cs101,
      start_date: "2026-03-01",
      end_date: "2026-03-15",
    },
  );
  // The figures are placed against the window's own ranges, not the last 7 days'.
  const ranges = windowRangesOf(cs101, "2026-03-01", "2026-03-15");
  const meta = await apiJson<{ engagement_ranges: EngagementRanges }>(
    page,
    `/api/v0/course_learner_metadata/${encodeURIComponent(cs101)}/`,
    {},
  );
  expect(ranges).not.toEqual(meta.engagement_ranges);
  await expectFigures(page, detail.engagements, ranges);
  await screenshotAll(page, "learner-window");

  // The timeline's first view comes with the page: its range and series, no loading.
  await expect(page.locator(".timeline-status")).not.toHaveText("Loading…");
  await expect(curves(page)).toHaveCount(1);
  const days = await apiJson<{ days: DayValues[] }>(page, `/api/v0/engagement_timelines/${active.username}/`, {
    course_id: cs101,
    start_date: "2026-03-10",
    end_date: "2026-03-13",
  });
  await expectTableDays(page, days.days);
});

test("an unenrolled learner is still shown, and said to have left", async ({ page }) => {
  const { cs101, unenrolled } = demo();
  await signIn(page, instructor.username, instructor.password);
  await page.goto(learnerPath(cs101, unenrolled.username));
  await expect(page.getByRole("heading", { level: 2, name: unenrolled.name })).toBeVisible();
  await expect(page.getByRole("note")).toContainText(/Unenrolled on|No longer enrolled/);
  await expect(page.locator(".learner-facts .badge-unenrolled")).toHaveText("Unenrolled");
});

test("a learner who is not in the course gets one message, and nothing of theirs", async ({ page, consoleErrors }) => {
  const { cs101, statOnly } = demo();
  await signIn(page, instructor.username, instructor.password);
  const usernames = [statOnly.username, "no-such-user"];
  for (const username of usernames) {
    const res = await page.goto(learnerPath(cs101, username));
    expect(res?.status()).toBe(404);
    await expect(
      page.getByRole("heading", { level: 2, name: `No learner “${username}” in this course` }),
    ).toBeVisible();
    await expect(page.getByText(statOnly.email)).toHaveCount(0);
    await expect(page.locator(".learner-profile, .figures-table, .timeline")).toHaveCount(0);
  }
  await expectAccessible(page);
  // Chromium logs each page's own 404 status as a console error: those are expected, nothing else.
  for (const username of usernames) expectFailedRequests(consoleErrors, new RegExp(`/learners/${username}$`));
});

test("another instructor's course is refused by the course layout, with nothing of the learner", async ({ page }) => {
  const { stat120, statOnly } = demo();
  await signIn(page, instructor.username, instructor.password);
  await page.goto(learnerPath(stat120, statOnly.username));
  await expect(page.getByRole("heading", { level: 1, name: "You can’t open this course" })).toBeVisible();
  await expect(page.getByText(statOnly.email)).toHaveCount(0);
  await expect(page.getByText(statOnly.name)).toHaveCount(0);
  await expect(page.locator(".learner-page")).toHaveCount(0);
});

test("the learner's goals: status, progress, work remaining, targets and topics as the registration endpoint gives them", async ({
  page,
}) => {
  const { cs101 } = demo();
  await signIn(page, instructor.username, instructor.password);
  const goals = await apiGoals(page.request, cs101);
  const objective = goals.findIndex((g) => g.target_type === "learning_objective");
  // A learner struggling on the objective goal and working on the other: every part of the section has something to show.
  const cells = await allStatuses(
    page.request,
    cs101,
    goals.map((g) => g.id),
  );
  const [reg] = [...cells].find(
    ([, c]) => c[objective]!.status === "struggling" && c[1 - objective]!.status !== "no_work",
  )!;
  const db = e2eDb();
  const { username, name } = db
    .prepare(`SELECT u.username, u.name FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = ?`)
    .get(reg) as Person;
  const names = new Map(
    db
      .prepare(`SELECT id, name FROM objectives UNION ALL SELECT id, title FROM items WHERE course_id = ?`)
      .raw()
      .all(cs101) as [string, string][],
  );
  db.close();

  const res = await page.request.post(`/api/v0/registrations/${reg}/metrics/status-and-progress`, {
    data: { goal_ids: goals.map((g) => g.id) },
  });
  expect(res.status()).toBe(200);
  const mine = ((await res.json()) as { data: { status_and_progress: ApiCell[] }[] }).data[0]!.status_and_progress;
  const attempts = (n: number) =>
    n < 0 ? "Not enough data" : n === 0 ? "None" : `${n >= 30 ? "30+" : n} ${n === 1 ? "attempt" : "attempts"}`;

  await page.goto(learnerPath(cs101, username));
  const section = page.getByRole("region", { name: "Goals" });
  for (const [j, goal] of goals.entries()) {
    const cell = mine[j]!;
    const card = section
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: goal.name }) });
    await expect(card.getByRole("link", { name: goal.name })).toHaveAttribute(
      "href",
      `/courses/${encodeURIComponent(cs101)}/goals/${goal.id}`,
    );
    await expect(card.locator(".learner-goal-head .status-badge")).toHaveText(STATUS_LABELS[cell.status]);
    const bar = card.getByRole("progressbar", { name: `${name}’s progress on ${goal.name}` });
    expect(percentsFor(cell.progress, cell.status)).toContain(await bar.getAttribute("aria-valuetext"));
    const n = cell.work_remaining;
    const { about, usually } = remainingWords(n, cell.work_remaining_range);
    const said =
      n <= 0 ? attempts(n) : `${about} more ${n === 1 ? "attempt" : "attempts"}${usually ? ` (${usually})` : ""}`;
    await expect(card.locator(".learner-goal-remaining")).toHaveText(`Work remaining: ${said}`);
    const targetRows = card.locator(".learner-target-table tbody tr");
    await expect(targetRows.locator("th")).toHaveText(goal.targets.map((t) => names.get(t)!));
    for (const [i, t] of cell.targets.entries()) {
      await expect(targetRows.nth(i).locator(".status-badge")).toHaveText(STATUS_LABELS[t.status as Status]);
      expect(percentsFor(t.progress, t.status)).toContain(
        await targetRows.nth(i).locator(".progress-text").textContent(),
      );
    }
    const topics = card.locator(".learner-topics li");
    await expect(topics).toHaveCount(cell.topic_work_remaining?.length ?? 0);
    for (const [i, t] of (cell.topic_work_remaining ?? []).entries()) {
      await expect(topics.nth(i)).toContainText(`Topic ${i + 1}`);
      await expect(topics.nth(i)).toContainText(`work remaining ${attempts(t.average_work_remaining)}`);
      if (t.min_work_remaining > 0)
        await expect(topics.nth(i)).toContainText(
          `at least ${attempts(t.min_work_remaining)} if every answer is right`,
        );
    }
  }
  expect(mine[objective]!.status).toBe("struggling");
  await expectAccessible(page);
  await screenshotAll(page, "learner-goals");
});
