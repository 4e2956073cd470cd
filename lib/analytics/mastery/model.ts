import { DEFAULT_FIT_OPTIONS, fitSkill, type FitOptions } from "./em";
import { DEFAULT_PARAMS, type BktParams, type BktVariant } from "./params";
import { isFitted, packSequences, sequencesBySkill, type GradedResponse } from "./sequences";

/**
 * The variant fitted when the caller does not choose one: the one that predicted the held-out
 * ASSISTments 2009 responses better (`npm run eval:mastery`; numbers in docs/mastery.md).
 */
export const DEFAULT_VARIANT: BktVariant = "forgetting";

export interface SkillFit {
  params: BktParams;
  /** docs/metrics.md's fitted rule held, so `params` come from EM; otherwise they are the defaults. */
  fitted: boolean;
  /** Log-likelihood of the sequences under `params`; null when not fitted. */
  logLikelihood: number | null;
}

export function fitOptions(options: Partial<FitOptions> = {}): FitOptions {
  return { variant: DEFAULT_VARIANT, ...DEFAULT_FIT_OPTIONS, ...options };
}

/** One objective's parameters from every user's attempt sequence on it (each in time order). */
export function fitObjective(sequences: readonly (readonly boolean[])[], options: Partial<FitOptions> = {}): SkillFit {
  if (!isFitted(sequences.map((s) => s.length)))
    return { params: { ...DEFAULT_PARAMS }, fitted: false, logLikelihood: null };
  const run = fitSkill(packSequences(sequences), fitOptions(options));
  return { params: run.params, fitted: true, logLikelihood: run.logLikelihood };
}

/** Every skill's fit from a response log in time order. */
export function fitAll(responses: Iterable<GradedResponse>, options: Partial<FitOptions> = {}): Map<string, SkillFit> {
  const fits = new Map<string, SkillFit>();
  for (const [skill, sequences] of sequencesBySkill(responses)) fits.set(skill, fitObjective(sequences, options));
  return fits;
}

/** The parameters to trace a skill with: its fit, or the defaults for a skill never seen. */
export function paramsOf(fits: ReadonlyMap<string, SkillFit>, skill: string): BktParams {
  return fits.get(skill)?.params ?? DEFAULT_PARAMS;
}
