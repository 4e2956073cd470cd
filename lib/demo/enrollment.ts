import { BEHAVIOUR, goalProfile, type Archetype, type Behaviour } from "./archetypes";
import { DAY_MS, type DemoCourse, type DemoItem } from "./catalog";
import { goalAttempts, type GoalAttempt } from "./goal-work";
import type { Random } from "@/lib/random";
import { gradedEventRecord } from "./records";
import * as x from "./xapi";

/** One learner's enrolment in one course, decided before any statement is written. */
export interface EnrollmentPlan {
  course: DemoCourse;
  xapi: x.CourseXapi;
  archetype: Archetype;
  enrollmentId: string;
  mode: x.Mode;
  enrolledMs: number;
  unenrolledMs: number | null;
  /** Active days as k (days before as-of), oldest first. */
  days: readonly number[];
  /** Hour (UTC) the learner usually studies at. */
  hour: number;
}

interface QueuedGoalAttempt extends GoalAttempt {
  goalId: string;
  graded: boolean;
}

/**
 * Writes the statements (and Knewton graded events) of one enrolment, in time order, into `out`:
 * registration, one session per active day working through the released items in order (and
 * back over earlier ones once caught up), goal-scoped practice spread over the sessions, grades
 * that arrive days after a submission, course completion for some, and unregistration.
 */
export class EnrollmentRun {
  private readonly b: Behaviour;
  private readonly scope: x.Scope;
  private readonly attempts: Uint8Array;
  private readonly solved: Uint8Array;
  private readonly tries: Uint8Array;
  /**
   * The problems the learner practises through a goal's assignment (the targets of the goals they
   * work on), by position: their attempts there carry the goal's id, as an adaptive assignment's
   * do. The course's own exercises pass over them (their goal work steers the status), except for
   * a learner completing the goal, whose course work on them is the assignment's too (more
   * correct work cannot undo "complete"). A goal not started (no_work) assigns none.
   */
  private readonly assigned = new Map<number, string | null>();
  private cursor = 0;
  private t = 0;
  private guard = 0;
  private pending: { ms: number; item: DemoItem; score: number }[] = [];

  constructor(
    private readonly rng: Random,
    private readonly out: string[],
    private readonly plan: EnrollmentPlan,
    private readonly asOfMs: number,
    actor: string,
  ) {
    this.b = BEHAVIOUR[plan.archetype];
    this.scope = { actor, course: plan.xapi, session: "" };
    const n = plan.course.items.length;
    this.attempts = new Uint8Array(n);
    this.solved = new Uint8Array(n);
    this.tries = new Uint8Array(n);
  }

  run(): void {
    const { plan, rng } = this;
    this.scope.session = rng.hex(32);
    this.out.push(x.enrolment(rng.uuid(), this.scope, this.ts(plan.enrolledMs), plan.mode, true));
    const goalQueue = plan.days.length > 0 ? this.goalQueue() : [];
    let g = 0;
    plan.days.forEach((k, i) => {
      this.session(k);
      const quota = Math.ceil((goalQueue.length - g) / (plan.days.length - i));
      for (let n = 0; n < quota; n++) this.goalAttempt(goalQueue[g++] as QueuedGoalAttempt);
    });
    const end = plan.unenrolledMs ?? this.asOfMs;
    this.flushGrades(end);
    if (plan.days.length > 0) this.maybeCompleteCourse();
    if (plan.unenrolledMs !== null) {
      this.scope.session = rng.hex(32);
      this.out.push(x.enrolment(rng.uuid(), this.scope, this.ts(plan.unenrolledMs), plan.mode, false));
    }
  }

  private ts(ms: number): string {
    return x.timestamp(ms, this.rng.int(0, 999));
  }

  /** Moves the clock on, never past the end of the session's day (so no event lands on another day). */
  private tick(seconds: number): void {
    this.t = Math.min(this.t + seconds * 1000 + this.rng.int(0, 999), this.guard);
  }

