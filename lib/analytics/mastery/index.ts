/** The mastery model (docs/mastery.md): Bayesian Knowledge Tracing per learning objective. */
export {
  DEFAULT_PARAMS,
  FORGETTING_BOUNDS,
  STANDARD_BOUNDS,
  boundsOf,
  type BktBounds,
  type BktParams,
  type BktVariant,
} from "./params";
export { FIT_MIN_ATTEMPTS, FIT_MIN_USERS, isFitted, sequencesBySkill, type GradedResponse } from "./sequences";
export { DEFAULT_FIT_OPTIONS, type FitOptions } from "./em";
export { DEFAULT_VARIANT, fitAll, fitObjective, paramsOf, type SkillFit } from "./model";
export {
  initialState,
  masteryAfter,
  nextMastery,
  observe,
  pCorrect,
  trace,
  type KnowledgeState,
  type TraceStep,
} from "./trace";
export { REMAINING_HORIZON, expectedRemaining, minRemaining } from "./remaining";
export {
  minToComplete,
  quantile,
  remainingTable,
  type CompletionRule,
  type RemainingPmf,
} from "./remaining-distribution";
export { predictResponses } from "./evaluate";
export { auc, rmse } from "./metrics";
export {
  completionIndex,
  medianOf,
  remainingCase,
  spearman,
  summarize,
  trajectory,
  type RemainingCase,
  type RemainingSummary,
} from "./evaluate-remaining";
