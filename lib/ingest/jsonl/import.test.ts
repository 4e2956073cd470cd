import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { eachTestDb } from "@/lib/testing/db";
import { events, NOW, rows, importErrors, importOk } from "../test-helpers";
import { problemEvaluated } from "../xapi/test-statements";

let db: Db;
eachTestDb((d) => {
  db = d;
});

const COURSE = "course-v1:Org+CS101+2026_T1";

const ok = (records: unknown[]) => importOk(db, records);
const errors = (records: unknown[]) => importErrors(db, records);

describe("department", () => {
  it("upserts by id, with a parent defined on an earlier line", async () => {
    await ok([
      { type: "department", id: "eng", name: "Engineering" },
      { type: "department", id: "web", name: "Web", parent_id: "eng" },
    ]);
    await ok([{ type: "department", id: "web", name: "Web team", parent_id: "eng" }]);
    expect(rows(db, `SELECT id, name, parent_id FROM departments ORDER BY id`)).toEqual([
      { id: "eng", name: "Engineering", parent_id: null },
      { id: "web", name: "Web team", parent_id: "eng" },
    ]);
  });

  it("refuses a parent that would make a cycle", async () => {
    await ok([
      { type: "department", id: "a", name: "A" },
      { type: "department", id: "b", name: "B", parent_id: "a" },
    ]);
    expect(await errors([{ type: "department", id: "a", name: "A", parent_id: "b" }])).toEqual([
      "line 1: parent_id: b is inside a; departments form a tree",
    ]);
  });
});

describe("user", () => {
  it("stores every field, hashing the password", async () => {
    await ok([
      { type: "department", id: "eng", name: "Engineering" },
      {
        type: "user",
        id: "u1",
        username: "ana",
        name: "Ana",
        email: "Ana@Example.com",
        status: "blocked",
        department_id: "eng",
        role: "department_admin",
        password: "s3cret!",
        managed_department_ids: ["eng"],
        external_ids: ["anon-1", "anon-2"],
        language: "es",
        country: "ES",
        city: "Madrid",
        gender: "f",
        year_of_birth: 1990,
        level_of_education: "master",
      },
    ]);
    const [user] = rows<Record<string, unknown>>(db, `SELECT * FROM users`);
    expect(user).toMatchObject({
      id: "u1",
      username: "ana",
      name: "Ana",
      email: "Ana@Example.com",
      email_lower: "ana@example.com",
      status: "blocked",
      department_id: "eng",
      role: "department_admin",
      language: "es",
      country: "ES",
      city: "Madrid",
      gender: "f",
      year_of_birth: 1990,
      level_of_education: "master",
    });
    expect(user!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("s3cret!", user!.password_hash as string)).toBe(true);
    expect(await verifyPassword("wrong", user!.password_hash as string)).toBe(false);
    expect(rows(db, `SELECT department_id FROM managed_departments`)).toEqual([{ department_id: "eng" }]);
    expect(rows(db, `SELECT external_id FROM user_external_ids ORDER BY external_id`)).toEqual([
      { external_id: "anon-1" },
      { external_id: "anon-2" },
    ]);
  });

  it("upserts by id, else by username; absent fields keep their value, null clears", async () => {
    await ok([{ type: "user", username: "bo", name: "Bo", email: "bo@example.com", city: "Lyon" }]);
    await ok([{ type: "user", username: "bo", name: "Bo B.", city: null }]);
    const [bo] = rows<{ id: string }>(db, `SELECT id, name, email, city FROM users`);
    expect(bo).toMatchObject({ name: "Bo B.", email: "bo@example.com", city: null });
    await ok([{ type: "user", id: bo!.id, username: "bo2" }]);
    expect(rows(db, `SELECT username FROM users`)).toEqual([{ username: "bo2" }]);
  });

  it("a record with a new id naming an existing user's external id updates that user, keeping the id as an alias", async () => {
    await ok([{ type: "user", id: "u1", username: "ana", external_ids: ["anon-1"] }]);
    await ok([{ type: "user", id: "lms-42", username: "ana", name: "Ana", external_ids: ["anon-1"] }]);
    expect(rows(db, `SELECT id, name FROM users`)).toEqual([{ id: "u1", name: "Ana" }]);
    expect(rows(db, `SELECT external_id FROM user_external_ids ORDER BY external_id`)).toEqual([
      { external_id: "anon-1" },
      { external_id: "lms-42" },
    ]);
  });

  it("refuses a username or email that is another user's, and an unknown department", async () => {
    await ok([{ type: "user", username: "a", email: "a@example.com" }]);
    expect(
      await errors([
        { type: "user", username: "b", email: "A@example.com" },
        { type: "user", id: "x", username: "a" },
        { type: "user", username: "c", department_id: "nope" },
      ]),
    ).toEqual([
      "line 1: email: A@example.com is already another user's",
      "line 2: username: a is already another user's",
      "line 3: department_id: no department nope",
    ]);
  });
});

