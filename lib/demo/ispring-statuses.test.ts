import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultsPage } from "@/db/queries/ispring-results";
import { COMPLETION_STATUSES } from "@/db/schema";
import { importJsonLines } from "@/lib/ingest/jsonl";
import { createTestDb } from "@/lib/testing/db";
import { generateDemo } from "./index";

/** The demo, loaded through the import, shows every iSpring completion status. */

const asOf = "2026-03-16";
const lines = [...generateDemo({ asOf, learners: 150, seed: 3 })];
let t: ReturnType<typeof createTestDb>;

beforeAll(async () => {
  t = createTestDb();
  const result = await importJsonLines(
    t.db,
    lines.map((l) => `${l}\n`),
  );
  expect(result.ok).toBe(true);
}, 120_000);
afterAll(() => t?.close());

describe("the demo's iSpring statuses", () => {
  it("gives the statuses no statement sets to a few enrollments, accepted ones with a completion time", () => {
    const enrollments = lines
      .filter((l) => l.startsWith('{"type":"enrollment"'))
      .map((l) => JSON.parse(l) as Record<string, string | undefined>);
    const explicit = enrollments.filter((e) => e.completion_status !== undefined);
    expect(new Set(explicit.map((e) => e.completion_status))).toEqual(
      new Set(["pending", "accepted", "incomplete", "declined"]),
    );
    expect(explicit.length).toBeLessThan(enrollments.length / 10);
    for (const e of explicit) {
      if (e.completion_status !== "accepted") expect(e.completed_at).toBeUndefined();
      else expect(Date.parse(e.completed_at!)).toBeGreaterThan(Date.parse(e.enrolled_at!));
      if (e.completion_status === "accepted")
        expect(Date.parse(e.completed_at!)).toBeLessThan(Date.parse(`${asOf}T00:00:00Z`));
    }
  });

  it("shows every completion status in the results", async () => {
    const { rows, more } = await resultsPage(
      t.db,
      { userStatuses: ["active", "blocked"] },
      null,
      1000,
      Date.parse(`${asOf}T00:00:00Z`),
    );
    expect(more).toBe(false);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.figures.completionStatus, (counts.get(r.figures.completionStatus) ?? 0) + 1);
    for (const status of COMPLETION_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
  });
});
