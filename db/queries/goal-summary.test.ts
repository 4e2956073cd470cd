import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { goals, itemObjectives, items, objectives } from "@/db/schema";
import { eachTestDb } from "@/lib/testing/db";
import { seedCourse } from "@/lib/testing/factories";
import { addEvents, attemptsOn, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { goalLearnerPage, learnerGoals, type GoalLearnerQuery } from "./goal-learners";
import { GOAL_STATUSES, TARGET_STATUSES } from "@/lib/analytics/status/status-order";
import { courseGoalResults, goalDistributions, type CourseGoalResults } from "./goal-summary";
import { refitMastery } from "./mastery";
import { registrationPage, statusAndProgress, courseGoals } from "./status-progress";

/** The course-wide status results: equal to statusAndProgress row by row, cached, and recomputed when what they depend on changes. */

const AS_OF = fixAsOf();
const COURSE = "course-v1:Goals+G1+2026";
const OTHER = "course-v1:Goals+G2+2026";
const OBJ_GOAL = randomUUID();
const ITEM_GOAL = randomUUID();
// More registrations than one computation chunk (250), so the paging through them is exercised.
const LEARNERS = 260;
let db: Db;
let users: string[];
let clock = 0;

eachTestDb((d) => {
  db = d;
  ({ userIds: users } = seedCourse(db, { courseId: COURSE, learners: LEARNERS }));
  seedCourse(db, { courseId: OTHER, learners: 0, prefix: "other" });
  db.insert(objectives)
    .values([
      { id: "lo-a", name: "Loops" },
      { id: "lo-b", name: "Lists" },
    ])
    .run();
  db.insert(items)
    .values([
      { courseId: COURSE, id: "p1", kind: "problem", title: "Warm-up" },
      { courseId: COURSE, id: "p2", kind: "problem", title: "" },
      { courseId: OTHER, id: "q1", kind: "problem", title: "Elsewhere" },
    ])
    .run();
  db.insert(itemObjectives)
    .values([
      { courseId: COURSE, itemId: "p1", objectiveId: "lo-a" },
      { courseId: COURSE, itemId: "p2", objectiveId: "lo-b" },
      { courseId: OTHER, itemId: "q1", objectiveId: "lo-a" },
    ])
    .run();
  db.insert(goals)
    .values([
      {
        id: OBJ_GOAL,
        courseId: COURSE,
        name: "A objectives",
        targetKind: "objective",
        targets: ["lo-a", "lo-b"],
        topics: [{ topic_id: "t1", targets: ["lo-a"] }],
        maxWorkOnGoal: 12,
      },
      { id: ITEM_GOAL, courseId: COURSE, name: "B items", targetKind: "item", targets: ["p1", "p2"] },
    ])
    .run();
});

/** Graded attempts by learner `u`, later than every earlier one; the course's last_updated_at moves on each call. */
async function answer(
  u: number,
  results: boolean[],
  opts: { goalId?: string | null; itemId?: string; courseId?: string } = {},
): Promise<void> {
  // last_updated_at has millisecond resolution: keep two writes from sharing a stamp.
  await new Promise((r) => setTimeout(r, 2));
  const base = {
    userId: users[u]!,
    courseId: opts.courseId ?? COURSE,
    itemId: opts.itemId ?? "p1",
    ts: daysBefore(AS_OF, 2) + clock++ * 10_000,
    goalId: opts.goalId ?? null,
  };
  addEvents(db, attemptsOn(base, results));
}

/** statusAndProgress over every registration, one call: what the cached results must equal. */
async function direct() {
  const { rows } = await registrationPage(db, COURSE, 0, 10_000);
  const { goals: gs } = await courseGoals(db, COURSE, [OBJ_GOAL, ITEM_GOAL]);
  return { rows, results: await statusAndProgress(db, COURSE, gs, rows) };
}

/** Where learner `u`'s registration sits in the results. */
function at(all: CourseGoalResults, u: number): number {
  const reg = db.$client
    .prepare(`SELECT id FROM enrollments WHERE course_id = ? AND user_id = ?`)
    .pluck()
    .get(COURSE, users[u]) as string;
  return all.registrations.indexOf(reg);
}

/** The seeded usernames in the roster's name order (name, then username). */
function byName(): string[] {
  const people = Array.from({ length: LEARNERS }, (_, i) => ({
    name: `Learner ${i}`,
    username: `learner${String(i).padStart(3, "0")}`,
  }));
  return people
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.username < b.username ? -1 : 1))
    .map((p) => p.username);
}