describe("course, staff, objective, item", () => {
  it("stores a course with dates in UTC and upserts it", async () => {
    await ok([
      {
        type: "course",
        id: COURSE,
        title: "CS101",
        starts_at: "2026-01-05",
        ends_at: "2026-04-01T00:00:00+02:00",
        passing_score: 60,
      },
    ]);
    await ok([{ type: "course", id: COURSE, title: "CS 101" }]);
    expect(rows(db, `SELECT id, title, starts_at, ends_at, passing_score FROM courses`)).toEqual([
      {
        id: COURSE,
        title: "CS 101",
        starts_at: "2026-01-05T00:00:00.000Z",
        ends_at: "2026-03-31T22:00:00.000Z",
        passing_score: 60,
      },
    ]);
  });

  it("adds staff by a user reference (id, username or email)", async () => {
    await ok([
      { type: "course", id: COURSE },
      { type: "user", id: "u1", username: "ina", email: "ina@example.com" },
      { type: "staff", course_id: COURSE, user: "ina@example.com", role: "staff" },
      { type: "staff", course_id: COURSE, user: "ina", role: "instructor" },
    ]);
    expect(rows(db, `SELECT course_id, user_id, role FROM course_staff`)).toEqual([
      { course_id: COURSE, user_id: "u1", role: "instructor" },
    ]);
  });

  it("stores items with their objectives, replacing the list on an update", async () => {
    await ok([
      { type: "course", id: COURSE },
      { type: "objective", id: "lref-1", name: "Fractions" },
      { type: "objective", id: "lref-2" },
      {
        type: "item",
        course_id: COURSE,
        id: "step-1",
        kind: "assessment",
        title: "Quiz",
        position: 1,
        mandatory: false,
        due_at: "2026-02-01",
        due_after_days: 14,
        min_score: 70,
        max_attempts: 3,
        requires_correction: true,
        objectives: ["lref-1", "lref-2"],
      },
    ]);
    await ok([
      { type: "item", course_id: COURSE, id: "step-1", title: "Quiz 1", objectives: ["lref-2"] },
      { type: "objective", id: "lref-1" },
    ]);
    expect(rows(db, `SELECT * FROM items`)).toEqual([
      {
        course_id: COURSE,
        id: "step-1",
        kind: "assessment",
        title: "Quiz 1",
        position: 1,
        mandatory: 0,
        due_at: "2026-02-01T00:00:00.000Z",
        due_after_days: 14,
        min_score: 70,
        max_attempts: 3,
        requires_correction: 1,
      },
    ]);
    expect(rows(db, `SELECT objective_id FROM item_objectives`)).toEqual([{ objective_id: "lref-2" }]);
    expect(rows(db, `SELECT id, name FROM objectives ORDER BY id`)).toEqual([
      { id: "lref-1", name: "Fractions" },
      { id: "lref-2", name: "" },
    ]);
  });
});

