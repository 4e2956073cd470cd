import { randomUUID } from "node:crypto";

/**
 * Factories for statements shaped as Open edX's event-routing-backends emits them (account actor
 * with the anonymous user id, course as the parent context activity, block IRIs under /xblock/),
 * for tests. Each returns a fresh object; `over` replaces top-level members.
 */

export const LMS = "https://lms.example.com";
export const COURSE_KEY = "course-v1:Org+CS101+2026_T1";
export const ANON_ID = "32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb";
export const TRANSFORMER = "https://w3id.org/xapi/openedx/extension/transformer-version";
export const SESSION = "https://w3id.org/xapi/openedx/extensions/session-id";

export const courseIri = (key = COURSE_KEY) => `${LMS}/course/${key}`;
export const blockKey = (type: string, id: string, key = COURSE_KEY) =>
  `block-v1:${key.replace(/^course-v1:/, "")}+type@${type}+block@${id}`;
export const blockIri = (type: string, id: string, key = COURSE_KEY) => `${LMS}/xblock/${blockKey(type, id, key)}`;

type Json = Record<string, unknown>;

export function agent(name = ANON_ID): Json {
  return { objectType: "Agent", account: { homePage: LMS, name } };
}

function courseActivity(key = COURSE_KEY, nameKey = "en-US"): Json {
  return {
    id: courseIri(key),
    objectType: "Activity",
    definition: { name: { [nameKey]: "Demonstration Course" }, type: "http://adlnet.gov/expapi/activities/course" },
  };
}

function context(extra: Json = {}, key = COURSE_KEY): Json {
  return {
    contextActivities: { parent: [courseActivity(key)] },
    extensions: { [TRANSFORMER]: "event-routing-backends@9.3.0", [SESSION]: "054c9ddcb76d2096f862e66bda3bc308" },
    ...extra,
  };
}

function base(verb: string, display: string, object: Json, over: Json): Json {
  return {
    id: randomUUID(),
    actor: agent(),
    verb: { id: verb, display: { en: display } },
    object,
    timestamp: "2026-03-10T14:39:26.906232+00:00",
    version: "1.0.3",
    ...over,
  };
}

/** problem_check (server): evaluated with a score. */
export function problemEvaluated(
  opts: { block?: string; success?: boolean; raw?: number; max?: number } = {},
  over: Json = {},
): Json {
  const { block = "3fc5461f86764ad7", success = true, raw = success ? 1 : 0, max = 1 } = opts;
  return base(
    "https://w3id.org/xapi/acrossx/verbs/evaluated",
    "evaluated",
    {
      id: blockIri("problem", block),
      objectType: "Activity",
      definition: {
        type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        interactionType: "choice",
        description: { "en-US": "Add the question text, or prompt, here." },
        extensions: { "http://id.tincanapi.com/extension/attempt-id": 10 },
      },
    },
    {
      context: context(),
      result: { response: "a correct answer", score: { min: 0, max, raw, scaled: raw / max }, success },
      ...over,
    },
  );
}

/** problem_check (browser): attempted, no result. */
export function problemBrowserAttempted(block = "3fc5461f86764ad7", over: Json = {}): Json {
  return base(
    "http://adlnet.gov/expapi/verbs/attempted",
    "attempted",
    {
      id: blockIri("problem", block),
      objectType: "Activity",
      definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction" },
    },
    { context: context(), ...over },
  );
}

/** edx.grades.problem.submitted: attempted with a result. */
export function problemSubmitted(block = "3fc5461f86764ad7", success = false, over: Json = {}): Json {
  return base(
    "http://adlnet.gov/expapi/verbs/attempted",
    "attempted",
    {
      id: blockIri("problem", block),
      objectType: "Activity",
      definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction" },
    },
    {
      context: context(),
      result: { score: { min: 0, max: 1, raw: success ? 1 : 0, scaled: success ? 1 : 0 }, success },
      ...over,
    },
  );
}

/** A multi-question problem_check: the GroupActivity parent, then one child per question pointing at it. */
export function multiQuestionProblem(block = "a0effb954cca4759"): Json[] {
  const parentId = randomUUID();
  const group = {
    objectType: "GroupActivity",
    id: blockIri("problem", block),
    definition: {
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      name: { "en-US": "Multiple Choice Questions" },
      interactionType: "other",
    },
  };
  const parent = base("https://w3id.org/xapi/acrossx/verbs/evaluated", "evaluated", group, {
    id: parentId,
    context: context(),
    result: { score: { min: 0, max: 3, raw: 1, scaled: 1 / 3 }, success: false },
  });
  const child = (n: number, response: string) =>
    base(
      "https://w3id.org/xapi/acrossx/verbs/evaluated",
      "evaluated",
      {
        objectType: "Activity",
        id: `${blockIri("problem", block)}_${n}_1`,
        definition: {
          type: "http://adlnet.gov/expapi/activities/cmi.interaction",
          interactionType: "choice",
          description: { "en-US": `Question ${n}` },
        },
      },
      {
        result: { response, success: n === 2 },
        context: {
          statement: { id: parentId, objectType: "StatementRef" },
          contextActivities: { parent: [{ ...group }], grouping: [courseActivity()] },
          extensions: { [TRANSFORMER]: "event-routing-backends@9.3.0", [SESSION]: "97662bef7c463c187b8fd91e0f580468" },
        },
      },
    );
  return [parent, child(2, "yellow"), child(3, "a bookshelf"), child(4, "['a window']")];
}

