import type { Random } from "@/lib/random";
import type { DemoGoal, DemoItem } from "./catalog";
import type { GoalProfile } from "./archetypes";

export interface GoalAttempt {
  item: DemoItem;
  correct: boolean;
}

/**
 * The goal-scoped attempts that steer a learner's goal towards a status (docs/metrics.md § Status and
 * progress): every target mastered or answered (complete), goal work past `max_work_on_goal`
 * with a target left unmastered (complete_max_work), ten or more misses on one objective or three
 * on one item (struggling), a little work (in_progress), or none.
 */
export function goalAttempts(rng: Random, goal: DemoGoal, profile: GoalProfile): GoalAttempt[] {
  const out: GoalAttempt[] = [];
  const on = (target: number, correct: boolean): void => {
    const problems = goal.targetProblems[target];
    if (problems && problems.length > 0) out.push({ item: rng.pick(problems), correct });
  };
  const targets = goal.targets.length;
  const objective = goal.targetKind === "objective";
  switch (profile) {
    case "no_work":
      break;
    case "in_progress":
      on(0, !objective);
      on(objective ? 0 : 1, objective);
      if (objective && rng.chance(0.5)) on(1, true);
      break;
    case "complete":
      for (let t = 0; t < targets; t++) {
        if (rng.chance(objective ? 0.5 : 0.3)) on(t, false);
        // Four correct answers in a row lift BKT mastery past 0.9 under any sensible fit.
        for (let n = 0; n < (objective ? 4 : 1); n++) on(t, true);
      }
      break;
    case "struggling": {
      const t = rng.int(0, targets - 1);
      if (objective) for (let n = 0; n < 11; n++) on(t, n === 5);
      else for (let n = 0; n < 3; n++) on(t, false);
      break;
    }
    case "complete_max_work": {
      const max = goal.criteria.max_work_on_goal;
      if (objective) {
        for (let n = 0; n < max + 2; n++) {
          const t = n % targets;
          on(t, t === 0 ? rng.chance(0.1) : rng.chance(0.7));
        }
      } else {
        for (let t = 0; t < targets - 1; t++) on(t, true);
        while (out.length < max + 1) on(targets - 1, false);
      }
      break;
    }
  }
  return out;
}
