import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { demoAccounts } from "../lib/demo/accounts";
import { e2eDb, expect, expectAccessible, expectFailedRequests, screenshotAll, signIn, test, ORIGIN } from "./fixtures";
import {
  allStatuses,
  apiGoals,
  GOAL_STATUSES,
  goalsUrl,
  goalUrl,
  percentsFor,
  STATUS_LABELS,
  tally,
  type ApiCell,
  type ApiGoal,
  type Status,
  remainingWords,
} from "./goal-helpers";
import { CS101, STAT120 } from "./roster-helpers";

const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;
const admin = demoAccounts.find((a) => a.role === "admin")!;
const fmt = new Intl.NumberFormat("en-US");

/** Registration id → the learner's username and name, from the e2e database. */
function people(courseId: string): Map<string, { username: string; name: string }> {
  const db = e2eDb();
  const rows = db
    .prepare(
      `SELECT e.id, u.username, u.name FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_id = ?`,
    )
    .all(courseId) as { id: string; username: string; name: string }[];
  db.close();
  return new Map(rows.map((r) => [r.id, r]));
}

/** What the pages call each target: objective names, item titles. */
function targetNames(courseId: string): Map<string, string> {
  const db = e2eDb();
  const rows = [
    ...(db.prepare(`SELECT id, name FROM objectives`).raw().all() as [string, string][]),
    ...(db.prepare(`SELECT id, title FROM items WHERE course_id = ?`).raw().all(courseId) as [string, string][]),
  ];
  db.close();
  return new Map(rows);
}

/** A goal of STAT120, which m.okafor does not teach. */
function otherCourseGoal(): { id: string; name: string } {
  const db = e2eDb();
  const goal = db.prepare(`SELECT id, name FROM goals WHERE course_id = ? ORDER BY name LIMIT 1`).get(STAT120) as {
    id: string;
    name: string;
  };
  db.close();
  return goal;
}

/** The counts a distribution legend shows, by status. */
async function legendCounts(page: Page, goalName: string): Promise<Record<Status, number>> {
  const list = page.getByRole("list", { name: `Learners of ${goalName} by status` });
  await expect(list.getByRole("listitem")).toHaveCount(5);
  const out = {} as Record<Status, number>;
  for (const [i, s] of GOAL_STATUSES.entries()) {
    const item = list.getByRole("listitem").nth(i);
    await expect(item.locator(".distribution-label")).toHaveText(STATUS_LABELS[s]);
    out[s] = Number((await item.locator(".distribution-count").textContent())!.replace(/\D/g, ""));
  }
  return out;
}

const rows = (page: Page) => page.locator(".goal-table tbody tr");
const settled = (page: Page) =>
  expect(page.locator(".goal-table[aria-busy='true'], .goal-learners .loading-note")).toHaveCount(0);

let goals: ApiGoal[];
let cells: Map<string, ApiCell[]>;

test.beforeEach(async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
  goals ??= await apiGoals(page.request, CS101);
  cells ??= await allStatuses(
    page.request,
    CS101,
    goals.map((g) => g.id),
  );
});

