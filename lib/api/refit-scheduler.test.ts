import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemObjectives, items, objectives } from "@/db/schema";
import { startTestApp, type TestApp } from "@/lib/testing/app";
import { seedCourse } from "@/lib/testing/factories";
import { bearer, seedKeys, type Keys } from "@/lib/testing/http";

/** The server refits the mastery model by itself, in the background, after data arrives. */

const COURSE = "course-v1:Refit+R1+2026";
let app: TestApp;
let keys: Keys;
let regs: string[];

beforeAll(async () => {
  app = await startTestApp({ LANTERN_REFIT_DELAY_MS: "200" });
  keys = await seedKeys(app.db, "refit");
  const { userIds } = seedCourse(app.db, { courseId: COURSE, learners: 6 });
  regs = userIds.map(
    (u) => app.db.$client.prepare(`SELECT id FROM enrollments WHERE user_id = ?`).pluck().get(u) as string,
  );
  app.db.insert(objectives).values({ id: "lref-refit", name: "Refit" }).run();
  app.db.insert(items).values({ courseId: COURSE, id: "q1", kind: "problem" }).run();
  app.db.insert(itemObjectives).values({ courseId: COURSE, itemId: "q1", objectiveId: "lref-refit" }).run();
}, 120_000);
afterAll(async () => app?.close());

const fitted = () =>
  app.db.$client
    .prepare(`SELECT fitted, attempts, users FROM mastery_models WHERE objective_id = 'lref-refit'`)
    .get() as { fitted: number; attempts: number; users: number } | undefined;

describe("background refit", () => {
  it("fits an objective once enough learners have answered, without a request waiting for it", async () => {
    for (const [i, reg] of regs.entries()) {
      const events = [false, true, i % 2 === 0, true].map((ok, n) => ({
        module_id: "q1",
        interaction_end_time: `2026-03-1${n}T10:00:00Z`,
        is_correct: ok,
      }));
      const res = await fetch(`${app.url}/api/v0/registrations/${reg}/graded-events`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(keys.admin) },
        body: JSON.stringify(events),
      });
      expect(res.status).toBe(204);
    }
    const deadline = Date.now() + 60_000;
    while (!fitted()?.fitted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(fitted()).toEqual({ fitted: 1, attempts: 24, users: 6 });
  }, 90_000);
});
