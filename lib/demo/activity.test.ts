import { describe, expect, it } from "vitest";
import { segmentsByCourse } from "./demo-segments";
import { buildCatalog, generateDemo, LMS_URL } from "./index";
import { readDemo, type ReadEnrollment } from "./read-demo";
import { buildSessions, SESSION_SIZES } from "./sessions";

const asOf = "2026-03-16";
const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
const DAY = 86_400_000;
const lines = [...generateDemo({ asOf })];
const read = readDemo(lines);
const catalog = buildCatalog(asOf);
const sessions = Object.values(buildSessions(asOf));
const large = catalog.find((c) => c.key === "large");
if (!large) throw new Error("no large course");

const activeBetween = (e: ReadEnrollment, fromK: number, toK: number): boolean =>
  e.events.some((ev) => ev.ts >= asOfMs - fromK * DAY && ev.ts < asOfMs - toK * DAY);

describe("demo at the default size", () => {
  it("has the expected catalog and one enrolment per learner and course", () => {
    expect(read.counts).toMatchObject({
      department: 14,
      course: 5,
      staff: 4,
      objective: 17,
      goal: 6,
      enrollment: 3540 + SESSION_SIZES.ended + SESSION_SIZES.upcoming,
    });
    expect(read.counts.item).toBe([...catalog, ...sessions].reduce((n, c) => n + c.items.length, 0));
    expect(read.counts.statement).toBeGreaterThan(250_000);
    expect(read.counts.graded_event).toBeGreaterThan(1000);
  });

  it("writes statements shaped like Open edX event-routing-backends output", () => {
    const anon = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const courseIri = new RegExp(`^${LMS_URL}/course/course-v1:LanternU\\+[A-Z0-9]+\\+2026_(T1|T2|WI)$`);
    const problemIri = /\/xblock\/block-v1:LanternU\+\w+\+2026_(T1|T2|WI)\+type@problem\+block@[0-9a-f]{32}$/;
    const byVerb = new Map<string, number>();
    const wrong: string[] = [];
    // Plain checks, one assertion at the end: 350,000 expect() calls would take most of a minute.
    const check = (ok: boolean, what: string, s: unknown): void => {
      if (!ok && wrong.length < 5) wrong.push(`${what}: ${JSON.stringify(s)}`);
    };
    for (const s of read.statements) {
      const verb = s.verb.display.en;
      byVerb.set(verb, (byVerb.get(verb) ?? 0) + 1);
      check(s.version === "1.0.3", "version", s);
      check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/.test(s.timestamp), "timestamp", s);
      check(
        s.actor.objectType === "Agent" && s.actor.account.homePage === LMS_URL && anon.test(s.actor.account.name),
        "actor",
        s,
      );
      check(
        /^[0-9a-f]{32}$/.test(String(s.context.extensions["https://w3id.org/xapi/openedx/extensions/session-id"])),
        "session",
        s,
      );
      const parent = s.context.contextActivities?.parent[0];
      if (parent)
        check(
          courseIri.test(parent.id) && parent.definition.type === "http://adlnet.gov/expapi/activities/course",
          "parent",
          s,
        );
      else
        check(
          courseIri.test(s.object.id) && s.object.definition.type === "http://adlnet.gov/expapi/activities/course",
          "course object",
          s,
        );
      if (verb === "evaluated") {
        check(
          problemIri.test(s.object.id) &&
            s.object.definition.type === "http://adlnet.gov/expapi/activities/cmi.interaction",
          "problem",
          s,
        );
        check(
          typeof s.result?.success === "boolean" && s.result.score?.scaled === (s.result.success ? 1 : 0),
          "problem result",
          s,
        );
        check(/^choice_\d$/.test(s.result?.response ?? ""), "response", s);
      }
      if (verb === "played") check(s.object.id.includes("+type@video+block@"), "video", s);
      if (verb === "posted")
        check(s.object.definition.type === "http://id.tincanapi.com/activitytype/discussion", "discussion", s);
    }
    expect(wrong).toEqual([]);
    for (const verb of [
      "registered",
      "unregistered",
      "launched",
      "evaluated",
      "played",
      "completed",
      "progressed",
      "posted",
      "submitted",
      "scored",
      "earned",
      "passed",
      "failed",
    ]) {
      expect(byVerb.get(verb) ?? 0, verb).toBeGreaterThan(0);
    }
  });

  it("lists each actor's anonymous id in their user record", () => {
    const external = new Set(
      lines
        .filter((l) => l.startsWith('{"type":"user"'))
        .flatMap((l) => (JSON.parse(l) as { external_ids?: string[] }).external_ids ?? []),
    );
    expect(read.statements.filter((s) => !external.has(s.actor.account.name))).toEqual([]);
  });

  it("unregisters every unenrolled learner with an Open edX statement at unenrolled_at", () => {
    const unenrolled = lines
      .filter((l) => l.startsWith('{"type":"enrollment"') && l.includes('"is_active":false'))
      .map((l) => JSON.parse(l) as { unenrolled_at: string });
    const unregistered = new Set(
      read.statements.filter((s) => s.verb.display.en === "unregistered").map((s) => Date.parse(s.timestamp)),
    );
    expect(unenrolled.length).toBeGreaterThan(100);
    for (const e of unenrolled) expect(unregistered.has(Date.parse(e.unenrolled_at))).toBe(true);
  });

  it("leaves some hand-graded submissions awaiting correction", () => {
    const finals = new Set(catalog.flatMap((c) => c.items.filter((i) => i.requiresCorrection).map((i) => i.id)));
    let awaiting = 0;
    let graded = 0;
    for (const e of read.enrollments.values()) {
      for (const id of finals) {
        const submitted = e.events.some((ev) => ev.kind === "item_submitted" && ev.itemId === id);
        const scored = e.events.some((ev) => ev.kind === "item_scored" && ev.itemId === id);
        if (submitted && scored) graded++;
        if (submitted && !scored) awaiting++;
      }
    }
    expect(awaiting).toBeGreaterThan(10);
    expect(graded).toBeGreaterThan(10);
  });

  it("puts goal-scoped work of every size on every goal", () => {
    for (const course of catalog) {
      for (const goal of course.goals) {
        const work = [...read.enrollments.values()]
          .filter((e) => e.courseId === course.id)
          .map((e) => e.events.filter((ev) => ev.goalId === goal.id));
        const sizes = work.map((w) => w.length);
        expect(sizes.filter((n) => n === 0).length, goal.name).toBeGreaterThan(0);
        expect(sizes.filter((n) => n > 0 && n < goal.criteria.max_work_on_goal).length, goal.name).toBeGreaterThan(0);
        if (course.key !== "small") {
          expect(sizes.filter((n) => n >= goal.criteria.max_work_on_goal).length, goal.name).toBeGreaterThan(0);
          // Wheel-spinning: a target missed again and again without a correct answer in between.
          const spinning = work.filter(
            (w) =>
              w.length > 0 && w.filter((ev) => !ev.success).length >= 3 && w.length < goal.criteria.max_work_on_goal,
          );
          expect(spinning.length, goal.name).toBeGreaterThan(0);
        }
      }
    }
  });

  it("puts most work on a goal's target problems through a goal, as an adaptive assignment would", () => {
    for (const course of catalog) {
      const enrollments = [...read.enrollments.values()].filter((e) => e.courseId === course.id);
      for (const goal of course.goals) {
        const targets = new Set(goal.targetProblems.flat().map((p) => p.id));
        const attempts = enrollments.flatMap((e) =>
          e.events.filter((ev) => ev.kind === "problem_attempt" && targets.has(ev.itemId)),
        );
        const scoped = attempts.filter((ev) => ev.goalId !== null).length;
        // The rest is the work of learners who have not started the goal, which the learner page
        // shows as work outside it.
        expect(scoped / attempts.length, goal.name).toBeGreaterThan(0.7);
      }
    }
  });

  it("fills every segment of every course over the default window", () => {
    // The seminar's extra runs (sessions.ts) are outside this term: their learners are inactive in it.
    const segments = new Map([...segmentsByCourse(read, asOf)].filter(([id]) => catalog.some((c) => c.id === id)));
    expect([...segments.values()].map((s) => s.learners).sort((a, b) => a - b)).toEqual([40, 500, 3000]);
    for (const [course, s] of segments) {
      for (const [segment, n] of Object.entries(s.segments)) expect(n, `${course} ${segment}`).toBeGreaterThan(0);
    }
    const big = segments.get(large.id);
    if (!big) throw new Error("no segments for the large course");
    expect(big.activeInWindow / big.learners).toBeGreaterThan(0.4);
    for (const n of Object.values(big.segments)) expect(n / big.learners).toBeGreaterThan(0.05);
  });

  it("shows each behaviour in the week-by-week activity of the large course", () => {
    const roster = [...read.enrollments.values()].filter((e) => e.courseId === large.id);
    const pattern = { never: 0, inactive: 0, disengaging: 0, unenrolled: 0, busy: 0, struggling: 0 };
    for (const e of roster) {
      const last = activeBetween(e, 7, 0);
      const prev = activeBetween(e, 14, 7);
      if (!e.isActive) pattern.unenrolled++;
      else if (e.events.length === 0) pattern.never++;
      else if (!last && !prev) pattern.inactive++;
      else if (!last && prev) pattern.disengaging++;
      const week = e.events.filter((ev) => ev.ts >= asOfMs - 7 * DAY && ev.kind === "problem_attempt");
      const days = new Set(e.events.filter((ev) => ev.ts >= asOfMs - 7 * DAY).map((ev) => Math.floor(ev.ts / DAY)));
      if (days.size >= 3 && week.length >= 10) pattern.busy++;
      if (week.length >= 8 && week.filter((ev) => ev.success).length / week.length < 0.35) pattern.struggling++;
    }
    for (const [name, n] of Object.entries(pattern)) expect(n / roster.length, name).toBeGreaterThan(0.04);
  });

  it("spreads activity over all seventy days", () => {
    const days = new Set<number>();
    for (const e of read.enrollments.values()) for (const ev of e.events) days.add(Math.floor(ev.ts / DAY));
    expect(days.size).toBe(70);
    const perActive =
      (read.counts.statement ?? 0) / [...read.enrollments.values()].filter((e) => e.events.length > 0).length;
    expect(perActive).toBeGreaterThan(60);
    expect(perActive).toBeLessThan(160);
  });
});
