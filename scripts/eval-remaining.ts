// The remaining-work half of `npm run eval:mastery` (docs/mastery.md § Measured: remaining work):
// on each held-out learner's answers on a skill, cut at a random point before the rule first held,
// `work_remaining` (the median of the model's distribution) and `work_remaining_range` against the
// attempts that actually followed, beside two baselines on the same cases.
import {
  completionIndex,
  medianOf,
  paramsOf,
  remainingCase,
  remainingTable,
  sequencesBySkill,
  summarize,
  trajectory,
  type CompletionRule,
  type GradedResponse,
  type RemainingCase,
  type RemainingSummary,
  type SkillFit,
} from "@/lib/analytics/mastery";
import { simulateSequences } from "@/lib/analytics/mastery/simulate";
import { Random } from "@/lib/random";

export const RULES: { name: string; rule: CompletionRule }[] = [
  { name: "3 in a row", rule: { threshold: 0, streak: 3 } },
  { name: "mastery ≥ 0.95", rule: { threshold: 0.95, streak: 0 } },
];

/**
 * Two ways to pick the moments at which a learner's page is read, both before the rule first held:
 * - `one`: one moment per learner and skill, uniform over the attempts before it held (how the
 *   issue measured). A learner who finished in 3 and one who took 20 count once each, so moments
 *   late in long runs are rare — even on data drawn from the model itself this favours the
 *   all-correct bound (docs/mastery.md).
 * - `every`: every attempt before it held, each a moment an instructor might read the page.
 */
export type Protocol = "one" | "every";

interface Cases {
  /** Learners whose answers reach the rule. */
  completed: RemainingCase[];
  /** Learners whose answers never reach it (for `one`, a cut uniform over all their answers). */
  never: RemainingCase[];
  /** Sequences skipped because the rule held before any answer (a prior at the threshold). */
  atStart: number;
}

function casesOf(
  fits: ReadonlyMap<string, SkillFit>,
  responses: readonly GradedResponse[],
  rule: CompletionRule,
  protocol: Protocol,
  seed: number,
): Cases {
  const random = new Random(seed);
  const out: Cases = { completed: [], never: [], atStart: 0 };
  // Skills in a fixed order, so the seeded cuts do not depend on the order of the file.
  const bySkill = [...sequencesBySkill(responses)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [skill, sequences] of bySkill) {
    // Work remaining is −1 on an objective that is not fitted: nothing to check there.
    if (!fits.get(skill)?.fitted) continue;
    const p = paramsOf(fits, skill);
    const table = remainingTable(p, rule);
    for (const responses of sequences) {
      const path = trajectory(p, responses);
      const done = completionIndex(path, rule);
      if (done === 0) {
        out.atStart++;
        continue;
      }
      const last = done ?? responses.length;
      const into = done === null ? out.never : out.completed;
      if (protocol === "one") into.push(remainingCase(p, table, rule, path, random.int(0, last - 1)));
      else for (let cut = 0; cut < last; cut++) into.push(remainingCase(p, table, rule, path, cut));
    }
  }
  return out;
}

export interface RemainingRow {
  name: string;
  protocol: Protocol;
  summary: RemainingSummary;
  never: { n: number; observed: number; predictedBeyond: number; highBeyond: number };
  atStart: number;
}

/** Each rule's summary on the test split under each protocol, the constant baseline taken from the train split the same way. */
export function evaluateRemaining(
  fits: ReadonlyMap<string, SkillFit>,
  train: readonly GradedResponse[],
  test: readonly GradedResponse[],
): RemainingRow[] {
  return (["one", "every"] as const).flatMap((protocol) =>
    RULES.map(({ name, rule }) => {
      const fromTrain = casesOf(fits, train, rule, protocol, 2).completed.map((c) => c.actual!);
      const cases = casesOf(fits, test, rule, protocol, 3);
      const never = cases.never;
      const share = (f: (c: RemainingCase) => boolean) => never.filter(f).length / never.length;
      return {
        name,
        protocol,
        summary: summarize(cases.completed, medianOf(fromTrain)),
        never: {
          n: never.length,
          observed: never.reduce((a, c) => a + c.observed, 0) / never.length,
          predictedBeyond: share((c) => c.predicted > c.observed),
          highBeyond: share((c) => c.high > c.observed),
        },
        atStart: cases.atStart,
      };
    }),
  );
}

const f2 = (x: number) => (x >= 0 ? " " : "") + x.toFixed(2);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * Learners drawn from the fitted models themselves (`learners` per fitted skill, `attempts` answers
 * each): data on which the model is right by construction, to tell its errors from the protocol's.
 */
export function simulatedLearners(fits: ReadonlyMap<string, SkillFit>, learners = 40, attempts = 60): GradedResponse[] {
  const out: GradedResponse[] = [];
  let seed = 0;
  for (const [skill, fit] of [...fits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    seed++;
    if (!fit.fitted) continue;
    simulateSequences(fit.params, learners, attempts, seed).forEach((answers, i) => {
      for (const correct of answers) out.push({ user: `sim-${i}`, skill, correct });
    });
  }
  return out;
}

export function printRemaining(title: string, rows: readonly RemainingRow[]): void {
  console.log(
    `\n${title}; moments: one = one random cut per learner and skill, every = every attempt before completion:`,
  );
  console.log(
    "rule            moments      n    MAE   bias  Spearman  in range (below/above)    train median: MAE   bound: MAE   bias",
  );
  for (const { name, protocol, summary: s } of rows) {
    console.log(
      `${name.padEnd(15)} ${protocol.padEnd(6)} ${String(s.n).padStart(7)}  ${f2(s.mae)}  ${f2(s.bias)}  ${f2(s.spearman)}     ${pct(s.inRange).padStart(6)} (${pct(s.below)}/${pct(s.above)})` +
        `      ${String(s.constant).padStart(2)}: ${f2(s.maeConstant)}       ${f2(s.maeBound)}  ${f2(s.biasBound)}`,
    );
  }
  console.log("\nNever completed (reported apart: the attempts they would have needed are unknown):");
  for (const { name, protocol, never, atStart } of rows) {
    console.log(
      `${name.padEnd(15)} ${protocol.padEnd(6)} ${String(never.n).padStart(6)} moments, ${never.observed.toFixed(1)} answers after the cut on average; ` +
        `work_remaining above them for ${pct(never.predictedBeyond)}, the range's top for ${pct(never.highBeyond)}` +
        (atStart ? `; ${atStart} skipped, done before any answer` : ""),
    );
  }
}