const query = (q: Partial<GoalLearnerQuery> = {}): GoalLearnerQuery => ({
  status: null,
  orderBy: "name",
  sortOrder: "asc",
  page: 1,
  pageSize: 25,
  ...q,
});

describe("courseGoalResults", () => {
  it("holds every registration's status, progress, work remaining and target statuses as statusAndProgress gives them", async () => {
    await answer(0, [true, true, true, true, true], { goalId: OBJ_GOAL });
    await answer(1, Array(10).fill(false), { goalId: OBJ_GOAL });
    await answer(2, [false, true], { goalId: ITEM_GOAL });
    await answer(3, [false, false, false], { goalId: ITEM_GOAL, itemId: "p2" });
    await answer(4, Array(12).fill(false), { goalId: OBJ_GOAL, itemId: "p2" });
    const all = await courseGoalResults(db, COURSE, AS_OF);
    const { rows, results } = await direct();
    expect(all.registrations).toEqual(rows.map((r) => r.id));
    for (const [j, g] of all.goals.entries()) {
      expect(g.goal.id).toBe([OBJ_GOAL, ITEM_GOAL][j]);
      rows.forEach((_, i) => {
        const want = results[i]![j]!;
        expect(GOAL_STATUSES[g.status[i]!]).toBe(want.status);
        expect(Array.from(g.targets.subarray(i * 2, i * 2 + 2), (t) => TARGET_STATUSES[t])).toEqual(
          want.targets.map((t) => t.status),
        );
        expect(g.workRemaining[i]).toBe(want.workRemaining);
        expect(g.progress[i]).toBeCloseTo(want.progress, 6);
      });
    }
    const dist = await goalDistributions(db, COURSE, AS_OF);
    expect(dist.map((d) => d.total)).toEqual([LEARNERS, LEARNERS]);
    const count = (j: number, s: string) => results.filter((r) => r[j]!.status === s).length;
    for (const [j, d] of dist.entries())
      for (const [s, n] of Object.entries(d.counts)) expect(n, `${d.goal.name} ${s}`).toBe(count(j, s));
    expect(dist[0]!.counts).toMatchObject({
      complete: 0,
      struggling: 1,
      complete_max_work: 1,
      in_progress: 1,
      no_work: LEARNERS - 3,
    });
    expect(dist[1]!.counts).toMatchObject({ struggling: 1, in_progress: 1, no_work: LEARNERS - 2 });
  });

  it("answers repeated reads from the cache, and recomputes once data arrives, in this course or one sharing an objective", async () => {
    const first = await courseGoalResults(db, COURSE, AS_OF);
    expect(await courseGoalResults(db, COURSE, AS_OF)).toBe(first);
    expect(first.goals[1]!.counts.no_work).toBe(LEARNERS);

    await answer(5, [true], { goalId: ITEM_GOAL });
    const second = await courseGoalResults(db, COURSE, AS_OF);
    expect(second).not.toBe(first);
    expect(second.goals[1]!.counts).toMatchObject({ in_progress: 1, no_work: LEARNERS - 1 });

    // Mastery reads every course's attempts: work in another course on lo-a changes this one's figures.
    await answer(0, Array(8).fill(true), { goalId: OBJ_GOAL });
    const third = await courseGoalResults(db, COURSE, AS_OF);
    const i = at(third, 0);
    expect(TARGET_STATUSES[third.goals[0]!.targets[i * 2]!]).toBe("complete");
    enrollLearners(db, OTHER, [{ username: "learner000" }]);
    await answer(0, Array(8).fill(false), { courseId: OTHER, itemId: "q1" });
    const fourth = await courseGoalResults(db, COURSE, AS_OF);
    expect(fourth).not.toBe(third);
    expect(TARGET_STATUSES[fourth.goals[0]!.targets[i * 2]!]).toBe("in_progress");
    expect(fourth.goals[0]!.progress[i]).toBeLessThan(third.goals[0]!.progress[i]!);
  });

  it("recomputes after a refit of the model, a change of the goals, a new enrollment and a new as-of day", async () => {
    let last = await courseGoalResults(db, COURSE, AS_OF);
    const changed = async (asOf = AS_OF) => {
      const now = await courseGoalResults(db, COURSE, asOf);
      expect(now).not.toBe(last);
      last = now;
      return now;
    };
    for (let u = 10; u < 16; u++) {
      await answer(u, [false, true, true, true], { itemId: "p1" });
      await answer(u, [false, true, true, true], { itemId: "p2" });
    }
    // A learner with no work at all: work remaining needs the fitted models.
    const idle = at(await changed(), 100);
    expect(last.goals[0]!.workRemaining[idle]).toBe(-1);
    refitMastery(db);
    expect((await changed()).goals[0]!.workRemaining[idle]).toBeGreaterThan(0);

    db.$client.prepare(`UPDATE goals SET max_work_on_goal = 3 WHERE id = ?`).run(OBJ_GOAL);
    expect((await changed()).goals[0]!.goal.criteria.maxWorkOnGoal).toBe(3);
    db.$client.prepare(`DELETE FROM goals WHERE id = ?`).run(ITEM_GOAL);
    expect((await changed()).goals).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 2));
    enrollLearners(db, COURSE, [{ username: "late-joiner" }]);
    expect((await changed()).registrations).toHaveLength(LEARNERS + 1);
    await changed("2026-03-21");
  });

  it("shares one computation among reads that arrive while it runs", async () => {
    const [a, b] = await Promise.all([courseGoalResults(db, COURSE, AS_OF), courseGoalResults(db, COURSE, AS_OF)]);
    expect(a).toBe(b);
  });
});

