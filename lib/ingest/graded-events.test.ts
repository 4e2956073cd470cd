import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { ingestGradedEvents } from "./graded-events";
import { runIngest } from "./session";
import { events, importRecords, NOW, thrown } from "./test-helpers";

const REG = "5e3f7c1a-2b4d-4e6f-8a9b-0c1d2e3f4a5b";
const GOAL = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
const COURSE = "9a7c2f1e-learning-instance";

let db: Db;
eachTestDb(async (d) => {
  db = d;
  const result = await importRecords(db, [
    { type: "course", id: COURSE, title: "Algebra" },
    { type: "course", id: "other-course", title: "Other" },
    { type: "user", id: "u1", username: "lea" },
    { type: "enrollment", course_id: COURSE, user: "lea", id: REG },
    { type: "objective", id: "lref-1" },
    { type: "item", course_id: COURSE, id: "mod-1", kind: "problem", objectives: ["lref-1"] },
    { type: "item", course_id: "other-course", id: "mod-x", kind: "problem" },
    { type: "goal", id: GOAL, course_id: COURSE, name: "Linear equations", targets: ["lref-1"] },
  ]);
  expect(result).toMatchObject({ ok: true });
});

const post = (body: unknown, reg = REG) => runIngest(db, (s) => ingestGradedEvents(s, reg, body), { now: NOW });
const event = (over: Record<string, unknown> = {}) => ({
  module_id: "mod-1",
  interaction_end_time: "2026-03-10T10:00:00Z",
  is_correct: true,
  ...over,
});

describe("Knewton graded events", () => {
  it("are problem attempts on the module of the registration's course", () => {
    expect(
      post([
        event(),
        event({ is_correct: false, duration: "PT45S", goal_id: GOAL, is_complete: true, instance_hash: "abc" }),
      ]),
    ).toBe(2);
    expect(events(db)).toMatchObject([
      {
        user_id: "u1",
        course_id: COURSE,
        item_id: "mod-1",
        kind: "problem_attempt",
        success: 1,
        score: 1,
        goal_id: null,
        ts: Date.parse("2026-03-10T10:00:00Z"),
      },
      { success: 0, score: 0, duration_ms: 45_000, goal_id: GOAL },
    ]);
  });

  it("take one event as well as an array, and a duration in seconds", () => {
    post(event({ duration: 12.5 }));
    expect(events(db)).toMatchObject([{ duration_ms: 12_500 }]);
  });

  it.each([
    ["an unknown registration", () => post(event(), "00000000-0000-4000-8000-000000000000"), "registration_id"],
    ["a module not in the course", () => post(event({ module_id: "mod-x" })), "module_id"],
    ["an unknown goal", () => post(event({ goal_id: "00000000-0000-4000-8000-000000000001" })), "goal_id"],
  ])("reject %s as not found", (_label, call, field) => {
    expect(thrown(call)).toMatchObject({ kind: "not_found", field });
    expect(events(db)).toEqual([]);
  });

  it("reject a bad body naming the index and field, and add none of the batch", () => {
    const err = thrown(() => post([event(), event({ is_correct: "yes" })]));
    expect(err).toMatchObject({ kind: "invalid", index: 1, field: "is_correct" });
    expect(err.message).toBe("event 1: is_correct: expected boolean, got string");
    expect(thrown(() => post({ ...event(), colour: "red" }))).toMatchObject({ field: "colour" });
    expect(events(db)).toEqual([]);
  });
});
