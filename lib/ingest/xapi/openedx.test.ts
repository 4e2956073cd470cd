import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDb } from "@/lib/testing/db";
import { events, ingest, rows } from "../test-helpers";
import {
  blockIri,
  blockProgressed,
  COURSE_KEY,
  courseIri,
  courseOutcome,
  forumPosted,
  gradeEarned,
  LMS,
  multiQuestionProblem,
  navigated,
  problemBrowserAttempted,
  problemEvaluated,
  problemSubmitted,
  registered,
  unregistered,
  videoCompleted,
  videoPlayed,
} from "./test-statements";

/**
 * Statements in the shapes Open edX's event-routing-backends sends (current and older versions)
 * are accepted as they are, stored unchanged, and mapped.
 */

const legacyVideoLoaded = {
  id: "b1b5e6f0-8f0a-4d55-9a55-0d1f5f0c2a11",
  actor: { objectType: "Agent", openid: "https://openedx.org/users/user-v1/32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb" },
  object: {
    definition: {
      extensions: { code: "b7xgknqkQk8" },
      name: { en: "Intro video" },
      type: "https://w3id.org/xapi/video/activity-type/video",
    },
    id: "block-v1:Org+CS101+2026_T1+type@video+block@0b9e39477cf34507",
    objectType: "Activity",
  },
  context: {
    contextActivities: {
      category: [{ id: "https://w3id.org/xapi/video/activity-type/video", objectType: "Activity" }],
      parent: [{ id: `${LMS}/courses/${COURSE_KEY}/`, objectType: "Activity" }],
    },
    extensions: { "https://w3id.org/xapi/video/extensions/length": "PT3M15S" },
    registration: "32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb",
  },
  timestamp: "2020-07-15T06:43:07.277053+00:00",
  verb: { display: { en: "initialized" }, id: "http://adlnet.gov/expapi/verbs/initialized" },
  version: "1.0.3",
};

const legacyCourseCompleted = {
  id: "c2b5e6f0-8f0a-4d55-9a55-0d1f5f0c2a12",
  actor: { objectType: "Agent", openid: "https://openedx.org/users/user-v1/32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb" },
  context: { registration: "32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb", extensions: { eventVersion: 1.0 } },
  object: {
    definition: { name: { en: "Demonstration Course" }, type: "http://adlnet.gov/expapi/activities/course" },
    id: `${LMS}/courses/${COURSE_KEY}/`,
    objectType: "Activity",
  },
  timestamp: "2020-07-15T06:36:01.917775+00:00",
  verb: { display: { en: "completed" }, id: "http://adlnet.gov/expapi/verbs/completed" },
  version: "1.0.3",
};

const timedExamSubmitted = {
  id: "d3b5e6f0-8f0a-4d55-9a55-0d1f5f0c2a13",
  version: "1.0.3",
  actor: { objectType: "Agent", account: { name: "32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb", homePage: LMS } },
  verb: { id: "http://adlnet.gov/expapi/verbs/terminated", display: { en: "terminated" } },
  object: {
    id: "block-v1:Org+CS101+2026_T1+type@sequential+block@5b4bf8d7d41c4070",
    objectType: "Activity",
    definition: {
      name: { en: "Midterm" },
      type: "https://w3id.org/xapi/openedx/activity/timed-assessment",
      extensions: { "https://w3id.org/xapi/acrossx/extensions/time-limit": 60 },
    },
  },
  timestamp: "2026-03-09T16:20:53.604375+00:00",
  context: {
    contextActivities: {
      parent: [
        {
          id: courseIri(),
          objectType: "Activity",
          definition: { name: { "en-US": "CS101" }, type: "http://adlnet.gov/expapi/activities/course" },
        },
      ],
      grouping: [
        {
          id: "438AD672-DE2C-4F0B-8876-35444E7DD746",
          objectType: "Activity",
          definition: {
            name: { en: "Midterm" },
            type: "http://adlnet.gov/expapi/activities/attempt",
            extensions: {
              "http://id.tincanapi.com/extension/duration": 1368.77,
              "http://id.tincanapi.com/extension/attempt-id": 1,
            },
          },
        },
      ],
    },
    extensions: { "https://w3id.org/xapi/openedx/extension/transformer-version": "event-routing-backends@9.3.0" },
  },
};

