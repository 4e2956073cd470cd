/**
 * Every user's attempt sequence on one skill, packed into two typed arrays so that one EM pass over
 * a skill's hundreds of thousands of responses walks contiguous memory instead of nested arrays.
 */
export interface SkillSequences {
  /** 1 for a correct response, 0 for an incorrect one; all sequences back to back, each in time order. */
  readonly outcomes: Uint8Array;
  /** Sequence i is `outcomes[starts[i] .. starts[i + 1])`; length = number of sequences + 1. */
  readonly starts: Int32Array;
}

/** One graded response of a user on a skill, as the fit and the evaluation read them. */
export interface GradedResponse {
  user: string;
  skill: string;
  correct: boolean;
}

/** Packs per-user sequences (empty ones are dropped: they carry no evidence). */
export function packSequences(sequences: Iterable<readonly boolean[]>): SkillSequences {
  const kept = [...sequences].filter((s) => s.length > 0);
  const total = kept.reduce((n, s) => n + s.length, 0);
  const outcomes = new Uint8Array(total);
  const starts = new Int32Array(kept.length + 1);
  let at = 0;
  kept.forEach((seq, i) => {
    starts[i] = at;
    for (const c of seq) outcomes[at++] = c ? 1 : 0;
  });
  starts[kept.length] = at;
  return { outcomes, starts };
}

/** Each skill's per-user sequences, responses kept in the order given (which must be time order). */
export function sequencesBySkill(responses: Iterable<GradedResponse>): Map<string, boolean[][]> {
  const byUser = new Map<string, Map<string, boolean[]>>();
  for (const r of responses) {
    let users = byUser.get(r.skill);
    if (!users) byUser.set(r.skill, (users = new Map()));
    let seq = users.get(r.user);
    if (!seq) users.set(r.user, (seq = []));
    seq.push(r.correct);
  }
  const out = new Map<string, boolean[][]>();
  for (const [skill, users] of byUser) out.set(skill, [...users.values()]);
  return out;
}

export const FIT_MIN_USERS = 5;
export const FIT_MIN_ATTEMPTS = 3;

/**
 * The fitted rule of docs/metrics.md: an objective is fitted when at least 5 users have at least 3
 * attempts on it; otherwise it keeps the default parameters. `attemptsPerUser` holds each user's
 * number of attempts on the objective.
 */
export function isFitted(attemptsPerUser: Iterable<number>): boolean {
  let users = 0;
  for (const n of attemptsPerUser) if (n >= FIT_MIN_ATTEMPTS && ++users >= FIT_MIN_USERS) return true;
  return false;
}
