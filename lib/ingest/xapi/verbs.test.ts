import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { events, ingest, kinds, rows } from "../test-helpers";
import {
  blockIri,
  blockProgressed,
  COURSE_KEY,
  courseLaunched,
  courseOutcome,
  forumPosted,
  gradeEarned,
  multiQuestionProblem,
  navigated,
  onItem,
  problemBrowserAttempted,
  problemEvaluated,
  problemSubmitted,
  registered,
  unregistered,
  videoCompleted,
  videoPlayed,
} from "./test-statements";

let db: Db;
eachTestDb((d) => {
  db = d;
});

const enrollment = () => rows<Record<string, unknown>>(db, `SELECT * FROM enrollments`)[0];
const ADL = "http://adlnet.gov/expapi/verbs";

describe("problem_attempt", () => {
  it("comes from evaluated, with success and the scaled score", () => {
    ingest(db, [problemEvaluated({ success: false, raw: 1, max: 4 })]);
    expect(events(db)).toMatchObject([
      {
        kind: "problem_attempt",
        success: 0,
        score: 0.25,
        item_id: "block-v1:Org+CS101+2026_T1+type@problem+block@3fc5461f86764ad7",
      },
    ]);
  });

  it("comes from answered, and from attempted with a result (edx.grades.problem.submitted)", () => {
    ingest(db, [
      onItem(`${ADL}/answered`, { id: blockIri("problem", "p2") }, { result: { success: true } }),
      problemSubmitted("p3", true),
    ]);
    expect(events(db)).toMatchObject([
      { kind: "problem_attempt", success: 1 },
      { kind: "problem_attempt", success: 1, score: 1 },
    ]);
  });

  it("counts a multi-question problem once: the parent is the attempt, its children add none", () => {
    ingest(db, multiQuestionProblem("mq"));
    expect(events(db)).toMatchObject([
      { kind: "problem_attempt", item_id: "block-v1:Org+CS101+2026_T1+type@problem+block@mq", success: 0 },
    ]);
  });

  it("is not added by a browser-side attempted without a result", () => {
    ingest(db, [problemBrowserAttempted()]);
    expect(kinds(db)).toEqual([]);
  });

  it("needs a problem: evaluated on a video block adds nothing", () => {
    ingest(db, [
      onItem(
        "https://w3id.org/xapi/acrossx/verbs/evaluated",
        { id: blockIri("video", "v9") },
        { result: { success: true } },
      ),
    ]);
    expect(kinds(db)).toEqual([]);
  });

  it("counts in learner_item_day", () => {
    ingest(db, [problemEvaluated({ success: true }), problemEvaluated({ success: false })]);
    expect(rows(db, `SELECT attempts, successes, events FROM learner_item_day`)).toEqual([
      { attempts: 2, successes: 1, events: 2 },
    ]);
  });
});

describe("video_play, discussion_post, course_launch", () => {
  it("played is a video_play; completed on a video is a play and a completion", () => {
    ingest(db, [videoPlayed("v1"), videoCompleted("v1")]);
    expect(kinds(db)).toEqual(["video_play", "video_play", "item_completed"]);
  });

  it("posted and commented are discussion posts", () => {
    ingest(db, [
      forumPosted("t1"),
      onItem(`${ADL}/commented`, {
        id: "https://lms.example.com/api/discussion/v1/comments/c1",
        definition: { type: "http://id.tincanapi.com/activitytype/discussion" },
      }),
    ]);
    expect(kinds(db)).toEqual(["discussion_post", "discussion_post"]);
    expect(rows(db, `SELECT DISTINCT kind, mandatory FROM items`)).toEqual([{ kind: "discussion", mandatory: 0 }]);
  });

  it("launched and initialized on the course are launches; initialized on a video is nothing", () => {
    ingest(db, [
      courseLaunched("launched"),
      courseLaunched("initialized"),
      onItem(`${ADL}/initialized`, { id: blockIri("video", "v1") }),
    ]);
    expect(events(db)).toMatchObject([
      { kind: "course_launch", item_id: "" },
      { kind: "course_launch", item_id: "" },
    ]);
  });
});