const CASES: [string, Record<string, unknown>[], string[]][] = [
  ["problem_check (server): evaluated", [problemEvaluated()], ["problem_attempt"]],
  ["problem_check (browser): attempted without result", [problemBrowserAttempted()], []],
  ["edx.grades.problem.submitted: attempted with result", [problemSubmitted()], ["problem_attempt"]],
  [
    "problem_check with several questions: GroupActivity parent and children",
    multiQuestionProblem(),
    ["problem_attempt"],
  ],
  ["edx.video.played", [videoPlayed()], ["video_play"]],
  ["complete_video", [videoCompleted()], ["video_play", "item_completed"]],
  ["edx.forum.thread.created: posted", [forumPosted()], ["discussion_post"]],
  ["edx.course.enrollment.activated: registered", [registered("honor")], []],
  ["edx.course.enrollment.deactivated: unregistered", [unregistered()], []],
  ["edx.course.grade.passed.first_time", [courseOutcome("passed")], []],
  ["edx.course.grade.now_failed", [courseOutcome("failed")], []],
  ["edx.grades.course.grade_calculated: earned", [gradeEarned(0.93)], []],
  ["edx.completion.block_completion.changed: progressed", [blockProgressed("problem", "7c54")], ["item_completed"]],
  ["edx.ui.lms.sequence.next_selected: navigated", [navigated()], []],
  ["timed exam submitted (grouping id is a bare UUID)", [timedExamSubmitted], []],
  ["legacy load_video (openid actor, /courses/ parent, category)", [legacyVideoLoaded], []],
  ["legacy edx.course.completed (extension key eventVersion)", [legacyCourseCompleted], []],
];

describe("Open edX event-routing-backends statements", () => {
  let t: ReturnType<typeof createTestDb>;
  let db: Db;
  beforeAll(() => {
    t = createTestDb();
    db = t.db;
  });
  afterAll(() => t.close());

  it.each(CASES)("%s is accepted unmodified and mapped", (_name, statements, expected) => {
    const before = events(db).length;
    const originals = structuredClone(statements);
    const { ids } = ingest(db, statements);
    expect(statements).toEqual(originals);
    for (const [i, id] of ids.entries()) {
      const [row] = rows<{ raw: string }>(db, `SELECT raw FROM statements WHERE id = ?`, id);
      expect(JSON.parse(row!.raw)).toEqual(originals[i]);
    }
    expect(
      events(db)
        .slice(before)
        .map((e) => e.kind),
    ).toEqual(expected);
  });

  it("puts everything of the account actor in one course, on one learner, with block items", () => {
    expect(rows(db, `SELECT DISTINCT course_id FROM events`)).toEqual([{ course_id: COURSE_KEY }]);
    expect(rows(db, `SELECT COUNT(DISTINCT user_id) AS n FROM events`)).toEqual([{ n: 1 }]);
    expect(
      rows(db, `SELECT kind FROM items WHERE id = ?`, blockIri("video", "0b9e39477cf34507").split("/xblock/")[1]),
    ).toEqual([{ kind: "video" }]);
  });

  it("legacy /courses/…/ IRIs and openid actors land in the same course", () => {
    expect(rows(db, `SELECT id FROM courses`)).toEqual([{ id: COURSE_KEY }]);
    expect(rows(db, `SELECT completion_status FROM enrollments ORDER BY completion_status`)).toEqual([
      { completion_status: "complete" },
      { completion_status: "failed" },
    ]);
  });
});
