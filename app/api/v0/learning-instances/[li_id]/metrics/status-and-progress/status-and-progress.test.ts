import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { refitMastery } from "@/db/queries/mastery";
import { courseStaff, goals, itemObjectives, items, objectives } from "@/db/schema";
import { startTestApp, TEST_AS_OF, type TestApp } from "@/lib/testing/app";
import { seedCourse, seedUser } from "@/lib/testing/factories";
import { bearer, seedKeys, type Keys } from "@/lib/testing/http";
import { addEvents, daysBefore } from "@/lib/testing/roster";

/** Knewton status and progress over HTTP: the semantics of docs/metrics.md, pinned by small scenarios. */

const COURSE = "course-v1:Status+S1+2026";
const OTHER = "course-v1:Status+S2+2026";
const OBJECTIVE_GOAL = randomUUID();
const SIBLING_GOAL = randomUUID();
const ITEM_GOAL = randomUUID();
const CAPPED_GOAL = randomUUID();
const STREAK_GOAL = randomUUID();
const ELSEWHERE_GOAL = randomUUID();
const PROBLEMS = ["p1", "p2", "p3", "p4", "p5"];

let app: TestApp;
let keys: Keys;
let users: string[];
let regs: string[];
let learnerKey: string;

interface Cell {
  goal_id: string;
  status: string;
  progress: number;
  work_remaining: number;
  work_remaining_range: [number, number];
  targets: { target_id?: string; module_id?: string; status: string; progress: number }[];
  topic_work_remaining?: { topic_id: string; min_work_remaining: number; average_work_remaining: number }[];
}
interface Body {
  query: unknown;
  column_headers: string[];
  data: { registration_id: string; status_and_progress: Cell[] }[];
  next?: { registration_offset: number; registrations_per_page: number };
}

beforeAll(async () => {
  app = await startTestApp();
  keys = await seedKeys(app.db, "status");
  ({ userIds: users } = seedCourse(app.db, { courseId: COURSE, learners: 250 }));
  regs = users.map(
    (u) =>
      app.db.$client
        .prepare(`SELECT id FROM enrollments WHERE user_id = ? AND course_id = ?`)
        .pluck()
        .get(u, COURSE) as string,
  );
  seedCourse(app.db, { courseId: OTHER, learners: 0, prefix: "other" });
  app.db
    .insert(objectives)
    .values([
      { id: "lref-x", name: "X" },
      { id: "lref-y", name: "Y" },
    ])
    .run();
  app.db
    .insert(items)
    .values(PROBLEMS.map((id) => ({ courseId: COURSE, id, kind: "problem" })))
    .run();
  app.db
    .insert(itemObjectives)
    .values(PROBLEMS.map((itemId, i) => ({ courseId: COURSE, itemId, objectiveId: i < 4 ? "lref-x" : "lref-y" })))
    .run();
  const goal = (
    id: string,
    courseId: string,
    name: string,
    targetKind: "objective" | "item",
    targets: string[],
    extra: Partial<typeof goals.$inferInsert> = {},
  ) => ({ id, courseId, name, targetKind, targets, ...extra }) as typeof goals.$inferInsert;
  app.db
    .insert(goals)
    .values([
      goal(OBJECTIVE_GOAL, COURSE, "X and Y", "objective", ["lref-x", "lref-y"], {
        topics: [
          { topic_id: "tx", targets: ["lref-x"] },
          { topic_id: "ty", targets: ["lref-y"] },
        ],
        maxWorkOnGoal: 40,
      }),
      // A work requirement: only goal-scoped attempts meet it (with none, mastery alone completes a target).
      goal(SIBLING_GOAL, COURSE, "X again", "objective", ["lref-x"], { minWorkPerTarget: 1 }),
      goal(ITEM_GOAL, COURSE, "Items", "item", ["p1", "p2"]),
      goal(CAPPED_GOAL, COURSE, "Capped", "objective", ["lref-x"], { maxWorkOnGoal: 6 }),
      goal(STREAK_GOAL, COURSE, "3 in a row", "objective", ["lref-x"], {
        minConsecutiveCorrect: 3,
        minPredictedMastery: 0,
      }),
      goal(ELSEWHERE_GOAL, OTHER, "Elsewhere", "item", []),
    ])
    .run();
  const teacher = seedUser(app.db, { username: "status-teacher" });
  app.db.insert(courseStaff).values({ courseId: COURSE, userId: teacher, role: "instructor" }).run();
  learnerKey = (await createApiKey(app.db, users[0]!, "own")).key;
}, 120_000);
afterAll(async () => app?.close());

