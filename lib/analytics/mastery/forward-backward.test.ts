import { describe, expect, it } from "vitest";
import { expectedCounts } from "./forward-backward";
import type { BktParams } from "./params";
import { packSequences } from "./sequences";

const p: BktParams = { prior: 0.3, learn: 0.25, guess: 0.2, slip: 0.15, forget: 0.1 };

// Every hidden path of one sequence with its joint probability: the definition the scaled
// recursions must agree with.
function paths(seq: readonly boolean[]): { states: boolean[]; joint: number }[] {
  const out: { states: boolean[]; joint: number }[] = [];
  for (let mask = 0; mask < 1 << seq.length; mask++) {
    const states = seq.map((_, t) => ((mask >> t) & 1) === 1);
    let joint = 1;
    states.forEach((learned, t) => {
      if (t === 0) joint *= learned ? p.prior : 1 - p.prior;
      else {
        const was = states[t - 1];
        joint *= was ? (learned ? 1 - p.forget : p.forget) : learned ? p.learn : 1 - p.learn;
      }
      joint *= learned ? (seq[t] ? 1 - p.slip : p.slip) : seq[t] ? p.guess : 1 - p.guess;
    });
    out.push({ states, joint });
  }
  return out;
}

describe("expectedCounts", () => {
  const seqs = [
    [false, true, true, false, true],
    [true, true],
    [false, false, false, true, true, true],
  ];
  const counts = expectedCounts(packSequences(seqs), p);

  it("gives the exact log-likelihood and expected counts of enumerating every hidden path", () => {
    let ll = 0;
    const want = {
      learnedAtStart: 0,
      unlearnedToLearned: 0,
      fromUnlearned: 0,
      learnedToUnlearned: 0,
      fromLearned: 0,
      guessed: 0,
      slipped: 0,
      learned: 0,
      unlearned: 0,
    };
    for (const seq of seqs) {
      const all = paths(seq);
      const total = all.reduce((s, x) => s + x.joint, 0);
      ll += Math.log(total);
      for (const { states, joint } of all) {
        const w = joint / total;
        if (states[0]) want.learnedAtStart += w;
        states.forEach((learned, t) => {
          if (learned) want.learned += w;
          else want.unlearned += w;
          if (learned && !seq[t]) want.slipped += w;
          if (!learned && seq[t]) want.guessed += w;
          if (t + 1 < states.length) {
            const next = states[t + 1];
            if (learned) {
              want.fromLearned += w;
              if (!next) want.learnedToUnlearned += w;
            } else {
              want.fromUnlearned += w;
              if (next) want.unlearnedToLearned += w;
            }
          }
        });
      }
    }
    expect(counts.logLikelihood).toBeCloseTo(ll, 10);
    expect(counts.sequences).toBe(3);
    for (const [k, v] of Object.entries(want)) expect(counts[k as keyof typeof want], k).toBeCloseTo(v, 10);
  });

  it("stays finite on very long sequences in which a state becomes all but impossible", () => {
    const long = [...Array<boolean>(1000).fill(true), ...Array<boolean>(300).fill(false)];
    const n = expectedCounts(packSequences([long]), { ...p, forget: 0, learn: 0.3 });
    for (const v of Object.values(n)) expect(Number.isFinite(v)).toBe(true);
    expect(n.learned + n.unlearned).toBeCloseTo(1300, 6);
  });
});
