import type { XapiActivity, XapiStatement } from "./schema";

/** Which course and which item a statement is about (`docs/import-format.md` § xAPI statements). */

export const COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";

export interface CourseTarget {
  id: string;
  title: string;
}

export interface ItemTarget {
  id: string;
  /** From the Open edX block type or the activity type; null when neither tells. */
  kind: string | null;
  title: string;
}

export interface StatementTargets {
  /** Null when nothing in the statement names a course. */
  course: CourseTarget | null;
  /** The object is the course itself (course-level verbs apply). */
  objectIsCourse: boolean;
  /** The object as an item; null when the object is the course or not an Activity. */
  item: ItemTarget | null;
}

const BLOCK_RE = /(?:^|\/)((?:ccx-)?block-v1:[^/?#\s]+)/;
const BLOCK_TYPE_RE = /\+type@([^+]+)\+block@/;
const COURSE_PATH_RE = /\/courses?\/(.+)$/;

/** The `block-v1:…` key of an Open edX block IRI (`…/xblock/block-v1:Org+C+R+type@problem+block@x`). */
export function blockKeyOf(iri: string): string | null {
  return BLOCK_RE.exec(iri)?.[1] ?? null;
}

/**
 * The course id of a course IRI: what follows `/course/` (also the legacy `/courses/…/`, trailing
 * slashes dropped), else the whole IRI. An Open edX key (`course-v1:`, `ccx-v1:`) ends at the
 * next slash (legacy IRIs go on with `/about` and the like).
 */
export function courseIdFromIri(iri: string): string {
  const m = COURSE_PATH_RE.exec(iri);
  if (!m) return iri;
  const rest = m[1]!;
  if (/^(course|ccx)-v1:/.test(rest)) return rest.split("/")[0]!;
  return rest.replace(/\/+$/, "") || iri;
}

/** The course key inside a block key: `block-v1:Org+C+R+type@…` → `course-v1:Org+C+R`. */
export function courseIdFromBlock(blockKey: string): string | null {
  const m = /^(ccx-)?block-v1:(?:course-v1:)?(.+?)\+type@/.exec(blockKey);
  if (!m) return null;
  return `${m[1] ? "ccx-v1" : "course-v1"}:${m[2]}`;
}

/** Item kind from an activity type IRI (`docs/import-format.md`): interactions and questions are problems, etc. */
export function kindFromActivityType(type: string | undefined): string | null {
  if (!type) return null;
  const last = (type.split(/[/#]/).pop() ?? "").toLowerCase();
  if (last === "cmi.interaction" || last === "interaction" || last === "question") return "problem";
  if (last === "video") return "video";
  if (last === "discussion") return "discussion";
  if (last.includes("assessment")) return "assessment";
  return /^[a-z0-9][a-z0-9._-]*$/.test(last) ? last : null;
}

function isCourseActivity(activity: XapiActivity): boolean {
  if (activity.definition?.type === COURSE_TYPE) return true;
  return COURSE_PATH_RE.test(activity.id) && blockKeyOf(activity.id) === null;
}

/** An activity's display name: `en-US`, then `en`, then any language. */
function activityTitle(activity: XapiActivity): string {
  const name = activity.definition?.name;
  if (!name) return "";
  return name["en-US"] ?? name.en ?? Object.values(name)[0] ?? "";
}

function courseTarget(activity: XapiActivity): CourseTarget {
  return { id: courseIdFromIri(activity.id), title: activityTitle(activity) };
}

function itemTarget(activity: XapiActivity): ItemTarget {
  const block = blockKeyOf(activity.id);
  const blockKind = block ? (BLOCK_TYPE_RE.exec(block)?.[1] ?? null) : null;
  return {
    id: block ?? activity.id,
    kind: blockKind ?? kindFromActivityType(activity.definition?.type),
    title: activityTitle(activity),
  };
}

/**
 * The course: the object itself when it is a course; else the first parent (then grouping)
 * context activity that is one; else the course key inside an Open edX block IRI (old
 * event-routing-backends versions sent no course context).
 */
export function statementTargets(statement: XapiStatement): StatementTargets {
  const object = statement.object;
  if (object.objectType === "Activity" && isCourseActivity(object)) {
    return { course: courseTarget(object), objectIsCourse: true, item: null };
  }
  const item = object.objectType === "Activity" ? itemTarget(object) : null;
  const ca = statement.context?.contextActivities;
  const fromContext = ca?.parent?.find(isCourseActivity) ?? ca?.grouping?.find(isCourseActivity);
  if (fromContext) return { course: courseTarget(fromContext), objectIsCourse: false, item };
  const block = object.objectType === "Activity" ? blockKeyOf(object.id) : null;
  const blockCourse = block ? courseIdFromBlock(block) : null;
  return { course: blockCourse ? { id: blockCourse, title: "" } : null, objectIsCourse: false, item };
}
