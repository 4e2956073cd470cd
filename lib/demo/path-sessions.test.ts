import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathSessionData } from "@/db/queries/path-session";
import { pathSessionStats, type PathSessionStats } from "@/lib/analytics/path-session/stats";
import { importJsonLines } from "@/lib/ingest/jsonl";
import { createTestDb } from "@/lib/testing/db";
import { generateDemo } from "./index";

/**
 * The demo, once imported, shows every 360Learning status, detailed status and result somewhere,
 * looked at in the middle of its as-of day (as a demo generated today is, since 360Learning's
 * "now" is the wall clock).
 */

const asOf = "2026-03-16";
const now = Date.parse(`${asOf}T12:00:00Z`);
const t = createTestDb();
const seen = {
  status: new Map<string, number>(),
  detailed: new Map<string, number>(),
  result: new Map<string, number>(),
};
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function* lines(): Generator<string> {
  for (const l of generateDemo({ asOf, learners: 300 })) yield `${l}\n`;
}

beforeAll(async () => {
  const imported = await importJsonLines(t.db, lines(), { now: new Date(now) });
  expect(imported.ok).toBe(true);
  const rows = t.db.$client.prepare(`SELECT course_id, user_id FROM enrollments`).raw().all() as [string, string][];
  for (const [courseId, userId] of rows) {
    const data = await pathSessionData(t.db, courseId, userId);
    if ("missing" in data) throw new Error(`no data for ${courseId} ${userId}`);
    const s: PathSessionStats = pathSessionStats({ ...data, now });
    count(seen.status, s.status);
    count(
      seen.detailed,
      s.detailedStatus.reason ? `${s.detailedStatus.type}/${s.detailedStatus.reason}` : s.detailedStatus.type,
    );
    count(seen.result, s.result ?? "none");
  }
}, 120_000);
afterAll(() => t.close());

describe("the demo's 360Learning path session stats", () => {
  it.each(["completed", "awaitingCorrection", "late", "onTime"])("has status %s", (v) => {
    expect(seen.status.get(v) ?? 0).toBeGreaterThan(0);
  });

  it.each([
    "sessionNotOpened",
    "successful",
    "unsuccessful/sessionEnded",
    "unsuccessful",
    "toRetake",
    "awaitingCorrection",
    "notYetStarted",
    "late",
    "onTime",
  ])("has detailedStatus %s", (v) => {
    expect(seen.detailed.get(v) ?? 0).toBeGreaterThan(0);
  });

  it.each(["successful", "retake", "unsuccessful", "none"])("has result %s", (v) => {
    expect(seen.result.get(v) ?? 0).toBeGreaterThan(0);
  });
});