let clock = 0;
/** Goal-scoped graded attempts by user `u` (true = correct), in time order after every earlier one. */
function attempts(u: number, goalId: string | null, results: boolean[], itemId = "p1"): void {
  addEvents(
    app.db,
    results.map((success) => ({
      userId: users[u]!,
      courseId: COURSE,
      itemId,
      kind: "problem_attempt" as const,
      success,
      ts: daysBefore(TEST_AS_OF, 3) + clock++ * 1000,
      goalId,
    })),
  );
}

async function post(path: string, body: unknown, key = keys.admin): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer(key) },
    body: JSON.stringify(body),
  });
}
const LI = `/api/v0/learning-instances/${encodeURIComponent(COURSE)}/metrics/status-and-progress`;
const REG = (reg: string) => `/api/v0/registrations/${reg}/metrics/status-and-progress`;

async function cellOf(u: number, goalId: string): Promise<Cell> {
  const res = await post(REG(regs[u]!), { goal_ids: [goalId] });
  expect(res.status).toBe(200);
  return ((await res.json()) as Body).data[0]!.status_and_progress[0]!;
}

describe("status and progress: semantics", () => {
  it("starts at no_work with nothing done, and work remaining −1 while the objective is not fitted", async () => {
    expect(await cellOf(10, OBJECTIVE_GOAL)).toMatchObject({
      status: "no_work",
      progress: 0,
      work_remaining: -1,
      work_remaining_range: [-1, -1],
    });
  });

  it("brings an all-correct learner to complete, with progress 1 and nothing remaining", async () => {
    attempts(1, OBJECTIVE_GOAL, Array(6).fill(true), "p1");
    attempts(1, OBJECTIVE_GOAL, Array(6).fill(true), "p5");
    expect(await cellOf(1, OBJECTIVE_GOAL)).toMatchObject({
      status: "complete",
      progress: 1,
      work_remaining: 0,
      work_remaining_range: [0, 0],
      targets: [
        { target_id: "lref-x", status: "complete", progress: 1 },
        { target_id: "lref-y", status: "complete", progress: 1 },
      ],
      topic_work_remaining: [
        { topic_id: "tx", min_work_remaining: 0, average_work_remaining: 0 },
        { topic_id: "ty", min_work_remaining: 0, average_work_remaining: 0 },
      ],
    });
  });

  it("gives no_work on a goal without goal-scoped work, even when another goal's work raised mastery", async () => {
    const sibling = await cellOf(1, SIBLING_GOAL);
    expect(sibling.status).toBe("no_work");
    expect(sibling.targets[0]).toMatchObject({ target_id: "lref-x", status: "no_work", progress: 0 });
  });

  it("gives struggling after ten goal-scoped misses on an objective, and complete_max_work once max_work_on_goal is reached", async () => {
    attempts(2, SIBLING_GOAL, Array(9).fill(false), "p2");
    expect((await cellOf(2, SIBLING_GOAL)).status).toBe("in_progress");
    attempts(2, SIBLING_GOAL, [false], "p3");
    expect(await cellOf(2, SIBLING_GOAL)).toMatchObject({ status: "struggling", targets: [{ status: "struggling" }] });

    attempts(3, CAPPED_GOAL, [false, false, true, false, false], "p2");
    expect((await cellOf(3, CAPPED_GOAL)).status).toBe("in_progress");
    attempts(3, CAPPED_GOAL, [false], "p2");
    expect(await cellOf(3, CAPPED_GOAL)).toMatchObject({ status: "complete_max_work", work_remaining: 0 });
  });

  it("completes an item target with one correct answer and marks three misses as struggling", async () => {
    attempts(4, ITEM_GOAL, [false, false, false], "p2");
    attempts(4, ITEM_GOAL, [true], "p1");
    expect(await cellOf(4, ITEM_GOAL)).toMatchObject({
      status: "struggling",
      targets: [
        { module_id: "p1", status: "complete", progress: 1 },
        { module_id: "p2", status: "struggling", progress: 0.75 },
      ],
    });
    attempts(4, ITEM_GOAL, [true], "p2");
    expect(await cellOf(4, ITEM_GOAL)).toMatchObject({ status: "complete", progress: 1 });
  });

  it("moves progress up and work remaining down as correct work arrives, once the model is fitted", async () => {
    // Enough learners with enough attempts for the fitted rule, answering as learners do.
    for (let u = 20; u < 40; u++)
      attempts(u, null, [false, u % 3 === 0, true, true, u % 2 === 0, true], u % 2 ? "p3" : "p4");
    for (let u = 20; u < 40; u++) attempts(u, null, [false, true, true, true], "p5");
    const report = refitMastery(app.db);
    expect(report.fitted).toBe(2);
    const seen: Cell[] = [];
    attempts(5, OBJECTIVE_GOAL, [false], "p2");
    seen.push(await cellOf(5, OBJECTIVE_GOAL));
    for (let i = 0; i < 3; i++) {
      attempts(5, OBJECTIVE_GOAL, [true], "p2");
      seen.push(await cellOf(5, OBJECTIVE_GOAL));
    }
    for (const c of seen) expect(c.work_remaining).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.progress).toBeGreaterThan(seen[i - 1]!.progress);
      expect(seen[i]!.work_remaining).toBeLessThanOrEqual(seen[i - 1]!.work_remaining);
      const [before, after] = [seen[i - 1]!.targets[0]!.progress, seen[i]!.targets[0]!.progress];
      if (before < 1) expect(after).toBeGreaterThan(before);
      else expect(after).toBe(1);
    }
    expect(seen[0]!.work_remaining).toBeGreaterThan(seen.at(-1)!.work_remaining);
    const topics = seen.at(-1)!.topic_work_remaining!;
    for (const t of topics) expect(t.min_work_remaining).toBeLessThanOrEqual(t.average_work_remaining);
    // lref-y has no goal-scoped work yet: its topic needs at least one attempt.
    expect(topics[1]!.min_work_remaining).toBeGreaterThanOrEqual(1);
    for (const c of seen) {
      const [low, high] = c.work_remaining_range;
      expect(low).toBeLessThanOrEqual(c.work_remaining);
      expect(high).toBeGreaterThanOrEqual(c.work_remaining);
    }
  });

  it("completes a streak goal at three correct answers in a row on the objective, and reopens it on a miss", async () => {
    // The models fitted in the test before; a refit with nothing new keeps them.
    refitMastery(app.db);
    const cell = async () => cellOf(6, STREAK_GOAL);
    attempts(6, STREAK_GOAL, [false, true, true], "p2");
    const two = await cell();
    // One more correct answer is the fewest; the model's median and range can only be at or above it.
    expect(two.status).toBe("in_progress");
    expect(two.work_remaining).toBeGreaterThanOrEqual(1);
    expect(two.work_remaining_range[0]).toBeGreaterThanOrEqual(1);
    expect(two.work_remaining_range[1]).toBeGreaterThanOrEqual(two.work_remaining);
    // Any of the objective's items continues the streak: the sequence is the objective's, in time order.
    attempts(6, STREAK_GOAL, [true], "p3");
    expect(await cell()).toMatchObject({
      status: "complete",
      progress: 1,
      work_remaining: 0,
      work_remaining_range: [0, 0],
      targets: [{ status: "complete" }],
    });
    attempts(6, STREAK_GOAL, [false], "p2");
    const broken = await cell();
    expect(broken.status).toBe("in_progress");
    expect(broken.work_remaining).toBeGreaterThanOrEqual(3);
    expect(broken.work_remaining_range[0]).toBeGreaterThanOrEqual(3);
  });
});

