import type { Writable } from "node:stream";
import {
  activeDays,
  ARCHETYPE_WEIGHTS,
  enrolmentDay,
  goalProfile,
  unenrolmentDay,
  BEHAVIOUR,
  type Archetype,
} from "@/lib/demo/archetypes";
import { ACTIVITY_DAYS, DAY_MS, type DemoItem } from "@/lib/demo/catalog";
import { writeJsonLines, type DemoWriteResult } from "@/lib/demo/generate";
import { goalAttempts } from "@/lib/demo/goal-work";
import { FIRST_NAMES, LAST_NAMES } from "@/lib/demo/names";
import { Random } from "@/lib/random";
import { gradedEventRecord } from "@/lib/demo/records";
import {
  BENCH_COURSE,
  benchCatalog,
  catalogRecords,
  COHORTS,
  DEPARTMENTS,
  PROBLEMS_PER_UNIT,
  UNITS,
  type BenchCatalog,
} from "./course-catalog";
import { discussionPosted, problemAttempt, statementRecord, videoPlayed } from "./statements";

/**
 * The benchmark's course as JSON Lines (docs/import-format.md): the catalog, then learner by
 * learner their user, enrollment and ten weeks of activity — problem attempts (most as Knewton
 * graded events, the rest as xAPI), video plays and discussion posts as compact xAPI statements,
 * and goal-scoped work (both doors) steering each goal towards a status. The demo's archetypes
 * decide who is active when, so every segment and every goal status occurs. Streams with flat
 * memory; the same options give the same bytes.
 */

/** Bumped whenever the output changes, so cached files and databases of an older one are not reused. */
export const GENERATOR_VERSION = 1;

export interface BenchCourseOptions {
  learners: number;
  /** `YYYY-MM-DD`; the activity covers the 70 days before it. */
  asOf: string;
  seed?: number;
}

// Events per active day, by archetype: steady learners do the most, which (with the demo's
// active-day rules) puts them above the course's ranges; about 100 events per active learner.
const PER_DAY: Record<Archetype, readonly [number, number]> = {
  steady: [4, 8],
  average: [3, 6],
  struggling: [4, 8],
  disengaging: [3, 6],
  inactive: [3, 6],
  never_started: [3, 6],
  unenrolled: [3, 6],
};
/** Problem attempts that arrive as Knewton graded events rather than xAPI. */
const GRADED_SHARE = 0.7;

export function* benchCourse(opts: BenchCourseOptions): Generator<string> {
  const asOfMs = Date.parse(`${opts.asOf}T00:00:00Z`);
  const startsMs = asOfMs - (ACTIVITY_DAYS + 7) * DAY_MS;
  const catalog = benchCatalog();
  yield* catalogRecords(catalog, startsMs);
  const rng = new Random(opts.seed ?? 1);
  const out: string[] = [];
  for (let i = 0; i < opts.learners; i++) {
    new LearnerRun(rng, catalog, asOfMs, startsMs, out).run(i);
    yield* out;
    out.length = 0;
  }
}

