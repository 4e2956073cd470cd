import type { CompletionStatus, EventKind } from "@/db/schema";
import { parseDuration } from "../iso8601";
import type { XapiStatement } from "./schema";

/** The verb → event table of `docs/import-format.md` § xAPI statements, as a pure function of the statement. */

export const VERBS = {
  evaluated: "https://w3id.org/xapi/acrossx/verbs/evaluated",
  answered: "http://adlnet.gov/expapi/verbs/answered",
  attempted: "http://adlnet.gov/expapi/verbs/attempted",
  played: "https://w3id.org/xapi/video/verbs/played",
  posted: "https://w3id.org/xapi/acrossx/verbs/posted",
  commented: "http://adlnet.gov/expapi/verbs/commented",
  registered: "http://adlnet.gov/expapi/verbs/registered",
  unregistered: "http://id.tincanapi.com/verb/unregistered",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  earned: "http://id.tincanapi.com/verb/earned",
  launched: "http://adlnet.gov/expapi/verbs/launched",
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  progressed: "http://adlnet.gov/expapi/verbs/progressed",
  submit: "http://activitystrea.ms/schema/1.0/submit",
  scored: "http://adlnet.gov/expapi/verbs/scored",
  voided: "http://adlnet.gov/expapi/verbs/voided",
} as const;

export const MODE_EXTENSION = "https://w3id.org/xapi/acrossx/extensions/type";
export const GOAL_EXTENSION = "urn:lantern:goal_id";

export interface PlannedEvent {
  kind: EventKind;
  /** False for course-level events (launches), which carry no item. */
  onItem: boolean;
  success: boolean | null;
  /** 0–1. */
  score: number | null;
  durationMs: number | null;
}

export type EnrollmentChange =
  | { action: "register"; mode: string | null }
  | { action: "unregister" }
  | { action: "complete"; status: Extract<CompletionStatus, "passed" | "failed" | "complete">; score: number | null }
  | { action: "score"; score: number };

export interface StatementEffects {
  events: PlannedEvent[];
  enrollment: EnrollmentChange | null;
}

const NONE: StatementEffects = { events: [], enrollment: null };

/** The kind an item first seen with this verb most likely has, when nothing else tells. */
export function kindImpliedByVerb(verbId: string, hasResult: boolean): string | null {
  switch (verbId) {
    case VERBS.evaluated:
    case VERBS.answered:
      return "problem";
    case VERBS.attempted:
      return hasResult ? "problem" : null;
    case VERBS.played:
      return "video";
    case VERBS.posted:
    case VERBS.commented:
      return "discussion";
    default:
      return null;
  }
}

/** `result.score` as 0–1: `scaled`, else `raw` within `min`–`max`; negative scaled scores count as 0. */
export function scaledScore(statement: XapiStatement): number | null {
  const s = statement.result?.score;
  if (!s) return null;
  let value: number | null = null;
  if (s.scaled !== undefined) value = s.scaled;
  else if (s.raw !== undefined && s.max !== undefined && s.max > (s.min ?? 0))
    value = (s.raw - (s.min ?? 0)) / (s.max - (s.min ?? 0));
  return value === null ? null : Math.min(1, Math.max(0, value));
}

/**
 * What a statement contributes, given whether its object is the course and the kind of its item
 * (the catalog's kind when the item exists). `result.duration` goes on the statement's first event;
 * a statement without an event (an enrollment or course completion) adds no time, because
 * course-level durations are session totals that overlap the item events' own durations.
 */
export function effectsOf(
  statement: XapiStatement,
  target: { objectIsCourse: boolean; itemKind: string | null },
): StatementEffects {
  const verb = statement.verb.id;
  const effects = target.objectIsCourse
    ? courseEffects(statement, verb)
    : target.itemKind !== null
      ? itemEffects(statement, verb, target.itemKind)
      : NONE;
  const duration = statement.result?.duration;
  const first = effects.events[0];
  if (first && duration !== undefined) first.durationMs = parseDuration(duration);
  return effects;
}

function event(
  kind: EventKind,
  onItem: boolean,
  success: boolean | null = null,
  score: number | null = null,
): PlannedEvent {
  return { kind, onItem, success, score, durationMs: null };
}

function courseEffects(statement: XapiStatement, verb: string): StatementEffects {
  const score = scaledScore(statement);
  const percent = score === null ? null : Math.round(score * 10_000) / 100;
  switch (verb) {
    case VERBS.registered:
      return { events: [], enrollment: { action: "register", mode: modeOf(statement) } };
    case VERBS.unregistered:
      return { events: [], enrollment: { action: "unregister" } };
    case VERBS.passed:
    case VERBS.failed:
    case VERBS.completed: {
      const status = verb === VERBS.passed ? "passed" : verb === VERBS.failed ? "failed" : "complete";
      return { events: [], enrollment: { action: "complete", status, score: percent } };
    }
    case VERBS.earned:
    case VERBS.scored:
      return { events: [], enrollment: percent === null ? null : { action: "score", score: percent } };
    case VERBS.launched:
    case VERBS.initialized:
      return { events: [event("course_launch", false)], enrollment: null };
    case VERBS.posted:
    case VERBS.commented:
      return { events: [event("discussion_post", false)], enrollment: null };
    default:
      return NONE;
  }
}

function itemEffects(statement: XapiStatement, verb: string, kind: string): StatementEffects {
  const result = statement.result;
  const score = scaledScore(statement);
  const only = (e: PlannedEvent): StatementEffects => ({ events: [e], enrollment: null });
  switch (verb) {
    case VERBS.evaluated:
    case VERBS.answered:
    case VERBS.attempted: {
      // The parent of a multi-question problem is the attempt; its children (context.statement
      // points at it) add none. A browser-side `attempted` without a result is only a click.
      if (kind !== "problem" || statement.context?.statement) return NONE;
      if (verb === VERBS.attempted && result === undefined) return NONE;
      return only(event("problem_attempt", true, result?.success ?? null, score));
    }
    case VERBS.played:
      return only(event("video_play", true));
    case VERBS.completed:
      if (kind === "video")
        return { events: [event("video_play", true), event("item_completed", true)], enrollment: null };
      return only(event("item_completed", true, result?.success ?? null, score));
    case VERBS.progressed:
      return result?.completion === true ? only(event("item_completed", true, null, score)) : NONE;
    case VERBS.submit:
      return only(event("item_submitted", true));
    case VERBS.scored:
      return only(event("item_scored", true, result?.success ?? null, score));
    case VERBS.passed:
    case VERBS.failed:
      // With a score it is a scored attempt; without one, the learner finished the item.
      return only(event(score === null ? "item_completed" : "item_scored", true, verb === VERBS.passed, score));
    case VERBS.posted:
    case VERBS.commented:
      return only(event("discussion_post", true));
    default:
      return NONE;
  }
}

function modeOf(statement: XapiStatement): string | null {
  const object = statement.object;
  if (object.objectType !== "Activity") return null;
  const mode = object.definition?.extensions?.[MODE_EXTENSION];
  return typeof mode === "string" && mode.trim() !== "" ? mode.trim() : null;
}

/** The Knewton goal a statement's work counts toward (`urn:lantern:goal_id`). */
export function goalIdOf(statement: XapiStatement): string | null {
  const goal = statement.context?.extensions?.[GOAL_EXTENSION];
  return typeof goal === "string" && goal !== "" ? goal : null;
}