test("the goals list: each goal's targets, criteria and status counts equal the API's over every registration", async ({
  page,
}) => {
  await page.goto("/courses/" + encodeURIComponent(CS101));
  await page.getByRole("navigation", { name: "Course sections" }).getByRole("link", { name: "Goals" }).click();
  await expect(page).toHaveURL(goalsUrl(CS101));
  await expect(page.getByRole("link", { name: "Goals", exact: true })).toHaveAttribute("aria-current", "page");
  expect(goals).toHaveLength(2);
  expect(cells.size).toBe(300);
  await expect(page.getByText("(300 learners, everyone who ever enrolled)")).toBeVisible();

  const names = targetNames(CS101);
  const seen = new Set<Status>();
  for (const [j, goal] of goals.entries()) {
    const card = page.locator("article.goal-card", { has: page.getByRole("heading", { level: 3, name: goal.name }) });
    await expect(card.locator(".goal-targets li")).toHaveText(goal.targets.map((t) => names.get(t)!));
    await expect(card.locator(".goal-criteria").last()).toContainText("The goal is complete when every target is.");
    const counts = tally(cells, j);
    expect(await legendCounts(page, goal.name), goal.name).toEqual(counts);
    for (const s of GOAL_STATUSES) if (counts[s] > 0) seen.add(s);
  }
  // The demo steers learners to every status: each shows up on CS101's goals.
  expect([...seen].sort()).toEqual([...GOAL_STATUSES].sort());

  const objective = goals.find((g) => g.target_type === "learning_objective")!;
  await expect(page.locator("article.goal-card").first().locator(".goal-topics li")).toHaveCount(
    objective.topics!.length,
  );
  await expect(page.getByText(/predicted mastery reaches 90% and it has at least 2 attempts/)).toBeVisible();
  await expect(page.getByText("An item is complete once it is answered correctly in work on this goal.")).toBeVisible();

  await expectAccessible(page);
  await screenshotAll(page, "goals");
  await page.getByRole("link", { name: `Learners on this goal: ${goals[0]!.name}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: goals[0]!.name })).toBeVisible();
});

test("the goal page: counts, a table sorted and filtered through the URL, reload and back, a learner link", async ({
  page,
}) => {
  const j = goals.findIndex((g) => g.target_type === "learning_objective");
  const goal = goals[j]!;
  const who = people(CS101);
  await page.goto(goalUrl(CS101, goal.id));
  expect(await legendCounts(page, goal.name)).toEqual(tally(cells, j));
  await expect(page.locator("#goal-learners-count")).toHaveText("300 learners");
  await expect(rows(page)).toHaveCount(25);

  // The first page by name matches the API's cells for those learners.
  const byUsername = new Map([...who].map(([reg, p]) => [p.username, cells.get(reg)![j]!]));
  for (const row of (await rows(page).all()).slice(0, 5)) {
    const cell = byUsername.get((await row.locator(".roster-username").textContent())!)!;
    await expect(row.locator(".status-badge")).toHaveText(STATUS_LABELS[cell.status]);
    expect(percentsFor(cell.progress, cell.status)).toContain(await row.locator(".progress-text").textContent());
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuetext", /%$/);
    const { about, usually } = remainingWords(cell.work_remaining, cell.work_remaining_range);
    await expect(row.locator("td").nth(3)).toHaveText(`${about}${usually ?? ""}`);
    await expect(row.locator(".target-mark")).toHaveCount(goal.targets.length);
  }

  // Sort by progress (highest first), with the keyboard.
  await page.getByRole("button", { name: "Progress" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?order_by=progress&sort_order=desc$/);
  await settled(page);
  const pct = async () =>
    (await rows(page).locator(".progress-text").allTextContents()).map((t) => Number(t.replace("%", "")));
  const top = await pct();
  expect(top).toEqual([...top].sort((a, b) => b - a));
  const best = Math.max(...[...cells.values()].map((c) => c[j]!.progress));
  expect(top[0]).toBe(best >= 1 ? 100 : Math.floor(best * 100));

  // Only the struggling, fewest attempts remaining first; exactly the API's struggling learners.
  await page.getByLabel("Status", { exact: true }).selectOption("struggling");
  await expect(page).toHaveURL(/\?status=struggling&order_by=progress&sort_order=desc$/);
  await page.getByRole("button", { name: "Work remaining" }).click();
  await page.getByRole("button", { name: "Work remaining" }).click();
  await expect(page).toHaveURL(/\?status=struggling&order_by=work_remaining$/);
  await settled(page);
  const struggling = [...cells].filter(([, c]) => c[j]!.status === "struggling").map(([reg]) => who.get(reg)!.username);
  await expect(page.locator("#goal-learners-count")).toHaveText(
    `${fmt.format(struggling.length)} of 300 learners needing help`,
  );
  const shown = async () => rows(page).locator(".roster-username").allTextContents();
  const firstPage = await shown();
  expect(firstPage.length).toBe(Math.min(25, struggling.length));
  for (const u of firstPage) expect(struggling).toContain(u);
  await expect(rows(page).locator(".status-badge")).toHaveText(firstPage.map(() => "Needs help"));
  const work = (await rows(page).locator("td:nth-child(4)").allTextContents()).map((t) => Number(t.replace("+", "")));
  expect(work).toEqual([...work].sort((a, b) => a - b));

  // Reload keeps the view; Back returns to the previous one.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("struggling");
  await expect(page.getByRole("columnheader", { name: /Work remaining/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await shown()).toEqual(firstPage);
  await page.goBack();
  await expect(page).toHaveURL(/\?status=struggling&order_by=work_remaining&sort_order=desc$/);
  await page.goForward();
  await expect(page).toHaveURL(url);
  await settled(page);

  await expectAccessible(page);
  await screenshotAll(page, "goal");

  // A learner's name opens their page.
  const first = firstPage[0]!;
  await page.getByRole("link", { name: new RegExp(first.replace(".", "\\.")) }).click();
  await expect(page).toHaveURL(new RegExp(`/learners/${first.replace(".", "\\.")}$`));
  await expect(
    page.getByRole("heading", { level: 2, name: [...who.values()].find((p) => p.username === first)!.name }),
  ).toBeVisible();
});

test("while the next view loads, the previous rows stay on screen, dimmed, and the controls already show the choice", async ({
  page,
}) => {
  await page.goto(goalUrl(CS101, goals[0]!.id));
  const names = () => rows(page).locator(".roster-username").allTextContents();
  const before = await names();
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  // The server render of the next view (Next's RSC request for the new URL).
  const next = (url: URL) => url.pathname.includes("/goals/") && url.searchParams.has("_rsc");
  await page.route(next, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator(".goal-learners .loading-note")).toBeVisible();
  await expect(page.locator(".table-scroll.stale")).toBeVisible();
  await expect(page.getByText("Page 2 of 12")).toBeVisible();
  expect(await names()).toEqual(before);
  release();
  await settled(page);
  await expect(page).toHaveURL(/\?page=2$/);
  expect(await names()).not.toEqual(before);
  await page.unroute(next);
});

test("every status appears in the goal page's table, paged with the pager", async ({ page }) => {
  const j = goals.findIndex((g) => g.target_type === "module");
  const goal = goals[j]!;
  const counts = tally(cells, j);
  for (const s of GOAL_STATUSES) {
    await page.goto(goalUrl(CS101, goal.id, `status=${s}`));
    await expect(rows(page).first().locator(".status-badge")).toHaveText(STATUS_LABELS[s]);
    await expect(rows(page)).toHaveCount(Math.min(25, counts[s]));
  }
  await page.goto(goalUrl(CS101, goal.id, "page_size=10"));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\?page=2&page_size=10$/);
  await expect(page.getByText("Page 2 of 30")).toBeVisible();
  await expect(rows(page)).toHaveCount(10);
});

test("the overview's goals: the API's counts per goal, each goal opening its page, whose counts open its learners by status", async ({
  page,
}) => {
  await page.goto("/courses/" + encodeURIComponent(CS101));
  for (const [j, goal] of goals.entries()) {
    await expect(page.getByRole("link", { name: goal.name, exact: true })).toHaveAttribute(
      "href",
      goalUrl(CS101, goal.id),
    );
    expect(await legendCounts(page, goal.name)).toEqual(tally(cells, j));
  }
  await expect(page.getByText(/“Complete \(work limit\)” counts learners who reached a goal’s limit/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: goals[0]!.name, exact: true }).click();
  await expect(page).toHaveURL(goalUrl(CS101, goals[0]!.id));
  await expect(page.getByRole("heading", { level: 2, name: goals[0]!.name })).toBeVisible();

  // On the goal's own page each count opens its learners with that status.
  await page
    .getByRole("list", { name: `Learners of ${goals[0]!.name} by status` })
    .getByRole("link", { name: /Needs help/ })
    .click();
  await expect(page).toHaveURL(goalUrl(CS101, goals[0]!.id, "status=struggling#learners"));
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("struggling");
  await expect(page.locator("#goal-learners-count")).toHaveText(
    `${fmt.format(tally(cells, 0).struggling)} of 300 learners needing help`,
  );
});

test("an unknown goal or another course's goal gets one message; another instructor's course is refused", async ({
  page,
  consoleErrors,
}) => {
  const elsewhere = otherCourseGoal();
  for (const id of [randomUUID(), elsewhere.id, "not-a-goal"]) {
    const res = await page.goto(goalUrl(CS101, id));
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 2, name: `No goal “${id}” in this course` })).toBeVisible();
    await expect(page.locator(".goal-table, .distribution")).toHaveCount(0);
    expectFailedRequests(consoleErrors, new RegExp(`/goals/${id}$`));
  }
  await expectAccessible(page);
  await page.getByRole("link", { name: "All goals" }).click();
  await expect(page).toHaveURL(goalsUrl(CS101));

  await page.goto(goalUrl(STAT120, elsewhere.id));
  await expect(page.getByRole("heading", { level: 1, name: "You can’t open this course" })).toBeVisible();
  await expect(page.getByText(elsewhere.name)).toHaveCount(0);
});

test("a goal whose objective has no fitted model yet says there is not enough data to estimate the work remaining", async ({
  page,
}) => {
  await page.context().clearCookies();
  await signIn(page, admin.username, admin.password);
  const course = "course-v1:E2E+GOALS+2026";
  const goalId = "5b0c6d1e-3f7a-4c55-9a0e-2d4f6b8a1c3e";
  const reg = "7e1d2c3b-4a59-4f68-8e7d-6c5b4a392817";
  const item = `block-v1:E2E+GOALS+2026+type@problem+block@g1`;
  const load = async (records: object[]) => {
    const res = await page.request.post("/api/v0/import", {
      headers: { "content-type": "application/x-ndjson", origin: ORIGIN },
      data: records.map((r) => JSON.stringify(r)).join("\n"),
    });
    expect(res.status(), await res.text()).toBe(200);
  };
  await load([
    { type: "course", id: course, title: "A course with a goal nobody can be estimated on yet" },
    { type: "user", username: "goal.e2e.ana", name: "Ana Goalsworth", email: "ana.goalsworth@example.com" },
    { type: "user", username: "goal.e2e.bo", name: "Bo Goalsworth", email: "bo.goalsworth@example.com" },
    { type: "enrollment", course_id: course, user: "goal.e2e.ana", id: reg, enrolled_at: "2026-03-01T09:00:00Z" },
    { type: "enrollment", course_id: course, user: "goal.e2e.bo", enrolled_at: "2026-03-02T09:00:00Z" },
  ]);
  await page.goto(goalsUrl(course));
  await expect(page.getByText("This course has no goals yet.")).toBeVisible();

  await load([
    { type: "objective", id: "lref-e2e-unfitted", name: "Estimate with too little data" },
    {
      type: "item",
      course_id: course,
      id: item,
      kind: "problem",
      title: "Only problem",
      objectives: ["lref-e2e-unfitted"],
    },
    { type: "goal", id: goalId, course_id: course, name: "Unfitted goal", targets: ["lref-e2e-unfitted"] },
    {
      type: "graded_event",
      registration_id: reg,
      module_id: item,
      interaction_end_time: "2026-03-10T10:00:00Z",
      is_correct: false,
      goal_id: goalId,
    },
  ]);
  const api = await page.request.post(`/api/v0/registrations/${reg}/metrics/status-and-progress`, {
    data: { goal_ids: [goalId] },
  });
  expect(
    ((await api.json()) as { data: { status_and_progress: ApiCell[] }[] }).data[0]!.status_and_progress[0],
  ).toMatchObject({ status: "in_progress", work_remaining: -1 });

  await page.goto(goalUrl(course, goalId));
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first().locator(".roster-name")).toHaveText("Ana Goalsworth");
  await expect(rows(page).first().locator(".status-badge")).toHaveText("In progress");
  await expect(rows(page).locator("td:nth-child(4)")).toHaveText(["Not enough data*", "Not enough data*"]);
  await expect(page.locator(".goal-footnote")).toContainText(
    "the model of one of the open objectives is not fitted yet",
  );
  await expectAccessible(page);

  await page.getByRole("link", { name: /Ana Goalsworth/ }).click();
  await expect(page.locator(".learner-goal-remaining")).toHaveText("Work remaining: Not enough data");
});
