import type { BktParams } from "./params";
import type { GradedResponse } from "./sequences";
import { initialState, observe, pCorrect, type KnowledgeState } from "./trace";

/**
 * Next-response prediction over a log in time order: each response's P(correct) from the same
 * user's earlier responses on the same skill only (the first one from the prior), as the published
 * ASSISTments results are computed.
 */
export function predictResponses(
  responses: readonly GradedResponse[],
  paramsFor: (skill: string) => BktParams,
): Float64Array {
  const out = new Float64Array(responses.length);
  // user → skill → state before that user's next response on the skill.
  const states = new Map<string, Map<string, KnowledgeState>>();
  responses.forEach((r, i) => {
    const p = paramsFor(r.skill);
    let bySkill = states.get(r.user);
    if (!bySkill) states.set(r.user, (bySkill = new Map()));
    const s = bySkill.get(r.skill) ?? initialState(p);
    out[i] = pCorrect(p, s.learned);
    bySkill.set(r.skill, observe(p, s, r.correct));
  });
  return out;
}