  private session(k: number): void {
    const { rng, plan } = this;
    const dayStart = this.asOfMs - k * DAY_MS;
    this.guard = dayStart + DAY_MS - 1000;
    const hour = Math.min(19, Math.max(6, plan.hour + rng.int(-2, 2)));
    this.t = dayStart + hour * 3_600_000 + rng.int(0, 3_599_999);
    if (this.t <= plan.enrolledMs) this.t = plan.enrolledMs + rng.int(60, 1800) * 1000;
    this.scope.session = rng.hex(32);
    this.flushGrades(this.t);
    if (rng.chance(0.6)) this.out.push(x.launched(rng.uuid(), this.scope, this.ts(this.t)));
    const released = this.releasedCount(dayStart);
    const actions = rng.int(this.b.actions[0], this.b.actions[1]);
    for (let a = 0; a < actions && this.t < this.guard; a++) {
      const next = plan.course.items[this.cursor];
      if (next && this.cursor < released) this.visit(next);
      else this.revisit(released);
    }
  }

  /** Items open a unit a week, from the course start. */
  private releasedCount(dayStart: number): number {
    const week = Math.floor((dayStart - this.plan.course.startsMs) / (7 * DAY_MS));
    const items = this.plan.course.items;
    let n = 0;
    while (n < items.length && (items[n] as DemoItem).unit <= week) n++;
    return n;
  }

  private visit(item: DemoItem): void {
    const { rng, b } = this;
    switch (item.kind) {
      case "video":
        this.watch(item);
        break;
      case "problem":
        this.tryProblem(item);
        // Someone who keeps failing sometimes comes back to the same exercise next time.
        if (!this.solved[item.position - 1] && rng.chance(0.3)) return;
        break;
      case "discussion":
        if (rng.chance(b.posting)) this.post(item);
        break;
      case "html":
        if (rng.chance(0.7)) {
          const seconds = rng.int(60, 600);
          this.tick(seconds);
          this.out.push(x.pageCompleted(rng.uuid(), this.scope, this.ts(this.t), item, seconds));
        }
        break;
      case "assessment":
        if (!this.takeAssessment(item)) return;
        break;
    }
    this.cursor++;
  }

  private revisit(released: number): void {
    const { rng, b } = this;
    const r = rng.float() * (1 + b.posting);
    const pool = r < 0.6 ? this.plan.course.problems : r < 1 ? this.plan.course.videos : this.plan.course.discussions;
    let n = 0;
    while (n < pool.length && (pool[n] as DemoItem).position <= released) n++;
    if (n === 0) return;
    const item = pool[rng.int(0, n - 1)] as DemoItem;
    if (item.kind === "problem") this.tryProblem(item);
    else if (item.kind === "video") this.watch(item);
    else this.post(item);
  }

  private watch(item: DemoItem): void {
    const { rng } = this;
    this.out.push(x.videoPlayed(rng.uuid(), this.scope, this.ts(this.t), item, 0));
    const full = rng.chance(this.b.watchesToEnd);
    const watched = full ? item.videoSeconds : rng.int(30, item.videoSeconds);
    this.tick(watched);
    if (full) this.out.push(x.videoCompleted(rng.uuid(), this.scope, this.ts(this.t), item, watched));
  }

  private post(item: DemoItem): void {
    this.tick(this.rng.int(120, 600));
    this.out.push(x.posted(this.rng.uuid(), this.scope, this.ts(this.t), item));
  }

  private tryProblem(item: DemoItem): void {
    const { rng, b } = this;
    const i = item.position - 1;
    const through = this.assigned.get(item.position);
    if (through === null) return;
    const goal = through === undefined ? undefined : { goalId: through, registration: this.plan.enrollmentId };
    for (let n = 0; n < b.triesPerVisit; n++) {
      const used = this.attempts[i] as number;
      if (item.maxAttempts !== null && used >= item.maxAttempts) return;
      this.attempts[i] = Math.min(255, used + 1);
      const correct = rng.chance(this.solved[i] ? Math.min(0.95, b.success + 0.25) : b.success);
      this.tick(rng.int(40, 240));
      this.out.push(
        x.evaluated(rng.uuid(), this.scope, this.ts(this.t), item, this.attempts[i] as number, correct, goal),
      );
      if (correct) {
        if (!this.solved[i]) {
          this.solved[i] = 1;
          this.tick(rng.int(1, 3));
          this.out.push(x.progressed(rng.uuid(), this.scope, this.ts(this.t), item));
        }
        return;
      }
    }
  }

