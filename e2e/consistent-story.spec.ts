import { demoAccounts } from "../lib/demo/accounts";
import { e2eDb, expect, expectAccessible, screenshotAll, signIn, test } from "./fixtures";
import { allStatuses, apiGoals, type ApiGoal } from "./goal-helpers";
import { allLearners, CS101, parseCsv, rosterUrl } from "./roster-helpers";

/** The dashboard tells one story: labels that do not collide, every role at home, counts that say what they count. */

const account = (username: string) => demoAccounts.find((a) => a.username === username)!;
const instructor = account("m.okafor");
const fmt = new Intl.NumberFormat("en-US");

test("a goal's status has its own name beside the Struggling segment, and each segment badge says on focus which rule put the learner there", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  await page.goto(`/courses/${encodeURIComponent(CS101)}`);
  const byStatus = page.getByRole("list", { name: /by status$/ });
  await expect(byStatus.first()).toBeVisible();
  for (const list of await byStatus.all()) {
    await expect(list).toContainText("Needs help");
    await expect(list).not.toContainText("Struggling");
  }

  // A learner both highly engaged and struggling this week.
  const both = (await allLearners(page.request, CS101, "segments=struggling")).find((l) =>
    l.segments.includes("highly_engaged"),
  )!;
  expect(both, "the demo has a learner both highly engaged and struggling").toBeTruthy();
  await page.goto(rosterUrl(CS101, `text_search=${encodeURIComponent(both.username)}`));
  const row = page.locator(".roster-table tbody tr").filter({ hasText: both.username }).first();
  // From the learner's name, the keyboard's next stop is their first badge, whose reason shows.
  await row.getByRole("link").first().focus();
  await page.keyboard.press("Tab");
  const engaged = row.getByRole("button", { name: "Highly engaged" });
  await expect(engaged).toBeFocused();
  await expect(engaged).toHaveAccessibleDescription(/In the last 7 days: .*above-average range from/);
  await expect(row.getByRole("tooltip").first()).toBeVisible();
  await page.keyboard.press("Tab");
  const struggling = row.getByRole("button", { name: "Struggling" });
  await expect(struggling).toBeFocused();
  await expect(struggling).toHaveAccessibleDescription(
    /answered none correctly|attempts per problem correct, at or above/,
  );
  await expect(struggling).toHaveAccessibleDescription(
    /a goal’s status \(such as “Needs help”\) describes work on that goal/,
  );
  await expectAccessible(page);
  await screenshotAll(page, "story-roster-badge-reason");

  // The same reason on the learner's page.
  await page.goto(`/courses/${encodeURIComponent(CS101)}/learners/${encodeURIComponent(both.username)}`);
  await page.getByRole("button", { name: "Struggling" }).hover();
  await expect(page.getByRole("tooltip", { name: /Struggling/ })).toBeVisible();
  await screenshotAll(page, "story-learner-badge-reason");
});