describe("enrollment", () => {
  it("creates an enrollment with a generated id and its cohort, and upserts by (course, user)", async () => {
    await ok([
      { type: "course", id: COURSE },
      { type: "user", id: "u1", username: "lea", email: "lea@example.com" },
      {
        type: "enrollment",
        course_id: COURSE,
        user: "lea",
        mode: "verified",
        cohort: "Group A",
        enrolled_at: "2026-01-10T09:00:00Z",
      },
    ]);
    await ok([
      {
        type: "enrollment",
        course_id: COURSE,
        user: "u1",
        is_active: false,
        unenrolled_at: "2026-02-01",
        access_date: "2026-01-11",
        due_date: "2026-03-01",
        expiration_date: "2026-06-01",
        completion_status: "in_progress",
        completed_at: null,
        score: 55.5,
      },
    ]);
    const [e] = rows<Record<string, unknown>>(db, `SELECT * FROM enrollments`);
    expect(e).toMatchObject({
      course_id: COURSE,
      user_id: "u1",
      mode: "verified",
      cohort: "Group A",
      enrolled_at: "2026-01-10T09:00:00.000Z",
      is_active: 0,
      unenrolled_at: "2026-02-01T00:00:00.000Z",
      access_date: "2026-01-11T00:00:00.000Z",
      due_date: "2026-03-01T00:00:00.000Z",
      expiration_date: "2026-06-01T00:00:00.000Z",
      completion_status: "in_progress",
      completed_at: null,
      score: 55.5,
    });
    expect(e!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows(db, `SELECT course_id, name FROM cohorts`)).toEqual([{ course_id: COURSE, name: "Group A" }]);
  });

  it("takes a given id and defaults enrolled_at to the import time", async () => {
    const id = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    await ok([
      { type: "course", id: COURSE },
      { type: "user", id: "u1", username: "lea" },
      { type: "enrollment", course_id: COURSE, user: "lea", id },
    ]);
    expect(rows(db, `SELECT id, enrolled_at, mode, is_active FROM enrollments`)).toEqual([
      { id, enrolled_at: NOW.toISOString(), mode: "audit", is_active: 1 },
    ]);
  });

  it("gives an enrollment created by activity the id the roster names, but not another enrollment's id", async () => {
    const statement = problemEvaluated(
      {},
      { actor: { account: { homePage: "https://lms.example.com", name: "anon-lea" } } },
    );
    await ok([
      { type: "user", id: "u1", username: "lea", external_ids: ["anon-lea"] },
      { type: "user", id: "u2", username: "max" },
      { type: "statement", statement },
    ]);
    const id = "7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    await ok([{ type: "enrollment", course_id: COURSE, user: "lea", id, mode: "verified" }]);
    expect(rows(db, `SELECT id, user_id, mode FROM enrollments`)).toEqual([{ id, user_id: "u1", mode: "verified" }]);
    expect(await errors([{ type: "enrollment", course_id: COURSE, user: "max", id }])).toEqual([
      `line 1: id: ${id} is already another enrollment's id`,
    ]);
  });
});