describe("item_completed, item_submitted, item_scored", () => {
  it("completed on an item, and progressed with completion, complete it", () => {
    ingest(db, [
      onItem(`${ADL}/completed`, { id: blockIri("html", "h1") }),
      blockProgressed("html", "h2", true),
      blockProgressed("html", "h3", false),
    ]);
    expect(events(db)).toMatchObject([
      { kind: "item_completed", item_id: "block-v1:Org+CS101+2026_T1+type@html+block@h1" },
      { kind: "item_completed", item_id: "block-v1:Org+CS101+2026_T1+type@html+block@h2" },
    ]);
  });

  it("submit is item_submitted", () => {
    ingest(db, [
      onItem("http://activitystrea.ms/schema/1.0/submit", {
        id: "https://example.com/assignments/essay-1",
        definition: { type: "http://adlnet.gov/expapi/activities/assessment" },
      }),
    ]);
    expect(events(db)).toMatchObject([{ kind: "item_submitted", item_id: "https://example.com/assignments/essay-1" }]);
  });

  it("scored, and passed/failed with a score, on an item are item_scored", () => {
    const item = {
      id: "https://example.com/assignments/essay-1",
      definition: { type: "http://adlnet.gov/expapi/activities/assessment" },
    };
    ingest(db, [
      onItem(`${ADL}/scored`, item, { result: { score: { scaled: 0.7 } } }),
      onItem(`${ADL}/passed`, item, { result: { score: { raw: 9, min: 0, max: 10 } } }),
      onItem(`${ADL}/failed`, item, { result: { score: { scaled: 0.2 } } }),
      onItem(`${ADL}/passed`, item),
    ]);
    expect(events(db)).toMatchObject([
      { kind: "item_scored", score: 0.7 },
      { kind: "item_scored", score: 0.9, success: 1 },
      { kind: "item_scored", score: 0.2, success: 0 },
      { kind: "item_completed", success: 1, score: null },
    ]);
  });
});

describe("enrollment and course completion", () => {
  it("registered enrolls with the mode from the acrossx type extension and the statement's time", () => {
    ingest(db, [registered("verified", { timestamp: "2026-03-01T09:00:00Z" })]);
    expect(enrollment()).toMatchObject({
      course_id: COURSE_KEY,
      mode: "verified",
      is_active: 1,
      enrolled_at: "2026-03-01T09:00:00.000Z",
    });
    expect(kinds(db)).toEqual([]);
  });

  it("unregistered deactivates; registered again reactivates and keeps the first enrollment date", () => {
    ingest(db, [
      registered("audit", { timestamp: "2026-03-01T09:00:00Z" }),
      unregistered({ timestamp: "2026-03-05T09:00:00Z" }),
    ]);
    expect(enrollment()).toMatchObject({ is_active: 0, unenrolled_at: "2026-03-05T09:00:00.000Z" });
    ingest(db, [registered("verified", { timestamp: "2026-03-08T09:00:00Z" })]);
    expect(enrollment()).toMatchObject({
      is_active: 1,
      unenrolled_at: null,
      mode: "verified",
      enrolled_at: "2026-03-01T09:00:00.000Z",
    });
  });

  it.each([
    ["passed", "passed"],
    ["failed", "failed"],
    ["completed", "complete"],
  ] as const)("%s on the course sets the completion status %s and date", (verb, status) => {
    ingest(db, [registered(), courseOutcome(verb, { timestamp: "2026-03-12T10:00:00Z" })]);
    expect(enrollment()).toMatchObject({ completion_status: status, completed_at: "2026-03-12T10:00:00.000Z" });
  });

  it("earned on the course sets the score (0–100)", () => {
    ingest(db, [registered(), gradeEarned(0.875)]);
    expect(enrollment()).toMatchObject({ score: 87.5 });
  });

  it("activity before any registration enrolls the learner (active, at the activity's time)", () => {
    ingest(db, [
      videoPlayed("v1", {
        timestamp: "2026-03-03T08:00:00Z",
        context: {
          registration: "0b5f9a4e-8f7e-4e86-9d0b-1f2a3b4c5d6e",
          contextActivities: { parent: [{ id: `https://lms.example.com/course/${COURSE_KEY}` }] },
        },
      }),
    ]);
    expect(enrollment()).toMatchObject({
      id: "0b5f9a4e-8f7e-4e86-9d0b-1f2a3b4c5d6e",
      is_active: 1,
      mode: "audit",
      enrolled_at: "2026-03-03T08:00:00.000Z",
    });
  });
});

describe("time spent, goals and verbs that map to nothing", () => {
  it("result.duration becomes the event's duration", () => {
    ingest(db, [problemEvaluated({}, { result: { success: true, duration: "PT1M30S" } })]);
    expect(events(db)[0]?.duration_ms).toBe(90_000);
  });

  it("a duration on a statement without an event (course completion) adds no time", () => {
    ingest(db, [courseOutcome("completed", { result: { duration: "PT2H" } })]);
    expect(events(db)).toEqual([]);
  });

  it("the urn:lantern:goal_id context extension tags the event", () => {
    const s = problemEvaluated();
    (s.context as { extensions: Record<string, unknown> }).extensions["urn:lantern:goal_id"] =
      "6a1e5f3c-1111-4d2b-9c1a-2b3c4d5e6f70";
    ingest(db, [s]);
    expect(events(db)[0]?.goal_id).toBe("6a1e5f3c-1111-4d2b-9c1a-2b3c4d5e6f70");
  });

  it("an unknown verb is stored and contributes nothing, not even a user", () => {
    const { ids } = ingest(db, [navigated()]);
    expect(rows(db, `SELECT id, verb FROM statements`)).toEqual([
      { id: ids[0], verb: "https://w3id.org/xapi/dod-isd/verbs/navigated" },
    ]);
    expect(kinds(db)).toEqual([]);
    expect(rows(db, `SELECT id FROM users`)).toEqual([]);
  });
});
