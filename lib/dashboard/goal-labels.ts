import type { Criteria, GoalStatus, TargetStatus } from "@/lib/analytics/status/status-and-progress";
import type { Formats } from "./format";
import {
  STRUGGLING_ITEM_MISSES,
  STRUGGLING_OBJECTIVE_WORK,
  WORK_REMAINING_CAP,
} from "@/lib/analytics/status/status-and-progress";
import { GOAL_STATUSES } from "@/lib/analytics/status/status-order";

/**
 * What the dashboard calls each goal and target status (docs/metrics.md § Status and progress). It
 * lists them in the order of lib/analytics/status/status-order.ts, re-exported here with the labels.
 */

export { GOAL_STATUSES, TARGET_STATUSES } from "@/lib/analytics/status/status-order";

/** `phrase` completes "12 learners …". */
export const GOAL_STATUS_LABELS: Record<GoalStatus, { label: string; phrase: string; description: string }> = {
  complete: { label: "Complete", phrase: "complete", description: "Every target of the goal is complete." },
  complete_max_work: {
    label: "Complete (work limit)",
    phrase: "complete by the work limit",
    description:
      "Reached the goal’s limit of attempts without completing every target; the goal counts as done. Shown apart from Complete.",
  },
  in_progress: {
    label: "In progress",
    phrase: "in progress",
    description: "Working on the goal, no target needing help.",
  },
  // The API's `struggling`; "Struggling" is the engagement segment's name on the same pages.
  struggling: {
    label: "Needs help",
    phrase: "needing help",
    description: `On a target of this goal, ${STRUGGLING_OBJECTIVE_WORK} or more attempts on an objective without mastering it, or ${STRUGGLING_ITEM_MISSES} wrong answers on an item and none right (the API’s status “struggling”; not the engagement segment “Struggling”).`,
  },
  no_work: { label: "No work yet", phrase: "with no work yet", description: "No work on the goal yet." },
};

export const TARGET_STATUS_LABELS: Record<TargetStatus, { label: string; mark: string }> = {
  complete: { label: "Complete", mark: "✓" },
  in_progress: { label: "In progress", mark: "◐" },
  struggling: { label: "Needs help", mark: "!" },
  no_work: { label: "No work yet", mark: "○" },
};

export function isGoalStatus(v: string | null | undefined): v is GoalStatus {
  return (GOAL_STATUSES as readonly string[]).includes(v ?? "");
}

const share = (x: number) => `${Math.round(x * 100)}%`;

const percents = new Map<string, Intl.NumberFormat>();

/** A share 0–1 as a whole percentage in the reader's locale. */
export function percentText(x: number, f: Formats): string {
  let p = percents.get(f.locale);
  if (!p) percents.set(f.locale, (p = new Intl.NumberFormat(f.locale, { style: "percent", maximumFractionDigits: 0 })));
  return p.format(x);
}

/** Progress as a percentage, rounded down so that only complete work reads 100%. */
export function progressText(progress: number, f: Formats): string {
  return percentText(progress >= 1 ? 1 : Math.floor(progress * 100) / 100, f);
}

/** What an objective target needs, each a clause. A streak goal's threshold is 0 unless set (docs/knewton-api.md): "reaches 0%" would say nothing. */
function objectiveConditions(c: Criteria): string[] {
  const out: string[] = [];
  const n = c.minConsecutiveCorrect;
  if (n !== null)
    out.push(`the learner's last ${n === 1 ? "answer" : `${n} answers`} on it ${n === 1 ? "is" : "are"} correct`);
  if (n === null || c.minPredictedMastery > 0)
    out.push(`its predicted mastery reaches ${share(c.minPredictedMastery)}`);
  if (c.minWorkPerTarget > 0)
    out.push(`it has at least ${c.minWorkPerTarget} ${c.minWorkPerTarget === 1 ? "attempt" : "attempts"} on this goal`);
  return out;
}

