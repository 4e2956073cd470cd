import { Random } from "@/lib/random";
import { COURSE_SPECS, ORG, RUN, type CourseKey, type CourseSpec } from "./course-specs";

/**
 * The demo's courses, items and goals, built from `course-specs.ts`. Ids come from a fixed-seed
 * PRNG so they are the same for every `--seed` (tests and docs can name them); only dates move
 * with the as-of day.
 */

export const LMS_URL = "https://lms.lantern.example";
export const DAY_MS = 86_400_000;

/** Days of activity, ending the day before the as-of day. */
export const ACTIVITY_DAYS = 70;

export type ItemKind = "problem" | "video" | "discussion" | "html" | "assessment";

export interface DemoItem {
  /** Open edX usage key, `block-v1:…+type@{kind}+block@{hash}`: what the import and statements call the item. */
  id: string;
  /** The xAPI activity IRI of the block. */
  iri: string;
  kind: ItemKind;
  title: string;
  position: number;
  /** Week (0-based, from the course start) when the item becomes available. */
  unit: number;
  mandatory: boolean;
  dueAt: string | null;
  dueAfterDays: number | null;
  minScore: number | null;
  maxAttempts: number | null;
  requiresCorrection: boolean;
  objectives: readonly string[];
  /** Video length in seconds; 0 for other kinds. */
  videoSeconds: number;
}

export interface GoalCriteria {
  min_predicted_mastery: number;
  min_work_per_target: number;
  max_work_on_goal: number;
}

export interface DemoGoal {
  id: string;
  name: string;
  targetKind: "objective" | "item";
  targets: readonly string[];
  topics: { topic_id: string; targets: string[] }[] | null;
  criteria: GoalCriteria;
  /** For each target, the problems a learner can work on to make progress on it. */
  targetProblems: readonly (readonly DemoItem[])[];
}

export interface DemoCourse {
  key: CourseKey;
  spec: CourseSpec;
  id: string;
  iri: string;
  startsMs: number;
  endsMs: number;
  items: readonly DemoItem[];
  problems: readonly DemoItem[];
  videos: readonly DemoItem[];
  discussions: readonly DemoItem[];
  goals: readonly DemoGoal[];
}

const BLOCK_TYPE: Record<ItemKind, string> = {
  problem: "problem",
  video: "video",
  discussion: "discussion",
  html: "html",
  // Not a stock Open edX block type; the import keys kinds on `type@…`, so the name must be the kind.
  assessment: "assessment",
};

const iso = (ms: number): string => new Date(ms).toISOString();

export function courseIdOf(spec: CourseSpec, run = RUN): string {
  return `course-v1:${ORG}+${spec.code}+${run}`;
}

/** When one run (a 360Learning path session) of a course takes place. */
export interface Term {
  run: string;
  startsMs: number;
  endsMs: number;
  /** Due date of the final, hand-graded assessment. */
  finalDueMs: number;
}

/** This term's run, the one the demo's activity window covers. */
export function currentTerm(asOfMs: number): Term {
  // The course opened a week before the activity window so learners can enrol on its first day.
  return {
    run: RUN,
    startsMs: asOfMs - (ACTIVITY_DAYS + 7) * DAY_MS,
    endsMs: asOfMs + 28 * DAY_MS,
    finalDueMs: asOfMs + 15 * DAY_MS - 1000,
  };
}

export function buildCatalog(asOf: string): DemoCourse[] {
  const term = currentTerm(Date.parse(`${asOf}T00:00:00Z`));
  return COURSE_SPECS.map((spec, index) => buildCourse(spec, term, new Random(0x1a57e2 + index)));
}

