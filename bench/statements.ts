import type { DemoItem } from "@/lib/demo/catalog";
import { GOAL_EXTENSION } from "@/lib/demo/xapi";
import { LMS } from "./course-catalog";

/**
 * Compact but valid xAPI statements (about 350 bytes, against the demo's ~1.1 KB Open edX ones):
 * an account actor, a verb without display, the item's Open edX block IRI as object (which names
 * the course, so no context is needed) and a timestamp; goal-scoped attempts carry the
 * registration and the goal extension. Assembled from strings: the bench writes millions.
 */

const VERB = {
  evaluated: `"verb":{"id":"https://w3id.org/xapi/acrossx/verbs/evaluated"}`,
  played: `"verb":{"id":"https://w3id.org/xapi/video/verbs/played"}`,
  posted: `"verb":{"id":"https://w3id.org/xapi/acrossx/verbs/posted"}`,
} as const;

function statement(id: string, anonymousId: string, verb: string, item: DemoItem, ms: number, rest: string): string {
  const actor = `{"objectType":"Agent","account":{"homePage":"${LMS}","name":"${anonymousId}"}}`;
  return `{"id":"${id}","actor":${actor},${verb},"object":{"objectType":"Activity","id":"${item.iri}"}${rest},"timestamp":"${new Date(ms).toISOString()}"}`;
}

export interface GoalContext {
  registration: string;
  goalId: string;
}

export function problemAttempt(
  id: string,
  anonymousId: string,
  item: DemoItem,
  ms: number,
  correct: boolean,
  goal?: GoalContext,
): string {
  const result = `,"result":{"success":${correct},"score":{"scaled":${correct ? 1 : 0}}}`;
  const context = goal
    ? `,"context":{"registration":"${goal.registration}","extensions":{"${GOAL_EXTENSION}":"${goal.goalId}"}}`
    : "";
  return statement(id, anonymousId, VERB.evaluated, item, ms, result + context);
}

export function videoPlayed(id: string, anonymousId: string, item: DemoItem, ms: number): string {
  return statement(id, anonymousId, VERB.played, item, ms, "");
}

export function discussionPosted(id: string, anonymousId: string, item: DemoItem, ms: number): string {
  return statement(id, anonymousId, VERB.posted, item, ms, "");
}

/** A statement as a JSON Lines import record. */
export const statementRecord = (statementJson: string): string => `{"type":"statement","statement":${statementJson}}`;
