import { buildCourse, DAY_MS, type DemoCourse, type DemoItem, type Term } from "./catalog";
import { COURSE_SPECS } from "./course-specs";
import { Random } from "@/lib/random";
import { courseRecord, enrollmentRecord, itemRecord, type LearnerProfile } from "./records";
import * as x from "./xapi";

/**
 * Two more runs of the seminar, so that 360Learning's session dates show (a course is a path
 * session, and the three main courses are all open): an intensive run that ended a week before
 * the as-of day, and next term's run, opening three weeks after it with learners already enrolled.
 * They have no staff and no goals, and their records follow the main demo's, so the rest of the
 * demo is the same with or without them.
 *
 * The intensive's learners follow simple scripts rather than the archetypes: finishers do every
 * step, optional ones included (the only learners of the demo who complete discussions, so the
 * status `completed` shows), the others stop part-way or never start.
 */

const HOUR_MS = 3_600_000;
const SEMINAR = COURSE_SPECS.find((s) => s.key === "small")!;

/** Learners of each extra run, taken from the large course's roster (never the demo learner). */
export const SESSION_SIZES = { ended: 16, upcoming: 12 } as const;

export interface DemoSessions {
  ended: DemoCourse;
  upcoming: DemoCourse;
}

function session(title: string, term: Term, seed: number): DemoCourse {
  return { ...buildCourse({ ...SEMINAR, title: `${SEMINAR.title} (${title})` }, term, new Random(seed)), goals: [] };
}

export function buildSessions(asOf: string): DemoSessions {
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const day = (k: number) => asOfMs + k * DAY_MS;
  return {
    ended: session(
      "winter intensive",
      { run: "2026_WI", startsMs: day(-63), endsMs: day(-7), finalDueMs: day(-14) - 1000 },
      0x5e551,
    ),
    upcoming: session(
      "spring term",
      { run: "2026_T2", startsMs: day(21), endsMs: day(105), finalDueMs: day(98) - 1000 },
      0x5e552,
    ),
  };
}

type Script = "finisher" | "dropped" | "absent";
// Round-robin, so that every script shows as soon as there are three learners.
const SCRIPTS: readonly Script[] = ["finisher", "dropped", "absent", "dropped"];

/** The extra runs' catalog, enrolments and statements, for `people` (the first go to the ended run). */
export function* sessionRecords(asOf: string, people: readonly LearnerProfile[], rng: Random): Generator<string> {
  const { ended, upcoming } = buildSessions(asOf);
  for (const c of [ended, upcoming]) {
    yield courseRecord(c);
    for (const item of c.items) yield itemRecord(c, item);
  }
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const endedXapi = x.courseXapi(ended);
  const upcomingXapi = x.courseXapi(upcoming);
  for (const [n, p] of people.entries()) {
    if (n < SESSION_SIZES.ended) {
      yield* run(
        new Learner(rng, ended, endedXapi, p, ended.startsMs - rng.int(1, 5) * DAY_MS),
        SCRIPTS[n % SCRIPTS.length]!,
      );
    } else {
      yield* new Learner(rng, upcoming, upcomingXapi, p, asOfMs - rng.int(1, 10) * DAY_MS).enrol();
    }
  }
}

function* run(l: Learner, script: Script): Generator<string> {
  yield* l.enrol();
  if (script === "absent") return;
  const items = l.course.items;
  const stop = script === "finisher" ? items.length : l.rng.int(1, items.length - 2);
  for (const item of items.slice(0, stop)) yield* l.doStep(item, script === "finisher");
}

class Learner {
  private readonly scope: x.Scope;
  private readonly mode: x.Mode;
  private t: number;

  constructor(
    readonly rng: Random,
    readonly course: DemoCourse,
    xapi: x.CourseXapi,
    private readonly p: LearnerProfile,
    private readonly enrolledMs: number,
  ) {
    this.scope = { actor: x.actorOf(p.anonymousId), course: xapi, session: rng.hex(32) };
    this.mode = rng.pick(x.MODES);
    this.t = enrolledMs;
  }

  *enrol(): Generator<string> {
    const { course, mode } = this;
    const enrolledMs = this.enrolledMs + this.rng.int(8, 20) * HOUR_MS;
    yield enrollmentRecord({
      id: this.rng.uuid(),
      courseId: course.id,
      username: this.p.username,
      mode,
      cohort: null,
      enrolledMs,
      unenrolledMs: null,
      dueMs: mode === "verified" ? course.endsMs : null,
      expiresMs: null,
    });
    yield x.enrolment(this.rng.uuid(), this.scope, this.ts(enrolledMs), mode, true);
  }

  /** One step done in its unit's week; a finisher passes every graded one, the others may not. */
  *doStep(item: DemoItem, finisher: boolean): Generator<string> {
    const { rng, scope } = this;
    const week = this.course.startsMs + item.unit * 7 * DAY_MS;
    this.t = Math.max(this.t + rng.int(5, 40) * 60_000, week + rng.int(0, 4) * DAY_MS + rng.int(9, 18) * HOUR_MS);
    const at = (seconds: number) => this.ts((this.t += seconds * 1000));
    switch (item.kind) {
      case "html":
        yield x.pageCompleted(rng.uuid(), scope, at(rng.int(120, 600)), item, rng.int(120, 600));
        break;
      case "video":
        yield x.videoPlayed(rng.uuid(), scope, at(1), item, 0);
        yield x.videoCompleted(rng.uuid(), scope, at(item.videoSeconds), item, item.videoSeconds);
        break;
      case "problem": {
        const wrongFirst = rng.chance(0.3);
        if (wrongFirst) yield x.evaluated(rng.uuid(), scope, at(rng.int(60, 240)), item, 1, false);
        yield x.evaluated(rng.uuid(), scope, at(rng.int(60, 240)), item, wrongFirst ? 2 : 1, true);
        yield x.progressed(rng.uuid(), scope, at(2), item);
        break;
      }
      case "discussion":
        yield x.posted(rng.uuid(), scope, at(rng.int(120, 600)), item);
        // Open edX's completion service marks the block done once the learner has taken part.
        yield x.progressed(rng.uuid(), scope, at(2), item);
        break;
      case "assessment": {
        const seconds = rng.int(900, 2400);
        yield x.submitted(rng.uuid(), scope, at(seconds), item, seconds);
        const score = finisher ? rng.int(item.minScore ?? 0, 96) : rng.int(35, 90);
        // A hand-graded one comes back a few days later.
        const gradedMs = item.requiresCorrection ? this.t + rng.int(2, 5) * DAY_MS : this.t + rng.int(5, 30) * 1000;
        yield x.scored(rng.uuid(), scope, this.ts(gradedMs), item, score);
        break;
      }
    }
  }

  private ts(ms: number): string {
    return x.timestamp(ms, this.rng.int(0, 999));
  }
}