describe("goal", () => {
  const setup = [
    { type: "course", id: COURSE },
    { type: "objective", id: "lref-1" },
    { type: "objective", id: "lref-2" },
    { type: "item", course_id: COURSE, id: "mod-1", kind: "problem", objectives: ["lref-1", "lref-2"] },
  ];
  const GOAL = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

  it("stores objective targets, topics and completion criteria defaults", async () => {
    await ok([
      ...setup,
      {
        type: "goal",
        id: GOAL,
        course_id: COURSE,
        name: "Unit 1",
        targets: ["lref-1", "lref-2"],
        topics: [{ topic_id: "t1", targets: ["lref-1"] }],
      },
    ]);
    expect(rows(db, `SELECT * FROM goals`)).toEqual([
      {
        id: GOAL,
        course_id: COURSE,
        name: "Unit 1",
        target_kind: "objective",
        targets: '["lref-1","lref-2"]',
        topics: '[{"topic_id":"t1","targets":["lref-1"]}]',
        min_predicted_mastery: 0.95,
        min_consecutive_correct: null,
        min_work_per_target: 0,
        max_work_on_goal: null,
      },
    ]);
  });

  it("stores a streak goal; its mastery threshold defaults to 0 (the streak alone completes a target) unless one is given", async () => {
    await ok([
      ...setup,
      {
        type: "goal",
        id: GOAL,
        course_id: COURSE,
        name: "3 in a row",
        targets: ["lref-1"],
        completion_criteria: { min_consecutive_correct: 3 },
      },
    ]);
    expect(rows(db, `SELECT min_predicted_mastery, min_consecutive_correct FROM goals`)).toEqual([
      { min_predicted_mastery: 0, min_consecutive_correct: 3 },
    ]);
    await ok([
      {
        type: "goal",
        id: GOAL,
        course_id: COURSE,
        name: "both",
        targets: ["lref-1"],
        completion_criteria: { min_consecutive_correct: 2, min_predicted_mastery: 0.9 },
      },
    ]);
    expect(rows(db, `SELECT min_predicted_mastery, min_consecutive_correct FROM goals`)).toEqual([
      { min_predicted_mastery: 0.9, min_consecutive_correct: 2 },
    ]);
  });

  it("refuses a streak that is not a whole number from 1 to 30, on item targets, and unknown criteria", async () => {
    const goal = (criteria: Record<string, unknown>, targets = ["lref-1"]) => ({
      type: "goal",
      id: GOAL,
      course_id: COURSE,
      name: "G",
      targets,
      completion_criteria: criteria,
    });
    expect(
      await errors([
        ...setup,
        goal({ min_consecutive_correct: 0 }),
        goal({ min_consecutive_correct: -2 }),
        goal({ min_consecutive_correct: 2.5 }),
        goal({ min_consecutive_correct: "3" }),
        goal({ min_consecutive_correct: 31 }),
        goal({ min_consecutive_correct: 3 }, ["mod-1"]),
        goal({ min_in_a_row: 3 }),
      ]),
    ).toEqual([
      "line 5: completion_criteria.min_consecutive_correct: must be at least 1",
      "line 6: completion_criteria.min_consecutive_correct: must be at least 1",
      "line 7: completion_criteria.min_consecutive_correct: must be a whole number",
      "line 8: completion_criteria.min_consecutive_correct: expected number, got string",
      "line 9: completion_criteria.min_consecutive_correct: must be at most 30 (work remaining looks 30 attempts ahead)",
      "line 10: completion_criteria.min_consecutive_correct: applies to learning objective targets only, not to item targets",
      "line 11: completion_criteria.min_in_a_row: unknown field",
    ]);
    expect(rows(db, `SELECT * FROM goals`)).toEqual([]);
  });

  it("stores item targets and explicit criteria", async () => {
    await ok([
      ...setup,
      {
        type: "goal",
        id: GOAL,
        course_id: COURSE,
        name: "Practice",
        targets: ["mod-1"],
        completion_criteria: { min_predicted_mastery: 0.8, min_work_per_target: 2, max_work_on_goal: 40 },
      },
    ]);
    expect(
      rows(db, `SELECT target_kind, min_predicted_mastery, min_work_per_target, max_work_on_goal FROM goals`),
    ).toEqual([{ target_kind: "item", min_predicted_mastery: 0.8, min_work_per_target: 2, max_work_on_goal: 40 }]);
  });

  it("refuses mixed, missing and stray targets, and criteria out of range", async () => {
    const goal = (over: Record<string, unknown>) => ({
      type: "goal",
      id: GOAL,
      course_id: COURSE,
      name: "G",
      targets: ["lref-1"],
      ...over,
    });
    expect(
      await errors([
        ...setup,
        goal({ targets: ["lref-1", "mod-1"] }),
        goal({ targets: ["lref-1", "lref-9"] }),
        goal({ topics: [{ topic_id: "t", targets: ["lref-2"] }] }),
        goal({ completion_criteria: { min_predicted_mastery: 1.5 } }),
      ]),
    ).toEqual([
      "line 5: targets: must be objective ids or item ids, not both",
      `line 6: targets: no objective or item lref-9 in course ${COURSE}`,
      "line 7: topics[0].targets: lref-2 is not one of the goal's targets",
      "line 8: completion_criteria.min_predicted_mastery: must be at most 1",
    ]);
  });

  it("refuses, with its line and nothing stored, objectives no item of the goal's course assesses and other courses' items", async () => {
    const OTHER = "course-v1:Org+STAT120+2026_T1";
    const goal = (over: Record<string, unknown>) => ({
      type: "goal",
      id: GOAL,
      course_id: OTHER,
      name: "Peek",
      targets: ["lref-1"],
      ...over,
    });
    await ok(setup);
    expect(
      await errors([
        { type: "course", id: OTHER },
        { type: "objective", id: "lref-3" },
        goal({}),
        goal({ targets: ["lref-3"] }),
        goal({ targets: ["mod-1"] }),
      ]),
    ).toEqual([
      `line 3: targets: objective lref-1 is not assessed by any item of course ${OTHER}`,
      `line 4: targets: objective lref-3 is not assessed by any item of course ${OTHER}`,
      `line 5: targets: no objective or item mod-1 in course ${OTHER}`,
    ]);
    expect(rows(db, `SELECT id FROM courses WHERE id = '${OTHER}'`)).toEqual([]);
  });

  it("takes an objective the goal's course assesses on an earlier line of the same file, as every reference does", async () => {
    const OTHER = "course-v1:Org+STAT120+2026_T1";
    const goal = { type: "goal", id: GOAL, course_id: OTHER, name: "Shared skill", targets: ["lref-1"] };
    const item = { type: "item", course_id: OTHER, id: "stat-1", kind: "problem", objectives: ["lref-1"] };
    await ok(setup);
    expect(await errors([{ type: "course", id: OTHER }, goal, item])).toEqual([
      `line 2: targets: objective lref-1 is not assessed by any item of course ${OTHER}`,
    ]);
    await ok([{ type: "course", id: OTHER }, item, goal]);
    expect(rows(db, `SELECT course_id, target_kind FROM goals`)).toEqual([
      { course_id: OTHER, target_kind: "objective" },
    ]);
  });
});

