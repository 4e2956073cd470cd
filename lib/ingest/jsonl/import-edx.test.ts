import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { ingest, rows, importErrors, importOk } from "../test-helpers";

/** Open edX's own shapes through the import: CCX course keys, the profile fields of its learner object. */

let db: Db;
eachTestDb((d) => {
  db = d;
});

const CCX = "ccx-v1:Org+CS101+2026_T1+ccx@15";
const CCX_PROBLEM = "ccx-block-v1:Org+CS101+2026_T1+ccx@15+type@problem+block@loops1";
const GOAL = "0b7c9a2e-1d3f-4e5a-9b6c-7d8e9f0a1b2c";

const ok = (records: unknown[]) => importOk(db, records);
const errors = (records: unknown[]) => importErrors(db, records);

const CCX_STATEMENT = {
  id: "f0e1d2c3-b4a5-4968-8776-655443322110",
  actor: { objectType: "Agent", account: { homePage: "https://lms.example.com", name: "ada-anon" } },
  verb: { id: "https://w3id.org/xapi/acrossx/verbs/evaluated", display: { en: "evaluated" } },
  object: { id: `https://lms.example.com/xblock/${CCX_PROBLEM}`, objectType: "Activity" },
  result: { success: true },
  timestamp: "2026-03-10T10:00:00Z",
};

describe("CCX course keys (with @)", () => {
  it("are taken by the course, staff, enrollment, item and goal records", async () => {
    await ok([
      { type: "course", id: CCX, title: "CCX 15" },
      { type: "user", id: "u1", username: "ada" },
      { type: "user", id: "u2", username: "coach" },
      { type: "staff", course_id: CCX, user: "coach", role: "instructor" },
      { type: "enrollment", course_id: CCX, user: "ada", mode: "verified" },
      { type: "objective", id: "lref-loops" },
      { type: "item", course_id: CCX, id: CCX_PROBLEM, kind: "problem", objectives: ["lref-loops"] },
      { type: "goal", id: GOAL, course_id: CCX, name: "Week 1", targets: ["lref-loops"] },
    ]);
    expect(rows(db, `SELECT id, title FROM courses`)).toEqual([{ id: CCX, title: "CCX 15" }]);
    expect(rows(db, `SELECT course_id, user_id, role FROM course_staff`)).toEqual([
      { course_id: CCX, user_id: "u2", role: "instructor" },
    ]);
    expect(rows(db, `SELECT course_id, user_id, mode FROM enrollments`)).toEqual([
      { course_id: CCX, user_id: "u1", mode: "verified" },
    ]);
    expect(rows(db, `SELECT course_id, id FROM items`)).toEqual([{ course_id: CCX, id: CCX_PROBLEM }]);
    expect(rows(db, `SELECT course_id, id FROM goals`)).toEqual([{ course_id: CCX, id: GOAL }]);
  });

  it("name the same course a statement created, so a course record can give it its title", async () => {
    ingest(db, [CCX_STATEMENT]);
    expect(rows(db, `SELECT id FROM courses`)).toEqual([{ id: CCX }]);
    await ok([{ type: "course", id: CCX, title: "CCX 15" }]);
    expect(rows(db, `SELECT id, title FROM courses`)).toEqual([{ id: CCX, title: "CCX 15" }]);
  });

  it("still refuse a course id with characters a path or query would need escaped", async () => {
    expect(
      await errors([
        { type: "course", id: "course-v1:Org+C+R?x=1" },
        { type: "course", id: "a b" },
        { type: "course", id: "50%" },
      ]),
    ).toEqual([
      "line 1: id: must be 1–255 characters of A-Z a-z 0-9 : + . _ ~ / @ -",
      "line 2: id: must be 1–255 characters of A-Z a-z 0-9 : + . _ ~ / @ -",
      "line 3: id: must be 1–255 characters of A-Z a-z 0-9 : + . _ ~ / @ -",
    ]);
  });
});

describe("a user's Open edX profile fields", () => {
  const PROFILE = {
    location: "Madrid, near the Retiro",
    mailing_address: "Calle Mayor 1\n28013 Madrid",
    goals: "Learn to program",
  };

  it("are stored, kept when left out and cleared by null", async () => {
    await ok([
      {
        type: "user",
        id: "4242",
        username: "ana",
        language: "es",
        country: "ES",
        city: "Madrid",
        gender: "f",
        year_of_birth: 1990,
        level_of_education: "m",
        ...PROFILE,
      },
    ]);
    const read = () =>
      rows(
        db,
        `SELECT language, country, city, gender, year_of_birth, level_of_education, location, mailing_address, goals FROM users`,
      )[0];
    expect(read()).toEqual({
      language: "es",
      country: "ES",
      city: "Madrid",
      gender: "f",
      year_of_birth: 1990,
      level_of_education: "m",
      ...PROFILE,
    });
    await ok([{ type: "user", id: "4242", name: "Ana", goals: null }]);
    expect(read()).toMatchObject({ location: PROFILE.location, mailing_address: PROFILE.mailing_address, goals: null });
  });

  it("are null for a user an xAPI statement created, until a user record names its external id", async () => {
    ingest(db, [CCX_STATEMENT]);
    expect(rows(db, `SELECT location, mailing_address, goals FROM users`)).toEqual([
      { location: null, mailing_address: null, goals: null },
    ]);
    await ok([{ type: "user", id: "4242", external_ids: ["ada-anon"], ...PROFILE }]);
    expect(rows(db, `SELECT location, mailing_address, goals FROM users`)).toEqual([PROFILE]);
  });

  it("refuse what is not text", async () => {
    expect(await errors([{ type: "user", username: "ana", location: 7, mailing_address: ["x"], goals: {} }])).toEqual([
      "line 1: location: expected string, got number",
      "line 1: mailing_address: expected string, got array",
      "line 1: goals: expected string, got object",
    ]);
  });
});
