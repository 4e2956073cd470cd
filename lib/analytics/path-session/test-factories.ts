import type { Step, StepEvent } from "./steps";

/** Small builders for the path session tests: a plain mandatory step, an event with nothing but what is given. */

export const step = (id: string, extra: Partial<Step> = {}): Step => ({
  id,
  mandatory: true,
  dueAt: null,
  dueAfterDays: null,
  minScore: null,
  maxAttempts: null,
  requiresCorrection: false,
  ...extra,
});

export const stepEvent = (
  itemId: string,
  kind: StepEvent["kind"],
  ts: number,
  extra: Partial<StepEvent> = {},
): StepEvent => ({
  itemId,
  kind,
  ts,
  success: null,
  score: null,
  durationMs: null,
  ...extra,
});
