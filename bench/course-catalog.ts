import type { DemoGoal, DemoItem, ItemKind } from "@/lib/demo/catalog";
import { Random } from "@/lib/random";

/**
 * The benchmark's one large course: twelve weekly units of a lecture video, four problems on the
 * unit's objectives and a discussion, and five Knewton goals (objective and item targets, with and
 * without topics, different criteria). Items and goals take the demo's shapes (`DemoItem`,
 * `DemoGoal`) so the demo's goal-work rules (`lib/demo/goal-work.ts`) drive the goal statuses.
 */

export const BENCH_COURSE = "course-v1:LanternBench+BIG+2026";
export const LMS = "https://lms.bench.example";
const BLOCK = "block-v1:LanternBench+BIG+2026+type@";
export const UNITS = 12;
export const PROBLEMS_PER_UNIT = 4;
export const COHORTS = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"] as const;
export const DEPARTMENTS = ["bench-science", "bench-arts", "bench-business", "bench-engineering"] as const;
/** The administrator the bench signs in as and makes its API key for. */
export const BENCH_ADMIN = "bench-admin";
export const BENCH_ADMIN_PASSWORD = "bench-admin-password";
export const OBJECTIVES = Array.from({ length: UNITS }, (_, u) => `lref-bench-${String(u + 1).padStart(2, "0")}`);

export interface BenchCatalog {
  items: DemoItem[];
  problems: DemoItem[];
  videos: DemoItem[];
  discussions: DemoItem[];
  goals: DemoGoal[];
}

function item(
  kind: ItemKind,
  n: string,
  title: string,
  position: number,
  unit: number,
  objectives: string[],
): DemoItem {
  const id = `${BLOCK}${kind}+block@${n}`;
  return {
    id,
    iri: `${LMS}/xblock/${id}`,
    kind,
    title,
    position,
    unit,
    mandatory: kind !== "discussion",
    dueAt: null,
    dueAfterDays: kind === "problem" ? 7 * (unit + 2) : null,
    minScore: null,
    maxAttempts: null,
    requiresCorrection: false,
    objectives,
    videoSeconds: kind === "video" ? 600 : 0,
  };
}

export function benchCatalog(): BenchCatalog {
  const items: DemoItem[] = [];
  for (let u = 0; u < UNITS; u++) {
    const unit = String(u + 1).padStart(2, "0");
    const objs = [OBJECTIVES[u]!, ...(u > 0 && u % 3 === 0 ? [OBJECTIVES[u - 1]!] : [])];
    items.push(item("video", `v${unit}`, `Lecture ${unit}`, items.length + 1, u, objs));
    for (let p = 1; p <= PROBLEMS_PER_UNIT; p++)
      items.push(
        item("problem", `p${unit}${p}`, `Unit ${unit}: exercise ${p}`, items.length + 1, u, [objs[p % objs.length]!]),
      );
    items.push(item("discussion", `d${unit}`, `Discuss unit ${unit}`, items.length + 1, u, []));
  }
  const problems = items.filter((i) => i.kind === "problem");
  // Fixed ids, whatever the number of learners, so results and URLs can name them.
  const ids = new Random(0xbe4c);
  const byObjective = (o: string) => problems.filter((p) => p.objectives.includes(o));
  const objectiveGoal = (
    name: string,
    targets: string[],
    topics: number,
    criteria: DemoGoal["criteria"],
  ): DemoGoal => ({
    id: ids.uuid(),
    name,
    targetKind: "objective",
    targets,
    topics:
      topics === 0
        ? null
        : Array.from({ length: topics }, (_, t) => ({
            topic_id: ids.uuid(),
            targets: targets.filter((_, i) => i % topics === t),
          })),
    criteria,
    targetProblems: targets.map(byObjective),
  });
  const itemGoal = (name: string, targets: DemoItem[], criteria: DemoGoal["criteria"]): DemoGoal => ({
    id: ids.uuid(),
    name,
    targetKind: "item",
    targets: targets.map((p) => p.id),
    topics: null,
    criteria,
    targetProblems: targets.map((p) => [p]),
  });
  const goals = [
    objectiveGoal("Foundations", OBJECTIVES.slice(0, 4), 2, {
      min_predicted_mastery: 0.9,
      min_work_per_target: 2,
      max_work_on_goal: 50,
    }),
    objectiveGoal("Core methods", OBJECTIVES.slice(4, 8), 0, {
      min_predicted_mastery: 0.95,
      min_work_per_target: 0,
      max_work_on_goal: 40,
    }),
    objectiveGoal("Applications", OBJECTIVES.slice(8, 11), 3, {
      min_predicted_mastery: 0.8,
      min_work_per_target: 1,
      max_work_on_goal: 60,
    }),
    itemGoal(
      "Warm-up set",
      problems.filter((p) => p.unit < 4 && p.title.endsWith("exercise 1")),
      { min_predicted_mastery: 0.95, min_work_per_target: 0, max_work_on_goal: 16 },
    ),
    itemGoal(
      "Midterm practice",
      problems.filter((p) => p.unit >= 4 && p.unit < 8 && p.title.endsWith("exercise 2")),
      { min_predicted_mastery: 0.95, min_work_per_target: 1, max_work_on_goal: 20 },
    ),
  ];
  return {
    items,
    problems,
    videos: items.filter((i) => i.kind === "video"),
    discussions: items.filter((i) => i.kind === "discussion"),
    goals,
  };
}

const line = (value: object): string => JSON.stringify(value);

/** The records before any learner: departments, the course, its objectives, items and goals, and the bench's admin. */
export function* catalogRecords(catalog: BenchCatalog, startsMs: number): Generator<string> {
  for (const id of DEPARTMENTS) yield line({ type: "department", id, name: id.replace("bench-", "Faculty of ") });
  yield line({
    type: "course",
    id: BENCH_COURSE,
    title: "Lantern benchmark course",
    starts_at: new Date(startsMs).toISOString(),
    passing_score: 60,
  });
  for (const id of OBJECTIVES) yield line({ type: "objective", id, name: `Objective ${id.slice(-2)}` });
  for (const i of catalog.items) {
    yield line({
      type: "item",
      course_id: BENCH_COURSE,
      id: i.id,
      kind: i.kind,
      title: i.title,
      position: i.position,
      mandatory: i.mandatory,
      ...(i.dueAfterDays ? { due_after_days: i.dueAfterDays } : {}),
      objectives: i.objectives,
    });
  }
  for (const g of catalog.goals) {
    yield line({
      type: "goal",
      id: g.id,
      course_id: BENCH_COURSE,
      name: g.name,
      targets: g.targets,
      ...(g.topics ? { topics: g.topics } : {}),
      completion_criteria: g.criteria,
    });
  }
  yield line({
    type: "user",
    username: BENCH_ADMIN,
    name: "Bench Admin",
    email: "bench-admin@bench.example",
    role: "admin",
    password: BENCH_ADMIN_PASSWORD,
  });
}