export function buildCourse(spec: CourseSpec, term: Term, rng: Random): DemoCourse {
  const id = courseIdOf(spec, term.run);
  const { startsMs, endsMs } = term;
  const items: DemoItem[] = [];
  const add = (kind: ItemKind, title: string, unit: number, extra: Partial<DemoItem> = {}): DemoItem => {
    const blockId = `block-v1:${ORG}+${spec.code}+${term.run}+type@${BLOCK_TYPE[kind]}+block@${rng.hex(32)}`;
    const item: DemoItem = {
      id: blockId,
      iri: `${LMS_URL}/xblock/${blockId}`,
      kind,
      title,
      position: items.length + 1,
      unit,
      mandatory: kind !== "discussion" && kind !== "html",
      dueAt: null,
      dueAfterDays: null,
      minScore: null,
      maxAttempts: null,
      requiresCorrection: false,
      objectives: [],
      videoSeconds: kind === "video" ? rng.int(240, 900) : 0,
      ...extra,
    };
    items.push(item);
    return item;
  };
  // Quizzes are due at the end of the week after their unit, at 23:59:59 UTC.
  const endOfWeek = (unit: number): string => iso(startsMs + 7 * (unit + 2) * DAY_MS - 1000);
  let quizObjectives = new Set<string>();
  spec.units.forEach((unit, u) => {
    const objs = unit.objectives;
    if (u % 2 === 0) add("html", `Reading: ${unit.title}`, u);
    add("video", `Lecture: ${unit.title}`, u, { objectives: objs });
    for (let p = 0; p < spec.problemsPerUnit; p++) {
      const last = p === spec.problemsPerUnit - 1;
      add("problem", `${unit.title}: exercise ${p + 1}`, u, {
        objectives: last ? objs : [objs[p % objs.length] as string],
        dueAfterDays: 7 * (u + 2),
        maxAttempts: p % 2 === 1 ? 3 : null,
        minScore: last ? 50 : null,
      });
    }
    add("discussion", `Discuss: ${unit.title}`, u);
    for (const o of objs) quizObjectives.add(o);
    if (spec.quizzesAfter.includes(u)) {
      const n = spec.quizzesAfter.indexOf(u) + 1;
      add("assessment", `Quiz ${n}`, u, {
        objectives: [...quizObjectives],
        dueAt: endOfWeek(u),
        minScore: 60,
        maxAttempts: 2,
      });
      quizObjectives = new Set();
    }
  });
  const lastUnit = spec.units.length - 1;
  const allObjectives = [...new Set(spec.units.flatMap((u) => u.objectives))];
  add("assessment", spec.finalProject, lastUnit, {
    objectives: allObjectives,
    dueAt: iso(term.finalDueMs),
    minScore: 70,
    maxAttempts: 1,
    requiresCorrection: true,
  });
  const problems = items.filter((i) => i.kind === "problem");
  return {
    key: spec.key,
    spec,
    id,
    iri: `${LMS_URL}/course/${id}`,
    startsMs,
    endsMs,
    items,
    problems,
    videos: items.filter((i) => i.kind === "video"),
    discussions: items.filter((i) => i.kind === "discussion"),
    goals: [objectiveGoal(spec, allObjectives, problems, rng), itemGoal(spec, problems, rng)],
  };
}

/** A goal on four of the course's objectives, split into two topics. */
function objectiveGoal(spec: CourseSpec, objectives: string[], problems: DemoItem[], rng: Random): DemoGoal {
  const targets = objectives.slice(0, 4);
  return {
    id: rng.uuid(),
    name: `${spec.title}: core skills`,
    targetKind: "objective",
    targets,
    topics: [
      { topic_id: rng.uuid(), targets: targets.slice(0, 2) },
      { topic_id: rng.uuid(), targets: targets.slice(2) },
    ],
    criteria: { min_predicted_mastery: 0.9, min_work_per_target: 2, max_work_on_goal: 50 },
    targetProblems: targets.map((t) => problems.filter((p) => p.objectives.includes(t))),
  };
}

/** A goal on the first exercise of each of the first four units. */
function itemGoal(spec: CourseSpec, problems: DemoItem[], rng: Random): DemoGoal {
  const firsts = problems.filter((p, i) => i === 0 || (problems[i - 1] as DemoItem).unit !== p.unit).slice(0, 4);
  return {
    id: rng.uuid(),
    name: `${spec.title}: practice set`,
    targetKind: "item",
    targets: firsts.map((p) => p.id),
    topics: null,
    criteria: { min_predicted_mastery: 0.95, min_work_per_target: 0, max_work_on_goal: 16 },
    targetProblems: firsts.map((p) => [p]),
  };
}