export function writeBenchCourse(target: string | Writable, opts: BenchCourseOptions): Promise<DemoWriteResult> {
  return writeJsonLines(target, benchCourse(opts));
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

interface GoalWork {
  item: DemoItem;
  correct: boolean;
  goalId: string;
  graded: boolean;
}

class LearnerRun {
  private archetype: Archetype = "average";
  private anonymousId = "";
  private enrollmentId = "";
  private t = 0;
  private dayEnd = 0;

  constructor(
    private readonly rng: Random,
    private readonly catalog: BenchCatalog,
    private readonly asOfMs: number,
    private readonly startsMs: number,
    private readonly out: string[],
  ) {}

  run(i: number): void {
    const { rng } = this;
    this.archetype = rng.weighted(ARCHETYPE_WEIGHTS);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // Bases never end in a digit, so base + index is unique.
    const username = `${slug(first)}.${slug(last)}${i}`;
    const userId = rng.uuid();
    this.anonymousId = rng.uuid();
    this.enrollmentId = rng.uuid();
    this.out.push(
      JSON.stringify({
        type: "user",
        id: userId,
        username,
        name: `${first} ${last}`,
        email: `${username}@bench.example`,
        department_id: rng.pick(DEPARTMENTS),
        external_ids: [this.anonymousId],
      }),
    );
    const enrolK = enrolmentDay(rng, this.archetype);
    const leaveK = this.archetype === "unenrolled" ? unenrolmentDay(rng, enrolK) : null;
    const enrolledMs = this.asOfMs - enrolK * DAY_MS + rng.int(6 * 3600, 12 * 3600) * 1000;
    this.out.push(
      JSON.stringify({
        type: "enrollment",
        course_id: BENCH_COURSE,
        user: username,
        id: this.enrollmentId,
        mode: rng.weighted({ audit: 0.45, verified: 0.35, honor: 0.2 }),
        cohort: rng.chance(0.92) ? rng.pick(COHORTS) : null,
        enrolled_at: new Date(enrolledMs).toISOString(),
        is_active: leaveK === null,
        ...(leaveK !== null
          ? { unenrolled_at: new Date(this.asOfMs - leaveK * DAY_MS + 15 * 3600 * 1000).toISOString() }
          : {}),
      }),
    );
    const days = activeDays(rng, this.archetype, enrolK, leaveK);
    const goals = days.length > 0 ? this.goalWork() : [];
    let g = 0;
    days.forEach((k, d) => {
      this.startDay(k, enrolledMs);
      const [lo, hi] = PER_DAY[this.archetype];
      const released = this.releasedUnits(k);
      for (let n = rng.int(lo, hi); n > 0; n--) this.event(released);
      for (let quota = Math.ceil((goals.length - g) / (days.length - d)); quota > 0; quota--)
        this.goalAttempt(goals[g++]!);
    });
  }

  private startDay(k: number, enrolledMs: number): void {
    const dayStart = this.asOfMs - k * DAY_MS;
    this.dayEnd = dayStart + DAY_MS - 1000;
    this.t = Math.max(dayStart + this.rng.int(7, 19) * 3_600_000, enrolledMs + 60_000);
  }

  /** Moves the clock on a few minutes, never past the day, so the day's events stay on it. */
  private tick(): number {
    this.t = Math.min(this.t + this.rng.int(30, 300) * 1000, this.dayEnd);
    return this.t;
  }

  private releasedUnits(k: number): number {
    return Math.min(UNITS, Math.floor((this.asOfMs - k * DAY_MS - this.startsMs) / (7 * DAY_MS)) + 1);
  }

  /** One action among the last three released units: a problem attempt, a video play or a post. */
  private event(released: number): void {
    const { rng, catalog } = this;
    const from = Math.max(0, released - 3);
    const r = rng.float();
    if (r < 0.6) {
      const item = catalog.problems[rng.int(from * PROBLEMS_PER_UNIT, released * PROBLEMS_PER_UNIT - 1)]!;
      this.attempt(item, rng.chance(BEHAVIOUR[this.archetype].success), rng.chance(GRADED_SHARE));
    } else if (r < 0.9) {
      this.out.push(
        statementRecord(
          videoPlayed(rng.uuid(), this.anonymousId, catalog.videos[rng.int(from, released - 1)]!, this.tick()),
        ),
      );
    } else {
      this.out.push(
        statementRecord(
          discussionPosted(
            rng.uuid(),
            this.anonymousId,
            catalog.discussions[rng.int(from, released - 1)]!,
            this.tick(),
          ),
        ),
      );
    }
  }

  private attempt(item: DemoItem, correct: boolean, graded: boolean, goalId?: string): void {
    const ms = this.tick();
    if (graded) this.out.push(gradedEventRecord(this.enrollmentId, item, ms, correct, goalId));
    else {
      const goal = goalId === undefined ? undefined : { registration: this.enrollmentId, goalId };
      this.out.push(statementRecord(problemAttempt(this.rng.uuid(), this.anonymousId, item, ms, correct, goal)));
    }
  }

  /** The goal-scoped attempts of every goal, by the demo's rules for the archetype's goal profile. */
  private goalWork(): GoalWork[] {
    return this.catalog.goals.flatMap((goal) => {
      const graded = this.rng.chance(0.5);
      return goalAttempts(this.rng, goal, goalProfile(this.rng, this.archetype)).map((a) => ({
        ...a,
        goalId: goal.id,
        graded,
      }));
    });
  }

  private goalAttempt(w: GoalWork): void {
    this.attempt(w.item, w.correct, w.graded, w.goalId);
  }
}
