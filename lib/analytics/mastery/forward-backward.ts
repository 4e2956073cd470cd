import type { BktParams } from "./params";
import type { SkillSequences } from "./sequences";

/**
 * What the E-step of Baum–Welch gathers over every sequence of a skill: expected counts of the
 * hidden states and of the transitions and emissions, plus the data's log-likelihood under the
 * parameters the counts were taken with.
 */
export interface ExpectedCounts {
  logLikelihood: number;
  sequences: number;
  /** Σ P(L₁ = learned) over sequences. */
  learnedAtStart: number;
  /** Σ over steps with a successor of P(unlearned), and of P(unlearned → learned). */
  fromUnlearned: number;
  unlearnedToLearned: number;
  /** Σ over steps with a successor of P(learned), and of P(learned → unlearned). */
  fromLearned: number;
  learnedToUnlearned: number;
  /** Σ over all steps of P(unlearned), and of P(unlearned) on correct responses (guesses). */
  unlearned: number;
  guessed: number;
  /** Σ over all steps of P(learned), and of P(learned) on incorrect responses (slips). */
  learned: number;
  slipped: number;
}

function longestSequence(seqs: SkillSequences): number {
  let longest = 0;
  for (let i = 0; i + 1 < seqs.starts.length; i++) longest = Math.max(longest, seqs.starts[i + 1]! - seqs.starts[i]!);
  return longest;
}

/**
 * Forward–backward over every sequence. The forward variables are scaled to sum to 1 at each step
 * (the filtered P(state | responses so far)); the log of the scale factors sums to the
 * log-likelihood. The backward pass is the scaled backward recursion multiplied through by the
 * forward variables: it carries the smoothed P(state | all responses) from the last step to the
 * first. Everything it touches is a probability, so a sequence hundreds of responses long can
 * neither underflow nor overflow, where the bare scaled backward variables can reach ∞ when a state
 * has become all but impossible (and then 0·∞ is NaN). P(learned) and P(unlearned) are each
 * computed directly, never as 1 − the other, so that a state at 1e−20 stays at 1e−20 instead of
 * rounding to 0 and never coming back.
 */
export function expectedCounts(seqs: SkillSequences, p: BktParams): ExpectedCounts {
  const { outcomes, starts } = seqs;
  const longest = longestSequence(seqs);
  const learnedNow = new Float64Array(longest);
  const unlearnedNow = new Float64Array(longest);
  const { prior, learn, forget, guess, slip } = p;
  // Emission probabilities by response: index 0 incorrect, 1 correct.
  const eUnlearned = [1 - guess, guess];
  const eLearned = [slip, 1 - slip];
  const n: ExpectedCounts = {
    logLikelihood: 0,
    sequences: starts.length - 1,
    learnedAtStart: 0,
    fromUnlearned: 0,
    unlearnedToLearned: 0,
    fromLearned: 0,
    learnedToUnlearned: 0,
    unlearned: 0,
    guessed: 0,
    learned: 0,
    slipped: 0,
  };
  for (let s = 0; s + 1 < starts.length; s++) {
    const from = starts[s]!;
    const len = starts[s + 1]! - from;
    if (len === 0) continue;
    let m1 = prior;
    let m0 = 1 - prior;
    for (let t = 0; t < len; t++) {
      const o = outcomes[from + t]!;
      const u1 = m1 * eLearned[o]!;
      const u0 = m0 * eUnlearned[o]!;
      const c = u1 + u0;
      const a1 = u1 / c;
      const a0 = u0 / c;
      learnedNow[t] = a1;
      unlearnedNow[t] = a0;
      n.logLikelihood += Math.log(c);
      m1 = a1 * (1 - forget) + a0 * learn;
      m0 = a0 * (1 - learn) + a1 * forget;
    }
    let g1 = learnedNow[len - 1]!;
    let g0 = unlearnedNow[len - 1]!;
    for (let t = len - 1; ; t--) {
      const o = outcomes[from + t]!;
      n.learned += g1;
      n.unlearned += g0;
      if (o === 1) n.guessed += g0;
      else n.slipped += g1;
      if (t === 0) break;
      // Step t−1 → t: P(i at t−1, j at t | all) = filtered(i at t−1)·A(i, j)·smoothed(j at t) / predicted(j at t).
      const a1 = learnedNow[t - 1]!;
      const a0 = unlearnedNow[t - 1]!;
      const pred1 = a1 * (1 - forget) + a0 * learn;
      const pred0 = a0 * (1 - learn) + a1 * forget;
      const r1 = pred1 > 0 ? g1 / pred1 : 0;
      const r0 = pred0 > 0 ? g0 / pred0 : 0;
      const x00 = a0 * (1 - learn) * r0;
      const x01 = a0 * learn * r1;
      const x10 = a1 * forget * r0;
      const x11 = a1 * (1 - forget) * r1;
      n.fromUnlearned += x00 + x01;
      n.unlearnedToLearned += x01;
      n.fromLearned += x10 + x11;
      n.learnedToUnlearned += x10;
      g0 = x00 + x01;
      g1 = x10 + x11;
    }
    n.learnedAtStart += g1;
  }
  return n;
}