/** The goal's completion criteria as a sentence or two. */
export function criteriaText(kind: "objective" | "item", c: Criteria): string[] {
  const attempts = (n: number) => `${n} ${n === 1 ? "attempt" : "attempts"}`;
  const out =
    kind === "objective"
      ? [
          `A target is complete when ${objectiveConditions(c)
            .join(", ")
            .replace(/, ([^,]*)$/, " and $1")}.`,
        ]
      : [
          // The item rule ignores min_predicted_mastery and min_work_per_target (docs/metrics.md): say only what applies.
          "An item is complete once it is answered correctly in work on this goal.",
        ];
  out.push(
    c.maxWorkOnGoal === null
      ? "The goal is complete when every target is."
      : `The goal is complete when every target is. After ${attempts(c.maxWorkOnGoal)} on it, it counts as done anyway: “Complete (work limit)”.`,
  );
  return out;
}

/** What counts towards a goal (docs/metrics.md § Status and progress), said wherever goal statuses are shown beside other work. */
export const GOAL_WORK_HELP =
  "Goal work is only the attempts made on the goal itself (through its assignment, which marks each with the goal); the same problems answered elsewhere in the course are shown as work outside the goal and do not count towards it.";

/** "2 of 4 target problems already solved outside this goal", with those only tried; null when there is no such work. */
export function outsideWorkText(
  w: { problems: number; solved: number; attempted: number },
  f: Formats,
  what = "target problems",
): string | null {
  if (w.attempted === 0) return null;
  const tried = w.attempted - w.solved;
  if (w.solved === 0) return `${f.count(tried)} of ${f.count(w.problems)} ${what} tried outside this goal, none solved`;
  const solved = `${f.count(w.solved)} of ${f.count(w.problems)} ${what} already solved outside this goal`;
  return tried > 0 ? `${solved}, ${f.count(tried)} more tried` : solved;
}

export const WORK_REMAINING_HELP = `About how many more attempts the learner needs to complete the goal: the typical number (the median) of the model's estimate, capped at ${WORK_REMAINING_CAP}; "usually" gives the range 8 in 10 learners in the same position finish within.`;
/** What the range beside the work remaining means, said once per page. */
export const WORK_RANGE_HELP =
  "“Usually 2–6” means 8 in 10 learners in the same position finish within 2 to 6 more attempts (the model’s 10th to 90th percentile); “about” is the typical number, half need fewer, half more.";
export const NOT_ENOUGH_DATA_HELP =
  "Not enough data: the model of one of the open objectives is not fitted yet (it needs at least 5 learners with 3 attempts each), so remaining work cannot be estimated.";

/**
 * The work remaining with its range, in words: `about` "about 4" (just "4" when the range is that
 * one number, "0" when done, "30+" at the cap), `usually` "usually 2–7" ("usually 12 or more" when
 * its top reaches the cap), null when there is no range to give (done, at the cap, not enough
 * data, or certain).
 */
export function workRemainingWords(
  n: number,
  [low, high]: readonly [number, number],
  f: Formats,
): { about: string; usually: string | null } {
  if (n < 0) return { about: "Not enough data", usually: null };
  // Done, or at the cap: "30+" already says "at least", and a range past it says nothing more.
  if (n === 0 || n >= WORK_REMAINING_CAP) return { about: workRemainingText(n, f), usually: null };
  const certain = low === high && low === n;
  const about = certain ? workRemainingText(n, f) : `about ${workRemainingText(n, f)}`;
  if (certain || low < 0) return { about, usually: null };
  const usually =
    high >= WORK_REMAINING_CAP
      ? `usually ${f.count(low)} or more`
      : low === high
        ? `usually ${f.count(low)}`
        : `usually ${f.count(low)}–${f.count(high)}`;
  return { about, usually };
}

/** Work remaining as shown: a count, "30+" at the cap, and −1 as "Not enough data". */
export function workRemainingText(n: number, f: Formats): string {
  if (n < 0) return "Not enough data";
  return n >= WORK_REMAINING_CAP ? `${f.count(WORK_REMAINING_CAP)}+` : f.count(n);
}
