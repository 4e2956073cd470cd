import type { Page } from "@playwright/test";
import { demoAccounts } from "../lib/demo/accounts";
import { expect, expectAccessible, expectFailedRequests, screenshotAll, signIn, test, ORIGIN } from "./fixtures";
import { goalsUrl } from "./goal-helpers";
import { CS101 } from "./roster-helpers";

const admin = demoAccounts.find((a) => a.role === "admin")!;
const instructor = demoAccounts.find((a) => a.username === "m.okafor")!;
const otherInstructor = demoAccounts.find((a) => a.username === "r.castellanos")!;
const learner = demoAccounts.find((a) => a.role === "learner")!;

/** A course of its own, so the goals written here change no other test's figures. */
const COURSE = "course-v1:E2E+EDITOR+2026";
const OBJECTIVES = [
  { id: "lref-e2e-editor-loops", name: "Write a for loop" },
  { id: "lref-e2e-editor-lists", name: "Index into a list" },
  { id: "lref-e2e-editor-dicts", name: "Look up a dictionary key" },
];
const problem = (n: number) => `block-v1:E2E+EDITOR+2026+type@problem+block@p${n}`;

interface StoredGoal {
  id: string;
  name: string;
  targets: string[];
  target_type: string;
  completion_criteria: {
    min_predicted_mastery: number;
    min_consecutive_correct: number | null;
    min_work_per_target: number;
    max_work_on_goal: number | null;
  };
}

async function storedGoals(page: Page): Promise<StoredGoal[]> {
  const res = await page.request.get(`/api/v0/learning-instances/${encodeURIComponent(COURSE)}/scoped-goals`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { results: StoredGoal[] }).results;
}

async function importCourse(page: Page): Promise<void> {
  const records = [
    { type: "course", id: COURSE, title: "Goal editor course" },
    ...OBJECTIVES.map((o) => ({ type: "objective", ...o })),
    ...OBJECTIVES.map((o, i) => ({
      type: "item",
      course_id: COURSE,
      id: problem(i + 1),
      kind: "problem",
      title: `Problem ${i + 1}`,
      position: i + 1,
      objectives: [o.id],
    })),
  ];
  const res = await page.request.post("/api/v0/import", {
    headers: { "content-type": "application/x-ndjson", origin: ORIGIN },
    data: records.map((r) => JSON.stringify(r)).join("\n"),
  });
  expect(res.status(), await res.text()).toBe(200);
}

const alert = (page: Page) => page.getByRole("alert").filter({ hasText: "The goal was not saved" });