  /** Submits; returns false when the learner failed and will retake it next session. */
  private takeAssessment(item: DemoItem): boolean {
    const { rng } = this;
    const i = item.position - 1;
    this.tries[i] = Math.min(255, (this.tries[i] as number) + 1);
    const seconds = rng.int(600, 2400);
    this.tick(seconds);
    this.out.push(x.submitted(rng.uuid(), this.scope, this.ts(this.t), item, seconds));
    const score = Math.round(rng.normal(this.b.meanScore, 12, 0, 100));
    if (item.requiresCorrection) {
      // A grader scores most submissions a few days later; the rest still await correction.
      if (rng.chance(0.7))
        this.pending.push({ ms: this.t + rng.int(1, 6) * DAY_MS + rng.int(0, 28_800) * 1000, item, score });
      return true;
    }
    this.tick(rng.int(5, 30));
    this.out.push(x.scored(rng.uuid(), this.scope, this.ts(this.t), item, score));
    const failed = item.minScore !== null && score < item.minScore;
    const attemptsLeft = item.maxAttempts === null || (this.tries[i] as number) < item.maxAttempts;
    return !(failed && attemptsLeft && rng.chance(0.6));
  }

  /** Writes the grades that came in before `until`; later ones stay pending (or never come). */
  private flushGrades(until: number): void {
    if (this.pending.length === 0) return;
    const due = this.pending.filter((p) => p.ms < until && p.ms < this.asOfMs).sort((a, b) => a.ms - b.ms);
    this.pending = this.pending.filter((p) => !(p.ms < until && p.ms < this.asOfMs));
    for (const p of due) this.out.push(x.scored(this.rng.uuid(), this.scope, this.ts(p.ms), p.item, p.score));
  }

  private goalQueue(): QueuedGoalAttempt[] {
    const queue: QueuedGoalAttempt[] = [];
    for (const goal of this.plan.course.goals) {
      const profile = goalProfile(this.rng, this.plan.archetype);
      if (profile !== "no_work") {
        for (const problems of goal.targetProblems) {
          for (const p of problems)
            if (this.assigned.get(p.position) === undefined)
              this.assigned.set(p.position, profile === "complete" ? goal.id : null);
        }
      }
      const attempts = goalAttempts(this.rng, goal, profile);
      // Some goal work arrives through Knewton's graded-events door rather than as xAPI.
      const graded = this.rng.chance(0.3);
      for (const a of attempts) queue.push({ ...a, goalId: goal.id, graded });
    }
    return queue;
  }

  private goalAttempt(a: QueuedGoalAttempt): void {
    const { rng, plan } = this;
    const i = a.item.position - 1;
    this.attempts[i] = Math.min(255, (this.attempts[i] as number) + 1);
    this.tick(rng.int(40, 150));
    if (a.graded) this.out.push(gradedEventRecord(plan.enrollmentId, a.item, this.t, a.correct, a.goalId));
    else {
      const goal = { goalId: a.goalId, registration: plan.enrollmentId };
      this.out.push(
        x.evaluated(rng.uuid(), this.scope, this.ts(this.t), a.item, this.attempts[i] as number, a.correct, goal),
      );
    }
    if (a.correct && !this.solved[i]) {
      // The assignment's problems are the course's own: solving one completes it there too.
      this.solved[i] = 1;
      this.tick(rng.int(1, 3));
      this.out.push(x.progressed(rng.uuid(), this.scope, this.ts(this.t), a.item));
    }
  }

  /** iSpring-style course completion and grade for some of those who kept at it. */
  private maybeCompleteCourse(): void {
    const { rng, plan } = this;
    const p =
      plan.archetype === "steady"
        ? 0.35
        : plan.archetype === "average"
          ? 0.08
          : plan.archetype === "struggling"
            ? 0.05
            : 0;
    if (!rng.chance(p)) return;
    this.tick(rng.int(60, 300));
    const score = Math.round(rng.normal(this.b.meanScore, 10, 0, 100));
    const passing = plan.course.spec.passingScore;
    const passed = passing === null || score >= passing;
    this.out.push(x.courseEarned(rng.uuid(), this.scope, this.ts(this.t), score, passed));
    this.tick(rng.int(1, 5));
    const outcome = passing === null ? "completed" : passed ? "passed" : "failed";
    this.out.push(x.courseCompleted(rng.uuid(), this.scope, this.ts(this.t), score, outcome));
  }
}
