import { describe, expect, it } from "vitest";
import { blockKeyOf, courseIdFromBlock, courseIdFromIri, kindFromActivityType, statementTargets } from "./targets";
import {
  blockIri,
  COURSE_KEY,
  courseIri,
  forumPosted,
  LMS,
  multiQuestionProblem,
  problemEvaluated,
  registered,
} from "./test-statements";
import { validateStatement } from "./validate";

describe("course ids", () => {
  it.each([
    [`${LMS}/course/course-v1:Org+CS101+2026_T1`, "course-v1:Org+CS101+2026_T1"],
    [`${LMS}/course/ccx-v1:Org+CS101+2026_T1+ccx@3`, "ccx-v1:Org+CS101+2026_T1+ccx@3"],
    ["http://localhost:18000/courses/course-v1:edX+DemoX+Demo_Course/", "course-v1:edX+DemoX+Demo_Course"],
    ["https://moodle.example.com/course/view.php?id=7", "view.php?id=7"],
    ["https://example.com/paths/42", "https://example.com/paths/42"],
  ])("%s → %s", (iri, id) => expect(courseIdFromIri(iri)).toBe(id));

  it("finds the course key inside a block key", () => {
    expect(courseIdFromBlock("block-v1:Org+CS101+2026_T1+type@problem+block@abc")).toBe(COURSE_KEY);
    expect(courseIdFromBlock("ccx-block-v1:Org+CS101+2026_T1+ccx@3+type@video+block@v1")).toBe(
      "ccx-v1:Org+CS101+2026_T1+ccx@3",
    );
  });
});

describe("items", () => {
  it("takes the block-v1 part of an Open edX block IRI", () => {
    expect(blockKeyOf(blockIri("problem", "abc"))).toBe("block-v1:Org+CS101+2026_T1+type@problem+block@abc");
    expect(blockKeyOf("block-v1:edX+DemoX+Demo_Course+type@problem+block@3fc5")).toBe(
      "block-v1:edX+DemoX+Demo_Course+type@problem+block@3fc5",
    );
    expect(blockKeyOf(`${LMS}/api/discussion/v1/threads/64ab`)).toBeNull();
  });

  it.each([
    ["http://adlnet.gov/expapi/activities/cmi.interaction", "problem"],
    ["http://adlnet.gov/expapi/activities/question", "problem"],
    ["https://w3id.org/xapi/video/activity-type/video", "video"],
    ["http://id.tincanapi.com/activitytype/discussion", "discussion"],
    ["http://adlnet.gov/expapi/activities/assessment", "assessment"],
    ["https://w3id.org/xapi/openedx/activity/timed-assessment", "assessment"],
    ["http://adlnet.gov/expapi/activities/lesson", "lesson"],
  ])("activity type %s → kind %s", (type, kind) => expect(kindFromActivityType(type)).toBe(kind));
});

describe("statementTargets", () => {
  it("uses the object itself for a course-level statement", () => {
    const t = statementTargets(validateStatement(registered()));
    expect(t).toMatchObject({
      course: { id: COURSE_KEY, title: "Demonstration Course" },
      objectIsCourse: true,
      item: null,
    });
  });

  it("takes the course from the parent context activity and the item kind from the block type", () => {
    const t = statementTargets(validateStatement(problemEvaluated({ block: "b1" })));
    expect(t.course?.id).toBe(COURSE_KEY);
    expect(t.item).toMatchObject({ id: "block-v1:Org+CS101+2026_T1+type@problem+block@b1", kind: "problem" });
  });

  it("skips a parent that is not a course and falls back to grouping", () => {
    const [, child] = multiQuestionProblem();
    const t = statementTargets(validateStatement(child));
    expect(t.course?.id).toBe(COURSE_KEY);
  });

  it("takes the kind from the activity type when the IRI is not a block", () => {
    const t = statementTargets(validateStatement(forumPosted("t1")));
    expect(t.item).toMatchObject({ id: `${LMS}/api/discussion/v1/threads/t1`, kind: "discussion" });
  });

  it("falls back to the course inside a block IRI when the statement has no context", () => {
    const s = problemEvaluated() as Record<string, unknown>;
    delete s.context;
    expect(statementTargets(validateStatement(s)).course?.id).toBe(COURSE_KEY);
  });

  it("recognises a course by /course/ in its IRI when it has no type", () => {
    const s = forumPosted("t1", {
      context: { contextActivities: { parent: [{ id: courseIri("course-v1:Org+X+1") }] } },
    });
    expect(statementTargets(validateStatement(s)).course?.id).toBe("course-v1:Org+X+1");
  });
});
