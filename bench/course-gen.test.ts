import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseLearnerMetadata } from "@/db/queries/learners";
import { refitMastery } from "@/db/queries/mastery";
import { courseGoals, registrationPage, statusAndProgress } from "@/db/queries/status-progress";
import { importJsonLines, type ImportResult } from "@/lib/ingest/jsonl";
import { createTestDb } from "@/lib/testing/db";
import { BENCH_COURSE, benchCatalog } from "./course-catalog";
import { benchCourse } from "./course-gen";

// The bench's course must import cleanly through the real import and give every segment and
// every goal status something to show, or the routes it drives would be measured on empty cases.
const asOf = "2026-03-20";
const lines = [...benchCourse({ learners: 200, asOf })];
const t = createTestDb();
let result: ImportResult;

beforeAll(async () => {
  process.env.LANTERN_AS_OF = asOf;
  result = await importJsonLines(t.db, Readable.from(lines.map((l) => `${l}\n`)));
  refitMastery(t.db, { force: true });
}, 120_000);
afterAll(() => t.close());

const digest = (ls: Iterable<string>) =>
  createHash("sha256")
    .update([...ls].join("\n"))
    .digest("hex");

describe("the bench course", () => {
  it("imports through the real import, with about 100 events per active learner", () => {
    expect(result).toMatchObject({ ok: true });
    const counts = result.ok ? result.counts : null;
    expect(counts).toMatchObject({ course: 1, goal: 5, enrollment: 200, user: 201 });
    const active = t.db.$client
      .prepare(`SELECT COUNT(DISTINCT user_id) FROM events WHERE course_id = ?`)
      .pluck()
      .get(BENCH_COURSE) as number;
    const events = t.db.$client.prepare(`SELECT COUNT(*) FROM events`).pluck().get() as number;
    expect(events / active).toBeGreaterThan(80);
    expect(events / active).toBeLessThan(130);
  });

  it("fills every segment", async () => {
    const meta = await courseLearnerMetadata(t.db, BENCH_COURSE, asOf);
    for (const [segment, n] of Object.entries(meta!.segments)) expect(n, segment).toBeGreaterThan(0);
  });

  it("reaches every goal status", async () => {
    const { goals } = await courseGoals(
      t.db,
      BENCH_COURSE,
      benchCatalog().goals.map((g) => g.id),
    );
    const { rows } = await registrationPage(t.db, BENCH_COURSE, 0, 200);
    const statuses = new Set((await statusAndProgress(t.db, BENCH_COURSE, goals, rows)).flat().map((r) => r.status));
    expect([...statuses].sort()).toEqual(["complete", "complete_max_work", "in_progress", "no_work", "struggling"]);
  });

  it("is the same for the same options, and its statements are compact", () => {
    expect(digest(benchCourse({ learners: 200, asOf }))).toBe(digest(lines));
    expect(digest(benchCourse({ learners: 200, asOf, seed: 2 }))).not.toBe(digest(lines));
    const statements = lines.filter((l) => l.startsWith('{"type":"statement"'));
    // ~0.5 KB a statement, as Open edX's are once stripped of what Lantern ignores; most work on a
    // goal's targets now carries the goal's id in its context, a few bytes more.
    expect(statements.reduce((n, l) => n + l.length, 0) / statements.length).toBeLessThan(520);
  });
});
