import { LMS_URL, type DemoCourse, type DemoItem } from "./catalog";

/**
 * xAPI statements shaped like Open edX event-routing-backends output (actor account with the
 * LMS as homePage and the anonymous user id as name, block and course IRIs, the course as
 * `context.contextActivities.parent`, transformer-version and session-id extensions, version
 * 1.0.3), wrapped as `statement` import records. They are assembled from pre-built JSON
 * fragments rather than JSON.stringify: the benchmark writes ~10M of them. Every interpolated
 * value is an id, number or fixed title we control, and the titles go through JSON.stringify.
 */

const verb = (id: string, display: string): string => `"verb":{"id":"${id}","display":{"en":"${display}"}}`;

const VERB = {
  registered: verb("http://adlnet.gov/expapi/verbs/registered", "registered"),
  unregistered: verb("http://id.tincanapi.com/verb/unregistered", "unregistered"),
  launched: verb("http://adlnet.gov/expapi/verbs/launched", "launched"),
  evaluated: verb("https://w3id.org/xapi/acrossx/verbs/evaluated", "evaluated"),
  played: verb("https://w3id.org/xapi/video/verbs/played", "played"),
  completed: verb("http://adlnet.gov/expapi/verbs/completed", "completed"),
  progressed: verb("http://adlnet.gov/expapi/verbs/progressed", "progressed"),
  posted: verb("https://w3id.org/xapi/acrossx/verbs/posted", "posted"),
  submitted: verb("http://activitystrea.ms/schema/1.0/submit", "submitted"),
  scored: verb("http://adlnet.gov/expapi/verbs/scored", "scored"),
  passed: verb("http://adlnet.gov/expapi/verbs/passed", "passed"),
  failed: verb("http://adlnet.gov/expapi/verbs/failed", "failed"),
  earned: verb("http://id.tincanapi.com/verb/earned", "earned"),
} as const;

export const GOAL_EXTENSION = "urn:lantern:goal_id";
const TRANSFORMER = `"https://w3id.org/xapi/openedx/extension/transformer-version":"event-routing-backends@9.3.0"`;
const SESSION = `"https://w3id.org/xapi/openedx/extensions/session-id":"`;
const VIDEO_TIME = `"https://w3id.org/xapi/video/extensions/time":`;
const COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";

const ITEM_TYPE: Record<DemoItem["kind"], string> = {
  problem: "http://adlnet.gov/expapi/activities/cmi.interaction",
  video: "https://w3id.org/xapi/video/activity-type/video",
  discussion: "http://id.tincanapi.com/activitytype/discussion",
  html: "http://id.tincanapi.com/activitytype/resource",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
};

export const MODES = ["audit", "honor", "verified"] as const;
export type Mode = (typeof MODES)[number];

/** The fragments of one course, built once. */
export interface CourseXapi {
  parent: string;
  object: string;
  objectByMode: Record<Mode, string>;
  /** Object JSON per item, indexed by `position − 1`; for problems only the part before the attempt number. */
  items: string[];
}

export function courseXapi(course: DemoCourse): CourseXapi {
  const name = JSON.stringify(course.spec.title);
  const courseObject = (ext: string): string =>
    `{"id":"${course.iri}","objectType":"Activity","definition":{"type":"${COURSE_TYPE}","name":{"en":${name}}${ext}}}`;
  const byMode = {} as Record<Mode, string>;
  for (const m of MODES)
    byMode[m] = courseObject(`,"extensions":{"https://w3id.org/xapi/acrossx/extensions/type":"${m}"}`);
  return {
    parent: `"contextActivities":{"parent":[{"id":"${course.iri}","objectType":"Activity","definition":{"name":{"en-US":${name}},"type":"${COURSE_TYPE}"}}]}`,
    object: courseObject(""),
    objectByMode: byMode,
    items: course.items.map((item) => {
      const head = `{"id":"${item.iri}","objectType":"Activity","definition":{"type":"${ITEM_TYPE[item.kind]}"`;
      if (item.kind === "problem")
        return `${head},"interactionType":"choice","extensions":{"http://id.tincanapi.com/extension/attempt-id":`;
      if (item.kind === "discussion" || item.kind === "html") return `${head}}}`;
      return `${head},"name":{"en-US":${JSON.stringify(item.title)}}}}`;
    }),
  };
}