describe("goalLearnerPage", () => {
  it("sorts over every learner with ties by name, filters by status, pages, and names the rows", async () => {
    await answer(7, [true], { goalId: ITEM_GOAL, itemId: "p1" });
    await answer(8, [false, true], { goalId: ITEM_GOAL, itemId: "p2" });
    await answer(9, [false, false, false], { goalId: ITEM_GOAL, itemId: "p2" });
    await answer(9, [true], { goalId: ITEM_GOAL, itemId: "p1" });
    const page = (q: Partial<GoalLearnerQuery>) => goalLearnerPage(db, COURSE, ITEM_GOAL, AS_OF, query(q));

    const names = byName();
    const first = await page({ page: 2 });
    expect(first!.rows.map((r) => r.username)).toEqual(names.slice(25, 50));
    expect(first!.rows[0]).toMatchObject({ status: "no_work", progress: 0, targets: ["no_work", "no_work"] });
    expect((await page({ sortOrder: "desc" }))!.rows.map((r) => r.username)).toEqual(names.slice(-25).reverse());

    // Item targets: one more attempt expected each, so progress is work / (work + open targets).
    const byProgress = await page({ orderBy: "progress", sortOrder: "desc", pageSize: 3 });
    expect(byProgress!.rows.map((r) => [r.username, r.status, r.targets])).toEqual([
      ["learner009", "struggling", ["complete", "struggling"]],
      ["learner008", "in_progress", ["no_work", "complete"]],
      ["learner007", "in_progress", ["complete", "no_work"]],
    ]);
    [4 / 5, 2 / 3, 1 / 2].forEach((p, i) => expect(byProgress!.rows[i]!.progress).toBeCloseTo(p, 6));
    const byStatus = await page({ orderBy: "status", sortOrder: "desc", pageSize: 2 });
    expect(byStatus!.rows.map((r) => r.status)).toEqual(["no_work", "no_work"]);
    expect((await page({ orderBy: "status", pageSize: 3 }))!.rows.map((r) => r.username)).toEqual([
      "learner007",
      "learner008",
      "learner009",
    ]);

    const struggling = await page({ status: "struggling" });
    expect(struggling).toMatchObject({ count: 1, total: LEARNERS, page: 1 });
    expect(struggling!.rows.map((r) => r.username)).toEqual(["learner009"]);
    const past = await page({ status: "in_progress", page: 9, pageSize: 1 });
    expect(past).toMatchObject({ count: 2, page: 2 });
    expect(past!.rows.map((r) => r.username)).toEqual(["learner008"]);
    expect(await page({ status: "complete" })).toMatchObject({ count: 0, page: 1, rows: [] });
    expect(await goalLearnerPage(db, COURSE, randomUUID(), AS_OF, query())).toBeNull();
  });

  it("puts work remaining 'not enough data' last in both directions", async () => {
    // lo-b is fitted, lo-a is not: a learner with lo-a complete has a number, one with lo-a open has none.
    for (let u = 0; u < 6; u++) await answer(u, [false, true, true, true], { itemId: "p2" });
    refitMastery(db);
    for (const u of [30, 31]) await answer(u, Array(6).fill(true), { goalId: OBJ_GOAL });
    await answer(32, [true], { goalId: OBJ_GOAL });
    const page = (sortOrder: "asc" | "desc") =>
      goalLearnerPage(db, COURSE, OBJ_GOAL, AS_OF, query({ orderBy: "work_remaining", sortOrder, pageSize: LEARNERS }));
    for (const dir of ["asc", "desc"] as const) {
      const w = (await page(dir))!.rows.map((r) => r.workRemaining);
      const known = w.filter((x) => x >= 0);
      expect(
        w.slice(known.length).every((x) => x === -1),
        dir,
      ).toBe(true);
      expect(known).toEqual([...known].sort((a, b) => (dir === "asc" ? a - b : b - a)));
      expect(known.length).toBeGreaterThan(0);
    }
  });
});

