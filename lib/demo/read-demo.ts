import type { EventKind } from "@/db/schema";

/**
 * Reads demo JSON Lines back into per-enrolment events with the verb → event table of
 * docs/import-format.md § xAPI statements, without a database. The tests use it to check what the
 * demo would look like once imported; it knows only the shapes the demo writes.
 */

export interface ReadEvent {
  kind: EventKind;
  itemId: string;
  ts: number;
  success: boolean | null;
  goalId: string | null;
}

export interface ReadEnrollment {
  id: string;
  courseId: string;
  username: string;
  isActive: boolean;
  events: ReadEvent[];
}

export interface DemoRead {
  counts: Record<string, number>;
  /** Keyed by `${courseId} ${username}`. */
  enrollments: Map<string, ReadEnrollment>;
  /** Every statement as parsed, for shape checks. */
  statements: Statement[];
}

export interface Statement {
  id: string;
  actor: { objectType: string; account: { homePage: string; name: string } };
  verb: { id: string; display: { en: string } };
  object: { id: string; objectType: string; definition: { type: string; extensions?: Record<string, unknown> } };
  result?: {
    success?: boolean;
    completion?: boolean;
    score?: { scaled: number };
    response?: string;
    duration?: string;
  };
  context: {
    registration?: string;
    contextActivities?: { parent: { id: string; definition: { type: string } }[] };
    extensions: Record<string, unknown>;
  };
  timestamp: string;
  version: string;
}

const V = {
  evaluated: "https://w3id.org/xapi/acrossx/verbs/evaluated",
  played: "https://w3id.org/xapi/video/verbs/played",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  progressed: "http://adlnet.gov/expapi/verbs/progressed",
  posted: "https://w3id.org/xapi/acrossx/verbs/posted",
  launched: "http://adlnet.gov/expapi/verbs/launched",
  submitted: "http://activitystrea.ms/schema/1.0/submit",
  scored: "http://adlnet.gov/expapi/verbs/scored",
};

const itemIdOf = (iri: string): string => {
  const at = iri.indexOf("/xblock/");
  return at < 0 ? iri : iri.slice(at + "/xblock/".length);
};

function kindOf(s: Statement): EventKind | null {
  const type = s.object.definition.type;
  const onCourse = type === "http://adlnet.gov/expapi/activities/course";
  switch (s.verb.id) {
    case V.evaluated:
      return "problem_attempt";
    case V.played:
      return "video_play";
    case V.completed:
      if (onCourse) return null;
      return type.endsWith("/video") ? "video_play" : "item_completed";
    case V.progressed:
      return s.result?.completion ? "item_completed" : null;
    case V.posted:
      return "discussion_post";
    case V.launched:
      return onCourse ? "course_launch" : null;
    case V.submitted:
      return "item_submitted";
    case V.scored:
      return "item_scored";
    default:
      return null;
  }
}

export function readDemo(lines: Iterable<string>): DemoRead {
  const counts: Record<string, number> = {};
  const byAnon = new Map<string, string>();
  const byRegistration = new Map<string, ReadEnrollment>();
  const enrollments = new Map<string, ReadEnrollment>();
  const statements: Statement[] = [];
  for (const l of lines) {
    const r = JSON.parse(l) as Record<string, unknown> & { type: string };
    counts[r.type] = (counts[r.type] ?? 0) + 1;
    if (r.type === "user")
      for (const x of (r.external_ids as string[] | undefined) ?? []) byAnon.set(x, r.username as string);
    if (r.type === "enrollment") {
      const e: ReadEnrollment = {
        id: r.id as string,
        courseId: r.course_id as string,
        username: r.user as string,
        isActive: r.is_active as boolean,
        events: [],
      };
      enrollments.set(`${e.courseId} ${e.username}`, e);
      byRegistration.set(e.id, e);
    }
    if (r.type === "graded_event") {
      const e = byRegistration.get(r.registration_id as string);
      if (!e) throw new Error(`graded event for unknown registration ${String(r.registration_id)}`);
      e.events.push({
        kind: "problem_attempt",
        itemId: r.module_id as string,
        ts: Date.parse(r.interaction_end_time as string),
        success: r.is_correct as boolean,
        goalId: r.goal_id as string,
      });
    }
    if (r.type === "statement") {
      const s = r.statement as Statement;
      statements.push(s);
      const kind = kindOf(s);
      if (!kind) continue;
      const parent = s.context.contextActivities?.parent[0]?.id ?? s.object.id;
      const courseId = parent.slice(parent.indexOf("/course/") + "/course/".length);
      const e = enrollments.get(`${courseId} ${byAnon.get(s.actor.account.name) ?? "?"}`);
      if (!e) throw new Error(`statement ${s.id} of no enrolment`);
      e.events.push({
        kind,
        itemId: kind === "course_launch" ? "" : itemIdOf(s.object.id),
        ts: Date.parse(s.timestamp),
        success: s.result?.success ?? null,
        goalId: (s.context.extensions["urn:lantern:goal_id"] as string | undefined) ?? null,
      });
    }
  }
  return { counts, enrollments, statements };
}