describe("status and progress: the learning instance's rows", () => {
  it("pages over 250 registrations in a stable order, each exactly once, following next", async () => {
    const seen: string[] = [];
    let body: Record<string, unknown> = { goal_ids: [OBJECTIVE_GOAL, ITEM_GOAL], registrations_per_page: "40" };
    for (let pages = 0; pages < 20; pages++) {
      const res = await post(LI, body);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Body;
      expect(page.query).toEqual(body);
      expect(page.column_headers).toEqual([OBJECTIVE_GOAL, ITEM_GOAL]);
      for (const row of page.data)
        expect(row.status_and_progress.map((c) => c.goal_id)).toEqual([OBJECTIVE_GOAL, ITEM_GOAL]);
      seen.push(...page.data.map((r) => r.registration_id));
      if (!page.next) break;
      expect(page.next.registrations_per_page).toBe(40);
      body = { goal_ids: [OBJECTIVE_GOAL, ITEM_GOAL], ...page.next };
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(new Set(seen)).toEqual(new Set(regs));
  });

  it("has no next after a last page that ends exactly on the last registration, nor past the end", async () => {
    const last = (await (
      await post(LI, { goal_ids: [ITEM_GOAL], registration_offset: 200, registrations_per_page: 50 })
    ).json()) as Body;
    expect(last.data).toHaveLength(50);
    expect(last.next).toBeUndefined();
    const before = (await (
      await post(LI, { goal_ids: [ITEM_GOAL], registration_offset: 199, registrations_per_page: 50 })
    ).json()) as Body;
    expect(before.next).toEqual({ registration_offset: 249, registrations_per_page: 50 });
    const past = (await (await post(LI, { goal_ids: [ITEM_GOAL], registration_offset: 250 })).json()) as Body;
    expect(past.data).toEqual([]);
    expect(past.next).toBeUndefined();
  });

  it("defaults to 100 rows from offset 0", async () => {
    const page = (await (await post(LI, { goal_ids: [ITEM_GOAL] })).json()) as Body;
    expect(page.data).toHaveLength(100);
    expect(page.next).toEqual({ registration_offset: 100, registrations_per_page: 100 });
  });

  it("refuses bad bodies with a 400 that names the field, and unknown goals or instances with a 404", async () => {
    const bad = async (body: unknown, field: RegExp, status = 400) => {
      const res = await post(LI, body);
      const b = (await res.json()) as { error_code: string; developer_message: string };
      expect(res.status, b.developer_message).toBe(status);
      expect(b.developer_message).toMatch(field);
      return b.error_code;
    };
    await bad({}, /goal_ids/);
    await bad({ goal_ids: [] }, /goal_ids/);
    await bad({ goal_ids: ["not-a-uuid"] }, /goal_ids/);
    await bad({ goal_ids: Array.from({ length: 51 }, () => randomUUID()) }, /goal_ids/);
    await bad({ goal_ids: [ITEM_GOAL], registrations_per_page: 101 }, /registrations_per_page/);
    await bad({ goal_ids: [ITEM_GOAL], registrations_per_page: "two" }, /registrations_per_page/);
    await bad({ goal_ids: [ITEM_GOAL], registration_offset: -1 }, /registration_offset/);
    expect(await bad({ goal_ids: [ELSEWHERE_GOAL] }, /goal/, 404)).toBe("goal_not_found");
    const none = await post(`/api/v0/learning-instances/course-v1:None+N+1/metrics/status-and-progress`, {
      goal_ids: [ITEM_GOAL],
    });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error_code: string }).error_code).toBe("learning_instance_not_found");
  });

  it("lets a learner read their own registration only", async () => {
    expect((await post(REG(regs[0]!), { goal_ids: [ITEM_GOAL] }, learnerKey)).status).toBe(200);
    expect((await post(REG(regs[1]!), { goal_ids: [ITEM_GOAL] }, learnerKey)).status).toBe(403);
    expect((await post(REG(randomUUID()), { goal_ids: [ITEM_GOAL] }, learnerKey)).status).toBe(403);
    expect((await post(LI, { goal_ids: [ITEM_GOAL] }, learnerKey)).status).toBe(403);
    const missing = await post(REG(randomUUID()), { goal_ids: [ITEM_GOAL] });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error_code: string }).error_code).toBe("registration_not_found");
  });
});