describe("statement and graded_event", () => {
  it("handles a statement exactly as /xapi/statements does, and a graded event as its door does", async () => {
    const reg = "0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f";
    const counts = await ok([
      { type: "course", id: COURSE },
      { type: "user", id: "u1", username: "lea", external_ids: ["anon-lea"] },
      { type: "enrollment", course_id: COURSE, user: "lea", id: reg },
      { type: "item", course_id: COURSE, id: "mod-1", kind: "problem" },
      {
        type: "statement",
        statement: problemEvaluated(
          {},
          { actor: { objectType: "Agent", account: { homePage: "https://lms.example.com", name: "anon-lea" } } },
        ),
      },
      {
        type: "graded_event",
        registration_id: reg,
        module_id: "mod-1",
        interaction_end_time: "2026-03-11T08:00:00Z",
        is_correct: false,
      },
    ]);
    expect(counts).toMatchObject({
      course: 1,
      user: 1,
      enrollment: 1,
      item: 1,
      statement: 1,
      graded_event: 1,
      goal: 0,
    });
    expect(events(db).map((e) => [e.user_id, e.kind, e.item_id])).toEqual([
      ["u1", "problem_attempt", "block-v1:Org+CS101+2026_T1+type@problem+block@3fc5461f86764ad7"],
      ["u1", "problem_attempt", "mod-1"],
    ]);
  });

  it("reports a bad statement with its field under statement.", async () => {
    const bad = { ...problemEvaluated(), actor: { mbox: "ana@example.com" } };
    expect(await errors([{ type: "statement", statement: bad }])).toEqual([
      "line 1: statement.actor.mbox: must be mailto:<email address>",
    ]);
  });
});