describe("learnerGoals", () => {
  it("gives one learner's goals with targets and topics, and null for someone not enrolled", async () => {
    await answer(3, [true, false], { goalId: OBJ_GOAL });
    const mine = await learnerGoals(db, COURSE, "learner003");
    expect(mine!.map((g) => g.goal.name)).toEqual(["A objectives", "B items"]);
    expect(mine![0]!.result).toMatchObject({
      status: "in_progress",
      targets: [
        { id: "lo-a", status: "in_progress" },
        { id: "lo-b", status: "no_work" },
      ],
    });
    expect(mine![0]!.result.topics).toHaveLength(1);
    expect(mine![1]!.result.topics).toBeNull();
    expect(await learnerGoals(db, COURSE, "nobody")).toBeNull();
  });

  it("says what the learner did on each goal's targets outside it: other goals' work and the course's own", async () => {
    // p1 (lo-a) solved for the objective goal, p2 (lo-b) tried in the course's exercises, q1 elsewhere.
    await answer(4, [false, true], { goalId: OBJ_GOAL, itemId: "p1" });
    await answer(4, [false], { itemId: "p2" });
    await answer(4, [true], { itemId: "q1", courseId: OTHER });
    const [objective, item] = (await learnerGoals(db, COURSE, "learner004"))!;
    // The objective goal's own work is not outside it; p2 tried without its id is.
    expect(objective!.outside).toMatchObject({ problems: 2, solved: 0, attempted: 1 });
    expect(objective!.outside.targets.get("lo-a")).toEqual({ problems: 1, solved: 0, attempted: 0 });
    expect(objective!.outside.targets.get("lo-b")).toEqual({ problems: 1, solved: 0, attempted: 1 });
    // The item goal has no work of its own ("No work yet"), but p1 was solved under the other goal.
    expect(item!.result.status).toBe("no_work");
    expect(item!.outside).toMatchObject({ problems: 2, solved: 1, attempted: 2 });
    expect(item!.outside.targets.get("p1")).toEqual({ problems: 1, solved: 1, attempted: 1 });
  });
});