test("a streak goal made, changed and deleted through the editor, as the API stores it; bad values write nothing", async ({
  page,
  consoleErrors,
}) => {
  await signIn(page, admin.username, admin.password);
  await importCourse(page);
  for (const goal of await storedGoals(page)) {
    // A goal left by an earlier, interrupted run of this test.
    await page.request.delete(`/api/v0/learning-instances/${encodeURIComponent(COURSE)}/scoped-goals/${goal.id}`, {
      headers: { origin: ORIGIN },
    });
  }

  await page.goto(goalsUrl(COURSE));
  await expect(page.getByText("This course has no goals yet.")).toBeVisible();
  await page.getByRole("link", { name: "New goal" }).click();
  await expect(page).toHaveURL(`${goalsUrl(COURSE)}/new`);
  await expect(page.getByRole("heading", { name: "New goal" })).toBeVisible();
  // The course's objectives, by name, in the checklist.
  const targets = page.getByRole("group", { name: /^Learning objectives/ });
  await expect(targets.getByRole("checkbox")).toHaveCount(3);
  await expect(targets.getByText("(0 of 3 chosen)")).toBeVisible();

  // Items: the fixed item rule, no mastery or streak fields.
  await page.getByRole("radio", { name: /^Items/ }).check();
  await expect(page.getByText("That rule is fixed for items")).toBeVisible();
  await expect(page.getByLabel("Correct answers in a row needed")).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Items/ }).getByRole("checkbox")).toHaveCount(3);
  await page.getByRole("radio", { name: /^Learning objectives/ }).check();
  await screenshotAll(page, "goal-editor-new");
  await expectAccessible(page);

  // No target chosen: the API's refusal, in words, and nothing stored.
  await page.getByLabel("Name", { exact: true }).fill("Loops streak");
  await page.getByLabel("Predicted mastery", { exact: true }).uncheck();
  await page.getByLabel("Correct answers in a row", { exact: true }).check();
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(alert(page)).toContainText("Choose at least one target.");
  expectFailedRequests(consoleErrors, /scoped-goals$/);
  expect(await storedGoals(page)).toEqual([]);

  // 0 in a row: refused the same way.
  await targets.getByLabel("Write a for loop").check();
  await targets.getByLabel("Index into a list").check();
  await expect(targets.getByText("(2 of 3 chosen)")).toBeVisible();
  await page.getByLabel("Correct answers in a row needed").fill("0");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(alert(page)).toContainText("Correct answers in a row must be at least 1.");
  await expect(alert(page)).not.toContainText("Choose at least one target");
  expectFailedRequests(consoleErrors, /scoped-goals$/);
  expect(await storedGoals(page)).toEqual([]);
  await screenshotAll(page, "goal-editor-refused");

  // 3 in a row: saved, and the goal's page says so.
  await page.getByLabel("Correct answers in a row needed").fill("3");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page).toHaveURL(new RegExp(`${goalsUrl(COURSE).replace(/[+]/g, "\\+")}/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 2, name: "Loops streak" })).toBeVisible();
  await expect(page.locator(".goal-criteria").first()).toHaveText(
    "A target is complete when the learner's last 3 answers on it are correct.",
  );
  const [stored] = await storedGoals(page);
  expect(stored).toMatchObject({
    name: "Loops streak",
    target_type: "learning_objective",
    completion_criteria: {
      min_predicted_mastery: 0,
      min_consecutive_correct: 3,
      min_work_per_target: 0,
      max_work_on_goal: null,
    },
  });
  expect([...stored!.targets].sort()).toEqual([OBJECTIVES[1]!.id, OBJECTIVES[0]!.id].sort());
  expect(page.url()).toMatch(new RegExp(`/${stored!.id}$`));

  await page.getByRole("link", { name: "All goals" }).click();
  await screenshotAll(page, "goal-editor-goals-list");
  const card = page.locator(".goal-card").filter({ hasText: "Loops streak" });
  await expect(card.locator(".goal-criteria").first()).toHaveText(
    "A target is complete when the learner's last 3 answers on it are correct.",
  );
  await card.getByRole("link", { name: "Learners on this goal: Loops streak" }).click();

  // Edit: the form holds the goal; 5 in a row and 80% mastery, with a work limit.
  await page.getByRole("link", { name: "Edit goal" }).click();
  await expect(page).toHaveURL(new RegExp(`/${stored!.id}/edit$`));
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Loops streak");
  await expect(page.getByLabel("Predicted mastery", { exact: true })).not.toBeChecked();
  await expect(page.getByLabel("Correct answers in a row", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Correct answers in a row needed")).toHaveValue("3");
  await expect(page.getByLabel("Write a for loop")).toBeChecked();
  await expect(page.getByLabel("Look up a dictionary key")).not.toBeChecked();
  await screenshotAll(page, "goal-editor-edit");
  await expectAccessible(page);
  await page.getByLabel("Correct answers in a row needed").fill("5");
  await page.getByLabel("Predicted mastery", { exact: true }).check();
  await page.getByLabel("Mastery threshold in percent").fill("80");
  await page.getByLabel("Counts as done after").fill("40");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/${stored!.id}$`));
  await expect(page.locator(".goal-criteria").first()).toHaveText(
    "A target is complete when the learner's last 5 answers on it are correct and its predicted mastery reaches 80%.",
  );
  expect((await storedGoals(page))[0]).toMatchObject({
    id: stored!.id,
    completion_criteria: {
      min_predicted_mastery: 0.8,
      min_consecutive_correct: 5,
      min_work_per_target: 0,
      max_work_on_goal: 40,
    },
  });
  // The status counts, not their "Working out…" note, in the screenshot.
  await expect(page.getByText("Working out every learner’s status…")).toHaveCount(0);
  await screenshotAll(page, "goal-editor-goal-page");

  // Delete: keeping it on "Cancel", gone on "OK".
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("button", { name: "Delete goal" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Loops streak" })).toBeVisible();
  expect(await storedGoals(page)).toHaveLength(1);
  page.once("dialog", (d) => {
    expect(d.message()).toContain("Delete the goal “Loops streak”?");
    void d.accept();
  });
  await page.getByRole("button", { name: "Delete goal" }).click();
  await expect(page).toHaveURL(goalsUrl(COURSE));
  await expect(page.getByText("This course has no goals yet.")).toBeVisible();
  expect(await storedGoals(page)).toEqual([]);
});