export function videoPlayed(block = "0b9e39477cf34507", over: Json = {}): Json {
  return base(
    "https://w3id.org/xapi/video/verbs/played",
    "played",
    {
      id: blockIri("video", block),
      objectType: "Activity",
      definition: { type: "https://w3id.org/xapi/video/activity-type/video", name: { "en-US": "Welcome" } },
    },
    {
      context: context({
        extensions: {
          "https://github.com/openedx/event-routing-backends/blob/master/docs/xapi-extensions/eventVersion.rst": "1.0",
          "https://w3id.org/xapi/video/extensions/length": 195.0,
        },
      }),
      result: { extensions: { "https://w3id.org/xapi/video/extensions/time": 0.033 } },
      ...over,
    },
  );
}

export function videoCompleted(block = "0b9e39477cf34507", over: Json = {}): Json {
  return base(
    "http://adlnet.gov/expapi/verbs/completed",
    "completed",
    {
      id: blockIri("video", block),
      objectType: "Activity",
      definition: { type: "https://w3id.org/xapi/video/activity-type/video" },
    },
    {
      context: context({ extensions: { "https://w3id.org/xapi/video/extensions/length": 195.0 } }),
      result: {
        extensions: { "https://w3id.org/xapi/video/extensions/time": 195.0 },
        completion: true,
        duration: "PT03M15S",
      },
      ...over,
    },
  );
}

/** edx.forum.thread.created / response.created / comment.created: posted. */
export function forumPosted(thread = "64abcdfee68f35002fd013c6", over: Json = {}): Json {
  return base(
    "https://w3id.org/xapi/acrossx/verbs/posted",
    "posted",
    {
      id: `${LMS}/api/discussion/v1/threads/${thread}`,
      objectType: "Activity",
      definition: { type: "http://id.tincanapi.com/activitytype/discussion" },
    },
    {
      context: context({
        extensions: {
          [TRANSFORMER]: "event-routing-backends@9.3.0",
          "https://w3id.org/xapi/acrossx/extensions/type": "discussion",
        },
      }),
      ...over,
    },
  );
}

function courseObject(extensions: Json = {}): Json {
  return {
    id: courseIri(),
    objectType: "Activity",
    definition: {
      extensions,
      name: { en: "Demonstration Course" },
      type: "http://adlnet.gov/expapi/activities/course",
    },
  };
}

const enrollmentContext = () => ({
  extensions: { [TRANSFORMER]: "event-routing-backends@9.3.0", [SESSION]: "e4858858443cd99828206e294587dac5" },
});

/** edx.course.enrollment.activated / mode_changed: registered, mode in the acrossx type extension. */
export function registered(mode = "verified", over: Json = {}): Json {
  return base(
    "http://adlnet.gov/expapi/verbs/registered",
    "registered",
    courseObject({ "https://w3id.org/xapi/acrossx/extensions/type": mode }),
    { context: enrollmentContext(), ...over },
  );
}

/** edx.course.enrollment.deactivated. */
export function unregistered(over: Json = {}): Json {
  return base(
    "http://id.tincanapi.com/verb/unregistered",
    "unregistered",
    courseObject({ "https://w3id.org/xapi/acrossx/extensions/type": "verified" }),
    { context: enrollmentContext(), ...over },
  );
}

/** edx.course.grade.passed.first_time / now_passed / now_failed, edx.course.completed. */
export function courseOutcome(verb: "passed" | "failed" | "completed", over: Json = {}): Json {
  return base(`http://adlnet.gov/expapi/verbs/${verb}`, verb, courseObject(), {
    context: enrollmentContext(),
    ...over,
  });
}

/** edx.grades.course.grade_calculated: earned with the course grade. */
export function gradeEarned(scaled: number, over: Json = {}): Json {
  return base("http://id.tincanapi.com/verb/earned", "earned", courseObject(), {
    context: context(),
    result: {
      score: { scaled, raw: scaled, min: 0.0, max: 1.0 },
      extensions: { "http://www.tincanapi.co.uk/activitytypes/grade_classification": scaled >= 0.5 ? "Pass" : "Fail" },
    },
    ...over,
  });
}

/** A course launch as cmi5-style players send it (`launched`/`initialized` on the course). */
export function courseLaunched(verb: "launched" | "initialized" = "launched", over: Json = {}): Json {
  return base(`http://adlnet.gov/expapi/verbs/${verb}`, verb, courseObject(), { context: context(), ...over });
}

/** edx.completion.block_completion.changed: progressed with completion. */
export function blockProgressed(type = "html", block = "7c54b16c8ed34f9f", completion = true, over: Json = {}): Json {
  return base(
    "http://adlnet.gov/expapi/verbs/progressed",
    "progressed",
    {
      id: blockIri(type, block),
      objectType: "Activity",
      definition: { type: "http://id.tincanapi.com/activitytype/resource" },
    },
    {
      context: context(),
      result: { completion, extensions: { "https://w3id.org/xapi/cmi5/result/extensions/progress": 100.0 } },
      ...over,
    },
  );
}

/** edx.ui.lms.sequence.next_selected: navigated (a verb Lantern does not map). */
export function navigated(over: Json = {}): Json {
  return base(
    "https://w3id.org/xapi/dod-isd/verbs/navigated",
    "navigated",
    {
      id: blockIri("vertical", "d0d804e8863c4a95"),
      objectType: "Activity",
      definition: {
        type: "http://id.tincanapi.com/activitytype/resource",
        extensions: { "https://w3id.org/xapi/acrossx/extensions/total-items": 3 },
      },
    },
    {
      context: context({
        extensions: {
          "http://id.tincanapi.com/extension/starting-position": 1,
          "http://id.tincanapi.com/extension/ending-point": "next unit",
        },
      }),
      ...over,
    },
  );
}

/** A generic statement on an activity of this course, for verbs Open edX does not send. */
export function onItem(verb: string, object: Json, over: Json = {}): Json {
  return base(
    verb,
    verb.split("/").pop() ?? verb,
    { objectType: "Activity", ...object },
    { context: context(), ...over },
  );
}
