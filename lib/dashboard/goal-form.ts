import type { Goal } from "@/db/queries/status-progress";

/**
 * The goal editor's fields, the scoped-goals body they make (docs/knewton-api.md § Completion
 * criteria), and the API's refusals in the form's words. The API does the checking: the form
 * sends what was typed, so a rule lives in one place and the page says what the API says.
 */

export interface GoalFormValues {
  name: string;
  kind: "objective" | "item";
  targets: string[];
  /** Whether "predicted mastery reaches" is a rule, and its threshold in percent as typed. */
  useMastery: boolean;
  mastery: string;
  /** Whether "N correct answers in a row" is a rule, and N as typed. */
  useStreak: boolean;
  streak: string;
  /** Attempts per target on this goal; blank for none. */
  minWork: string;
  /** Attempts after which the goal counts as done; blank for no limit. */
  maxWork: string;
}

export const NEW_GOAL: GoalFormValues = {
  name: "",
  kind: "objective",
  targets: [],
  useMastery: true,
  mastery: "95",
  useStreak: false,
  streak: "3",
  minWork: "",
  maxWork: "",
};

/** A goal as the form shows it. A mastery threshold of 0 beside a streak is no mastery rule. */
export function formValues(goal: Goal): GoalFormValues {
  const c = goal.criteria;
  const streak = c.minConsecutiveCorrect;
  const useMastery = goal.targetKind === "item" || streak === null || c.minPredictedMastery > 0;
  return {
    name: goal.name,
    kind: goal.targetKind,
    targets: [...goal.targets],
    useMastery,
    // One decimal keeps a threshold such as 92.5% as it was.
    mastery:
      useMastery && goal.targetKind === "objective" ? String(Math.round(c.minPredictedMastery * 1000) / 10) : "95",
    useStreak: streak !== null,
    streak: streak === null ? "3" : String(streak),
    minWork: c.minWorkPerTarget > 0 ? String(c.minWorkPerTarget) : "",
    maxWork: c.maxWorkOnGoal === null ? "" : String(c.maxWorkOnGoal),
  };
}

/** A typed number; blank stays null, anything else is passed on for the API to judge ("abc" as NaN becomes null in JSON, so it is sent as typed). */
const typed = (s: string): number | string | null =>
  s.trim() === "" ? null : Number.isFinite(Number(s)) ? Number(s) : s.trim();

export type GoalBody = {
  name: string;
  targets: string[];
  topics: { topic_id: string; targets: string[] }[] | null;
  completion_criteria: Record<string, number | string | null>;
};

/**
 * The PUT/POST body. PUT replaces the whole goal, so an edited goal's topics are sent back, each
 * keeping only the targets still chosen (a topic left with none goes): the form does not edit
 * topics, and would otherwise drop them. Item goals have one fixed rule (docs/metrics.md): only
 * the work limit is sent.
 */
export function goalBody(v: GoalFormValues, topics: Goal["topics"] = null): GoalBody {
  const chosen = new Set(v.targets);
  const kept =
    topics
      ?.map((t) => ({ topic_id: t.topic_id, targets: t.targets.filter((x) => chosen.has(x)) }))
      .filter((t) => t.targets.length > 0) ?? [];
  const criteria: Record<string, number | string | null> =
    v.kind === "item"
      ? { max_work_on_goal: typed(v.maxWork) }
      : {
          min_predicted_mastery: v.useMastery ? percentShare(v.mastery) : 0,
          min_consecutive_correct: v.useStreak ? typed(v.streak) : null,
          min_work_per_target: typed(v.minWork) ?? 0,
          max_work_on_goal: typed(v.maxWork),
        };
  return { name: v.name.trim(), targets: v.targets, topics: kept.length ? kept : null, completion_criteria: criteria };
}

/** "95" → 0.95, exactly as typed (95 / 100 is 0.95 in floating point; 0.1 steps likewise round-trip). */
function percentShare(s: string): number | string | null {
  const n = typed(s);
  return typeof n === "number" ? Math.round(n * 10) / 1000 : n;
}

/** What the form refuses before asking the API: a goal on objectives with no rule at all would be complete at once. */
export function formProblem(v: GoalFormValues): string | null {
  if (v.kind === "objective" && !v.useMastery && !v.useStreak)
    return "Choose how a target is complete: predicted mastery, correct answers in a row, or both.";
  return null;
}

/** Each body field as the form names it. */
const FIELD_WORDS: Record<string, string> = {
  name: "The name",
  targets: "The targets",
  topics: "The goal’s topics",
  "completion_criteria.min_predicted_mastery": "The mastery threshold",
  "completion_criteria.min_consecutive_correct": "Correct answers in a row",
  "completion_criteria.min_work_per_target": "Attempts per target",
  "completion_criteria.max_work_on_goal": "The work limit",
};

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** One `field: problem` of the API in the form's words. */
function problemText(field: string, problem: string): string {
  if (field === "name" && /empty|expected string/.test(problem)) return "Give the goal a name.";
  if (field === "targets" && /at least one/.test(problem)) return "Choose at least one target.";
  // The API's threshold is a share 0–1; the form's is a percentage.
  if (field === "completion_criteria.min_predicted_mastery")
    return "The mastery threshold must be a number from 0 to 100%.";
  if (/^expected number/i.test(problem)) return `${FIELD_WORDS[field] ?? field} must be a number.`;
  const words = FIELD_WORDS[field.replace(/\[\d+\].*$/, "")] ?? field;
  // "must be at least 1" continues the field's name; "objective x is not assessed…" follows it.
  return sentence(/^(must|applies) /.test(problem) ? `${words} ${problem}` : `${words}: ${problem}`);
}

/**
 * The scoped-goals API's 400 messages (`Invalid body: field: problem; field: problem` from the
 * body check, `field: problem` from the target checks) as sentences. A message of another shape
 * is shown as the API wrote it.
 */
export function goalErrorTexts(message: string): string[] {
  const body = /^Invalid body: (.*)$/.exec(message);
  const parts = body ? body[1]!.split("; ") : [message];
  return parts.map((part) => {
    const [, field, problem] = /^([a-z_]+(?:\.[a-z_]+|\[\d+\])*): (.*)$/.exec(part) ?? [];
    return field && problem !== undefined ? problemText(field, problem) : sentence(part);
  });
}
