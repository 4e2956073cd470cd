import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { itemObjectives, items, objectives } from "@/db/schema";
import { DEFAULT_PARAMS } from "@/lib/analytics/mastery";
import { eachTestDb } from "@/lib/testing/db";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { attemptSequences, objectiveModels, refitMastery } from "./mastery";

const AS_OF = fixAsOf();
const A = "course-v1:Mastery+A+2026";
const B = "course-v1:Mastery+B+2026";
let db: Db;
let users: string[];

eachTestDb((d) => {
  db = d;
  const names = Array.from({ length: 8 }, (_, i) => ({ username: `m${i}` }));
  users = [...enrollLearners(db, A, names).values()];
  enrollLearners(db, B, names.slice(0, 2));
  db.insert(objectives)
    .values([{ id: "lo", name: "LO" }])
    .run();
  db.insert(items)
    .values([
      { courseId: A, id: "a1", kind: "problem" },
      { courseId: B, id: "b1", kind: "problem" },
    ])
    .run();
  db.insert(itemObjectives)
    .values([
      { courseId: A, itemId: "a1", objectiveId: "lo" },
      { courseId: B, itemId: "b1", objectiveId: "lo" },
    ])
    .run();
});

let t = 0;
function answer(u: number, course: string, item: string, results: boolean[]): void {
  addEvents(
    db,
    results.map((success) => ({
      userId: users[u]!,
      courseId: course,
      itemId: item,
      kind: "problem_attempt" as const,
      success,
      ts: daysBefore(AS_OF, 2) + t++ * 1000,
    })),
  );
}

describe("attemptSequences", () => {
  it("gives each user's graded attempts on an objective in time order, across courses", async () => {
    answer(0, A, "a1", [false]);
    answer(0, B, "b1", [true]);
    answer(0, A, "a1", [true]);
    addEvents(db, [
      {
        userId: users[0]!,
        courseId: A,
        itemId: "a1",
        kind: "problem_attempt",
        success: null,
        ts: daysBefore(AS_OF, 1),
      },
    ]);
    const seqs = await attemptSequences(db, [users[0]!, users[1]!], ["lo"]);
    expect(seqs.get(users[0]!)?.get("lo")).toEqual([false, true, true]);
    expect(seqs.has(users[1]!)).toBe(false);
  });
});

describe("refitMastery", () => {
  it("keeps the defaults, not fitted, until 5 users have 3 attempts; then fits and stores the parameters", async () => {
    for (let u = 0; u < 4; u++) answer(u, A, "a1", [false, true, true]);
    expect(refitMastery(db)).toMatchObject({ refitted: 1, fitted: 0 });
    expect((await objectiveModels(db, ["lo"])).get("lo")).toEqual({ params: DEFAULT_PARAMS, fitted: false });
    answer(4, A, "a1", [false, true, true]);
    expect(refitMastery(db)).toMatchObject({ refitted: 1, fitted: 1 });
    const model = (await objectiveModels(db, ["lo"])).get("lo")!;
    expect(model.fitted).toBe(true);
    expect(model.params).not.toEqual(DEFAULT_PARAMS);
  });

  it("refits only when the attempts grew by a tenth, or when forced", async () => {
    for (let u = 0; u < 8; u++) answer(u, A, "a1", [false, true, true, true, u % 2 === 0]);
    expect(refitMastery(db).refitted).toBe(1);
    answer(0, A, "a1", [true, true]);
    expect(refitMastery(db).refitted).toBe(0);
    answer(1, A, "a1", [true, true]);
    expect(refitMastery(db).refitted).toBe(1);
    expect(refitMastery(db, { force: true }).refitted).toBe(1);
  });

  it("answers the defaults for an objective with no stored model", async () => {
    expect((await objectiveModels(db, ["nothing-yet"])).get("nothing-yet")).toEqual({
      params: DEFAULT_PARAMS,
      fitted: false,
    });
  });
});