test("an item goal sends only its work limit; an edited goal keeps its topics, less the targets taken out", async ({
  page,
}) => {
  await signIn(page, admin.username, admin.password);
  await importCourse(page);
  await page.goto(`${goalsUrl(COURSE)}/new`);
  await page.getByLabel("Name", { exact: true }).fill("First two problems");
  await page.getByRole("radio", { name: /^Items/ }).check();
  await page.getByLabel("Problem 1").check();
  await page.getByLabel("Problem 2").check();
  await page.getByLabel("Counts as done after").fill("10");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.locator(".goal-criteria").first()).toHaveText(
    "An item is complete once it is answered correctly in work on this goal.",
  );
  const item = (await storedGoals(page)).find((g) => g.name === "First two problems")!;
  expect(item).toMatchObject({
    target_type: "module",
    targets: [problem(1), problem(2)],
    completion_criteria: { min_consecutive_correct: null, max_work_on_goal: 10 },
  });

  // A goal with topics, from the import: the form leaves them alone.
  const goalId = "0f3c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a091";
  const topics = [
    { topic_id: "topic-loops", targets: [OBJECTIVES[0]!.id] },
    { topic_id: "topic-data", targets: [OBJECTIVES[1]!.id, OBJECTIVES[2]!.id] },
  ];
  const res = await page.request.post("/api/v0/import", {
    headers: { "content-type": "application/x-ndjson", origin: ORIGIN },
    data: JSON.stringify({
      type: "goal",
      id: goalId,
      course_id: COURSE,
      name: "With topics",
      targets: OBJECTIVES.map((o) => o.id),
      topics,
    }),
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(`${goalsUrl(COURSE)}/${goalId}/edit`);
  await expect(page.getByText("This goal’s 2 topics are kept")).toBeVisible();
  await page.getByLabel("Look up a dictionary key").uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/${goalId}$`));
  const kept = (await storedGoals(page)).find((g) => g.id === goalId) as StoredGoal & { topics: unknown };
  expect(kept.topics).toEqual([topics[0], { topic_id: "topic-data", targets: [OBJECTIVES[1]!.id] }]);

  for (const id of [item.id, goalId]) {
    const del = await page.request.delete(
      `/api/v0/learning-instances/${encodeURIComponent(COURSE)}/scoped-goals/${id}`,
      { headers: { origin: ORIGIN } },
    );
    expect(del.status()).toBe(204);
  }
});

test("the course's instructor gets the editor; another course's instructor and a learner do not", async ({ page }) => {
  await signIn(page, instructor.username, instructor.password);
  await page.goto(goalsUrl(CS101));
  await page.getByRole("link", { name: "New goal" }).click();
  await expect(
    page
      .getByRole("group", { name: /^Learning objectives/ })
      .getByRole("checkbox")
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Create goal" })).toBeVisible();

  for (const who of [otherInstructor, learner]) {
    await page.context().clearCookies();
    await signIn(page, who.username, who.password);
    for (const url of [goalsUrl(CS101), `${goalsUrl(CS101)}/new`]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1, name: "You can’t open this course" })).toBeVisible();
      await expect(page.getByRole("link", { name: "New goal" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Create goal" })).toHaveCount(0);
    }
  }
});