test("a department admin's home says what they can do and where their departments' results are", async ({ page }) => {
  const admin = account("h.nakamura");
  await signIn(page, admin.username, admin.password);
  await expect(page.getByRole("heading", { level: 1, name: "Your departments" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Faculty of Science");
  await expect(page.locator("main")).toContainText("GET /api/ispring/learners/results");
  await expect(page.getByRole("link", { name: "Settings → API keys" })).toHaveAttribute("href", "/settings/api-keys");
  await expect(page.getByText(/No courses yet|The courses you teach/)).toHaveCount(0);
  await expectAccessible(page);
  await screenshotAll(page, "story-home-department-admin");
});

test("a learner's home lists their registrations and the goals to ask the registration endpoint about", async ({
  page,
}) => {
  const learner = account("sam.rivera");
  const db = e2eDb();
  const regs = db
    .prepare(
      `SELECT e.id, c.title FROM enrollments e JOIN courses c ON c.id = e.course_id JOIN users u ON u.id = e.user_id WHERE u.username = ?`,
    )
    .all(learner.username) as { id: string; title: string }[];
  const goal = db
    .prepare(
      `SELECT g.id FROM goals g JOIN enrollments e ON e.course_id = g.course_id JOIN users u ON u.id = e.user_id WHERE u.username = ? LIMIT 1`,
    )
    .pluck()
    .get(learner.username) as string;
  db.close();
  expect(regs.length).toBeGreaterThan(0);
  await signIn(page, learner.username, learner.password);
  await expect(page.getByRole("heading", { level: 1, name: "Your learning" })).toBeVisible();
  await expect(page.getByText(/No courses yet|The courses you teach/)).toHaveCount(0);
  for (const r of regs) {
    await expect(page.getByRole("heading", { level: 3, name: new RegExp(r.title) })).toBeVisible();
    await expect(page.locator("main")).toContainText(r.id);
  }
  await expect(page.locator("main")).toContainText(goal);
  await expect(page.locator("main")).toContainText("/metrics/status-and-progress");
  await expectAccessible(page);
  await screenshotAll(page, "story-home-learner");
});

test("course staff land on the courses they assist in", async ({ page }) => {
  const ta = account("j.lindqvist");
  await signIn(page, ta.username, ta.password);
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await expect(page.locator(".course-id")).toContainText([CS101]);
});

test("a revoked key's secret leaves the screen at once", async ({ page }) => {
  const admin = account("admin");
  await signIn(page, admin.username, admin.password);
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("Revoked at once");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-key")).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page
    .getByRole("row", { name: /Revoked at once/ })
    .getByRole("button", { name: /Revoke/ })
    .click();
  await expect(page.getByRole("row", { name: /Revoked at once/ })).toHaveCount(0);
  await expect(page.getByTestId("new-key")).toHaveCount(0);
  await expect(page.getByText("copy this key now")).toHaveCount(0);
});

test("the dashboard's CSV is for people: named columns, segment names, the ratio as the roster rounds it", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  await page.goto(rosterUrl(CS101, "order_by=problem_attempts_per_completed&sort_order=desc"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const rows = parseCsv(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")).filter(
    (r) => r.some(Boolean),
  );
  const header = rows[0]!;
  expect(header).toEqual([
    "Username",
    "Name",
    "Email",
    "Track",
    "Enrolled on",
    "Cohort",
    "Segments",
    "Window start",
    "Window end (not included)",
    "Problems tried",
    "Problems correct",
    "Attempts per problem correct",
    "Videos",
    "Discussions",
    "Last updated",
    "Account page",
  ]);
  const ratio = header.indexOf("Attempts per problem correct");
  const ratios = rows.slice(1).map((r) => r[ratio]!);
  expect(ratios.length).toBe(300);
  for (const r of ratios) expect(r).toMatch(/^(\d+\.\d|N\/A)$/);
  // The same learners in the same order as the roster, their ratios as the roster writes them.
  const api = await allLearners(page.request, CS101, "order_by=problem_attempts_per_completed&sort_order=desc");
  expect(rows.slice(1).map((r) => r[0])).toEqual(api.map((l) => l.username));
  const shown = (await page.locator(".roster-table tbody tr").first().locator("td").nth(3).innerText()).replace(
    /[▼▲\s]|low|high/g,
    "",
  );
  expect(ratios[0]).toBe(shown);
  const segments = new Set(rows.slice(1).flatMap((r) => r[header.indexOf("Segments")]!.split(", ").filter(Boolean)));
  expect(
    [...segments].every((s) => ["Highly engaged", "Struggling", "Disengaging", "Inactive", "Unenrolled"].includes(s)),
  ).toBe(true);
});

test("the course switcher keeps the tab: Learners to Learners, Goals to Goals, a learner's page to the other course's roster", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  const switchTo = async (title: RegExp) => {
    await page.locator(".course-switcher summary").click();
    await page.locator(".course-switcher").getByRole("link", { name: title }).click();
  };
  await page.goto(rosterUrl(CS101));
  await switchTo(/Research Methods Seminar/);
  await expect(page).toHaveURL(/\/courses\/[^/]*RES300[^/]*\/learners$/);
  await switchTo(/Introduction to Programming/);
  await expect(page).toHaveURL(new RegExp(`${encodeURIComponent(CS101).replace(/[+]/g, "\\+")}/learners$`));
  await page.goto(`/courses/${encodeURIComponent(CS101)}/goals`);
  await switchTo(/Research Methods Seminar/);
  await expect(page).toHaveURL(/\/courses\/[^/]*RES300[^/]*\/goals$/);
  const someone = (await allLearners(page.request, CS101))[0]!;
  await page.goto(`/courses/${encodeURIComponent(CS101)}/learners/${encodeURIComponent(someone.username)}`);
  await switchTo(/Research Methods Seminar/);
  await expect(page).toHaveURL(/\/courses\/[^/]*RES300[^/]*\/learners$/);
});

test("the roster's count says whom it counts, matching the course list's enrolled", async ({ page }) => {
  const db = e2eDb();
  const { enrolled, left } = db
    .prepare(
      `SELECT COUNT(CASE WHEN is_active THEN 1 END) AS enrolled, COUNT(CASE WHEN NOT is_active THEN 1 END) AS left FROM enrollments WHERE course_id = ?`,
    )
    .get(CS101) as { enrolled: number; left: number };
  db.close();
  expect(left).toBeGreaterThan(0);
  await signIn(page, instructor.username, instructor.password);
  const row = page.locator("tbody tr", { hasText: CS101 });
  await expect(row.locator("td").nth(1)).toHaveText(fmt.format(enrolled));
  await page.goto(rosterUrl(CS101));
  await expect(page.locator("#roster-count")).toHaveText(
    `${fmt.format(enrolled + left)} learners (${fmt.format(enrolled)} enrolled, ${fmt.format(left)} left)`,
  );
});

test("the roster and a learner's page print without the controls, the table and charts within the page", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.goto(rosterUrl(CS101));
  await expect(page.locator(".roster-table")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".top-bar", ".roster-toolbar", ".pager", ".course-tabs"])
    await expect(page.locator(hidden).first()).toBeHidden();
  await expect(page.locator(".roster-table")).toBeVisible();
  await expect(page.locator(".roster-table .badge").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  await page.screenshot({ path: "test-results/screenshots/story-roster-print.png", fullPage: true });
  await page.pdf({ path: "test-results/screenshots/story-roster-print.pdf", format: "A4" });

  const someone = (await allLearners(page.request, CS101, "order_by=problems_attempted&sort_order=desc"))[0]!;
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/courses/${encodeURIComponent(CS101)}/learners/${encodeURIComponent(someone.username)}`);
  await expect(page.locator(".timeline-chart svg").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".top-bar", ".learner-back", ".range-picker", ".series-picker"])
    await expect(page.locator(hidden).first()).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  const chart = await page.locator(".timeline-chart svg").first().boundingBox();
  expect(chart!.x + chart!.width).toBeLessThanOrEqual(794);
  await page.screenshot({ path: "test-results/screenshots/story-learner-print.png", fullPage: true });
  await page.pdf({ path: "test-results/screenshots/story-learner-print.pdf", format: "A4" });
  await page.emulateMedia({ media: null });
});

test("a goal without goal work says what the learner already solved on its targets outside it, and what counts as goal work", async ({
  page,
}) => {
  await signIn(page, instructor.username, instructor.password);
  const goals = await apiGoals(page.request, CS101);
  const cells = await allStatuses(
    page.request,
    CS101,
    goals.map((g) => g.id),
  );
  const db = e2eDb();
  const problemsOf = (g: ApiGoal, target: string): string[] =>
    g.target_type === "module"
      ? [target]
      : (db
          .prepare(`SELECT item_id FROM item_objectives WHERE course_id = ? AND objective_id = ?`)
          .pluck()
          .all(CS101, target) as string[]);
  // Per item of the targets: attempted / solved in work not carrying the goal's id.
  const outside = (reg: string, g: ApiGoal, items: string[]) =>
    new Map(
      db
        .prepare(
          `SELECT item_id, MAX(success = 1) FROM events v JOIN enrollments e ON e.user_id = v.user_id AND e.course_id = v.course_id
           WHERE e.id = ? AND v.kind = 'problem_attempt' AND (v.goal_id IS NULL OR v.goal_id != ?) AND v.item_id IN (SELECT value FROM json_each(?)) GROUP BY 1`,
        )
        .raw()
        .all(reg, g.id, JSON.stringify(items)) as [string, number][],
    );
  let found: { reg: string; j: number; solved: number; tried: number; problems: number } | null = null;
  for (const [reg, c] of cells) {
    const j = c.findIndex((cell) => cell.status === "no_work");
    if (j < 0) continue;
    const items = [...new Set(goals[j]!.targets.flatMap((t) => problemsOf(goals[j]!, t)))];
    const w = outside(reg, goals[j]!, items);
    const solved = [...w.values()].filter((v) => v === 1).length;
    if (solved > 0) {
      found = { reg, j, solved, tried: w.size - solved, problems: items.length };
      break;
    }
  }
  expect(found, "a learner with no goal work but correct answers on the goal's targets").toBeTruthy();
  const { reg, j, solved, tried, problems } = found!;
  const goal = goals[j]!;
  const { username } = db
    .prepare(`SELECT u.username FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = ?`)
    .get(reg) as { username: string };
  const perTarget = goal.targets.map((t) => {
    const w = outside(reg, goal, problemsOf(goal, t));
    const s = [...w.values()].filter((v) => v === 1).length;
    return { problems: problemsOf(goal, t).length, solved: s, tried: w.size - s };
  });
  db.close();

  await page.goto(`/courses/${encodeURIComponent(CS101)}/learners/${encodeURIComponent(username)}`);
  const card = page
    .getByRole("region", { name: "Goals" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: goal.name }) });
  await expect(card.locator(".learner-goal-head .status-badge")).toHaveText("No work yet");
  await expect(card.locator(".learner-goal-outside")).toHaveText(
    `${solved} of ${problems} target problems already solved outside this goal${tried ? `, ${tried} more tried` : ""}: that work does not count towards the goal.`,
  );
  const rows = card.locator(".learner-target-table tbody tr");
  for (const [i, t] of perTarget.entries()) {
    await expect(rows.nth(i).locator(".learner-target-outside")).toHaveText(
      t.solved + t.tried === 0 ? "None" : `${t.solved} of ${t.problems} solved${t.tried ? `, ${t.tried} tried` : ""}`,
    );
  }
  await expect(page.getByRole("region", { name: "Goals" })).toContainText(
    "Goal work is only the attempts made on the goal itself",
  );
  await expectAccessible(page);
  await screenshotAll(page, "story-learner-goal-outside-work");

  // The goal's page says in one line what counts as goal work.
  await page.goto(`/courses/${encodeURIComponent(CS101)}/goals/${goal.id}`);
  await expect(page.locator(".goal-work-help")).toContainText("Goal work is only the attempts made on the goal itself");
  // The learners' table, not its "Working out…" note, in the screenshot.
  await expect(page.locator(".roster-table tbody tr").first()).toBeVisible();
  await expect(page.getByText("Working out every learner’s status…")).toHaveCount(0);
  await screenshotAll(page, "story-goal-work-help");
});
