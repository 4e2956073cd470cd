import type { BktParams } from "./params";

/**
 * Knowledge tracing of one user on one skill.
 *
 * "Mastery" here is always P(learned at the next attempt | the responses so far): the posterior
 * after the last response, with the model's learn/forget transition applied (Corbett & Anderson's
 * P(Ln)). Before any response it is the prior. It is the quantity the next response is predicted
 * from, so P(correct next) = mastery·(1 − slip) + (1 − mastery)·guess.
 */

/**
 * P(learned) and P(not learned) at the next attempt. Both are carried because near certainty
 * 1 − mastery is lost to rounding: after twenty-odd correct answers mastery is 1 − 1e−17, which
 * rounds to 1, and from exactly 1 no run of incorrect answers could ever bring it down again.
 */
export interface KnowledgeState {
  learned: number;
  unlearned: number;
}

export function initialState(p: BktParams): KnowledgeState {
  return { learned: p.prior, unlearned: 1 - p.prior };
}

/** P(the next response is correct) given the mastery it is made with. */
export function pCorrect(p: BktParams, mastery: number): number {
  return mastery * (1 - p.slip) + (1 - mastery) * p.guess;
}

/** The state after one more response: Bayes' rule on the response, then one learn/forget transition. */
export function observe(p: BktParams, s: KnowledgeState, correct: boolean): KnowledgeState {
  const learned = s.learned * (correct ? 1 - p.slip : p.slip);
  const unlearned = s.unlearned * (correct ? p.guess : 1 - p.guess);
  const post1 = learned / (learned + unlearned);
  const post0 = unlearned / (learned + unlearned);
  return { learned: post1 * (1 - p.forget) + post0 * p.learn, unlearned: post0 * (1 - p.learn) + post1 * p.forget };
}

/** The mastery after one more response made with `mastery`. */
export function nextMastery(p: BktParams, mastery: number, correct: boolean): number {
  return observe(p, { learned: mastery, unlearned: 1 - mastery }, correct).learned;
}

export interface TraceStep {
  /** P(this response is correct) from the responses before it. */
  pCorrect: number;
  /** Mastery after this response (P(learned at the next attempt)). */
  mastery: number;
}

/** Each response's prediction from the ones before it, and the mastery after it. */
export function trace(p: BktParams, responses: readonly boolean[]): TraceStep[] {
  let s = initialState(p);
  return responses.map((correct) => {
    const before = s.learned;
    s = observe(p, s, correct);
    return { pCorrect: pCorrect(p, before), mastery: s.learned };
  });
}

/** Predicted mastery after a user's responses on the skill, in time order (the prior for none). */
export function masteryAfter(p: BktParams, responses: readonly boolean[]): number {
  let s = initialState(p);
  for (const correct of responses) s = observe(p, s, correct);
  return s.learned;
}