const MICROS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/** Open edX writes microseconds and `+00:00`; the extra three digits come from the caller's PRNG. */
export function timestamp(ms: number, micros: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${MICROS[micros % 1000]}+00:00`;
}

export function actorOf(anonymousId: string): string {
  return `{"objectType":"Agent","account":{"homePage":"${LMS_URL}","name":"${anonymousId}"}}`;
}

/** Who, where and when, shared by the statements of one learner session in one course. */
export interface Scope {
  actor: string;
  course: CourseXapi;
  session: string;
}

function record(
  id: string,
  s: Scope,
  verbJson: string,
  object: string,
  result: string,
  context: string,
  ts: string,
): string {
  return `{"type":"statement","statement":{"id":"${id}","actor":${s.actor},${verbJson},"object":${object}${result},"context":${context},"timestamp":"${ts}","version":"1.0.3"}}`;
}

const itemContext = (s: Scope, extra = ""): string =>
  `{${s.course.parent},"extensions":{${TRANSFORMER},${SESSION}${s.session}"${extra}}}`;
const courseContext = (s: Scope): string => `{"extensions":{${TRANSFORMER},${SESSION}${s.session}"}}`;

export function enrolment(id: string, s: Scope, ts: string, mode: Mode, registered: boolean): string {
  return record(
    id,
    s,
    registered ? VERB.registered : VERB.unregistered,
    s.course.objectByMode[mode],
    "",
    courseContext(s),
    ts,
  );
}

export function launched(id: string, s: Scope, ts: string): string {
  return record(id, s, VERB.launched, s.course.object, "", courseContext(s), ts);
}

export interface GoalScope {
  goalId: string;
  registration: string;
}

/** A server-side problem check (`problem_check` → evaluated), optionally scoped to a Knewton goal. */
export function evaluated(
  id: string,
  s: Scope,
  ts: string,
  item: DemoItem,
  attempt: number,
  correct: boolean,
  goal?: GoalScope,
): string {
  const object = `${s.course.items[item.position - 1]}${attempt}}}}`;
  const v = correct ? 1 : 0;
  const result = `,"result":{"success":${correct},"score":{"scaled":${v},"raw":${v},"min":0,"max":1},"response":"choice_${correct ? 1 : 2 + (attempt % 3)}"}`;
  const context = goal
    ? `{"registration":"${goal.registration}",${s.course.parent},"extensions":{${TRANSFORMER},${SESSION}${s.session}","${GOAL_EXTENSION}":"${goal.goalId}"}}`
    : itemContext(s);
  return record(id, s, VERB.evaluated, object, result, context, ts);
}

export function videoPlayed(id: string, s: Scope, ts: string, item: DemoItem, at: number): string {
  const context = itemContext(s, `,"https://w3id.org/xapi/video/extensions/length":${item.videoSeconds}`);
  return record(
    id,
    s,
    VERB.played,
    s.course.items[item.position - 1] as string,
    `,"result":{"extensions":{${VIDEO_TIME}${at}}}`,
    context,
    ts,
  );
}

export function videoCompleted(id: string, s: Scope, ts: string, item: DemoItem, watchedSeconds: number): string {
  const context = itemContext(s, `,"https://w3id.org/xapi/video/extensions/length":${item.videoSeconds}`);
  const result = `,"result":{"completion":true,"duration":"PT${watchedSeconds}S","extensions":{${VIDEO_TIME}${item.videoSeconds}}}`;
  return record(id, s, VERB.completed, s.course.items[item.position - 1] as string, result, context, ts);
}

/** `edx.completion.block_completion.changed` → progressed with completion. */
export function progressed(id: string, s: Scope, ts: string, item: DemoItem): string {
  const object = `{"id":"${item.iri}","objectType":"Activity","definition":{"type":"${ITEM_TYPE.html}"}}`;
  const result = `,"result":{"completion":true,"extensions":{"https://w3id.org/xapi/cmi5/result/extensions/progress":100}}`;
  return record(id, s, VERB.progressed, object, result, itemContext(s), ts);
}

export function pageCompleted(id: string, s: Scope, ts: string, item: DemoItem, seconds: number): string {
  return record(
    id,
    s,
    VERB.completed,
    s.course.items[item.position - 1] as string,
    `,"result":{"completion":true,"duration":"PT${seconds}S"}`,
    itemContext(s),
    ts,
  );
}

/** Forum thread or response created; the object is the course's inline discussion block. */
export function posted(id: string, s: Scope, ts: string, item: DemoItem): string {
  const context = itemContext(s, `,"https://w3id.org/xapi/acrossx/extensions/type":"discussion"`);
  return record(id, s, VERB.posted, s.course.items[item.position - 1] as string, "", context, ts);
}

export function submitted(id: string, s: Scope, ts: string, item: DemoItem, seconds: number): string {
  return record(
    id,
    s,
    VERB.submitted,
    s.course.items[item.position - 1] as string,
    `,"result":{"duration":"PT${seconds}S"}`,
    itemContext(s),
    ts,
  );
}

const score100 = (score: number): string => `"score":{"scaled":${score / 100},"raw":${score},"min":0,"max":100}`;

export function scored(id: string, s: Scope, ts: string, item: DemoItem, score: number): string {
  const success = item.minScore === null || score >= item.minScore;
  return record(
    id,
    s,
    VERB.scored,
    s.course.items[item.position - 1] as string,
    `,"result":{"success":${success},${score100(score)}}`,
    itemContext(s),
    ts,
  );
}

/** Course grade (`edx.grades.course.grade_calculated` → earned) with its pass/fail classification. */
export function courseEarned(id: string, s: Scope, ts: string, score: number, passed: boolean): string {
  const result = `,"result":{${score100(score)},"extensions":{"http://www.tincanapi.co.uk/activitytypes/grade_classification":"${passed ? "Pass" : "Fail"}"}}`;
  return record(id, s, VERB.earned, s.course.object, result, itemContext(s), ts);
}

/** Course completion: passed/failed against a passing score, or completed when there is none. */
export function courseCompleted(
  id: string,
  s: Scope,
  ts: string,
  score: number,
  outcome: "passed" | "failed" | "completed",
): string {
  const result =
    outcome === "completed"
      ? `,"result":{"completion":true}`
      : `,"result":{"success":${outcome === "passed"},"completion":true,${score100(score)}}`;
  return record(id, s, VERB[outcome], s.course.object, result, courseContext(s), ts);
}
