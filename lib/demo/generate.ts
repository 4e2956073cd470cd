import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { isDay } from "@/lib/time";
import { demoAccounts, DEMO_LEARNER_USERNAME, LEARNER_EMAIL_DOMAIN } from "./accounts";
import {
  activeDays,
  ARCHETYPE_WEIGHTS,
  enrolmentDay,
  KEEP_ARCHETYPE,
  unenrolmentDay,
  type Archetype,
} from "./archetypes";
import { buildCatalog, DAY_MS, type DemoCourse } from "./catalog";
import { LEARNER_DEPARTMENTS } from "./course-specs";
import { EnrollmentRun, type EnrollmentPlan } from "./enrollment";
import { explicitCompletion } from "./ispring-statuses";
import { EDUCATION_LEVELS, FIRST_NAMES, LAST_NAMES, PLACES } from "./names";
import { population } from "./population";
import { Random } from "@/lib/random";
import { catalogRecords, enrollmentRecord, userRecord, type LearnerProfile } from "./records";
import { SESSION_SIZES, sessionRecords } from "./sessions";
import { actorOf, courseXapi, type CourseXapi } from "./xapi";

export interface DemoOptions {
  /** Learners in the largest course (default 3,000); the others have 40 and 500, capped at this. */
  learners?: number;
  seed?: number;
  /** The as-of day `YYYY-MM-DD`: activity covers the 70 days before it. */
  asOf: string;
}

export const DEFAULT_LEARNERS = 3000;
export const DEFAULT_SEED = 1;

/**
 * The demo as JSON Lines (docs/import-format.md § The file), one record per yielded string, without the newline.
 * Catalog first, then learner by learner: the user, their enrolments, their statements. It
 * streams: memory stays flat whatever `learners` is. Same options ⇒ byte-identical output.
 */
export function* generateDemo(opts: DemoOptions): Generator<string> {
  const learners = opts.learners ?? DEFAULT_LEARNERS;
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!isDay(opts.asOf)) throw new Error(`asOf must be a day YYYY-MM-DD, got "${opts.asOf}"`);
  if (!Number.isSafeInteger(learners) || learners < 1)
    throw new Error(`learners must be a positive integer, got ${learners}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const asOfMs = Date.parse(`${opts.asOf}T00:00:00Z`);
  const courses = buildCatalog(opts.asOf);
  yield* catalogRecords(courses);

  const xapis = courses.map(courseXapi);
  const people = population(learners);
  const rng = new Random(seed);
  // Bounded by the number of first×last name pairs, not by the number of learners.
  const taken = new Map<string, number>([[DEMO_LEARNER_USERNAME, 1]]);
  const out: string[] = [];
  const sessionPeople: LearnerProfile[] = [];
  for (let i = 0; i < people.total; i++) {
    const profile = i === 0 ? demoLearner(rng) : learnerProfile(rng, taken);
    out.push(userRecord(profile));
    // The seminar's extra runs (sessions.ts) take people who are not in the seminar, nor the demo learner.
    if (
      i > 0 &&
      sessionPeople.length < SESSION_SIZES.ended + SESSION_SIZES.upcoming &&
      !people.coursesOf(i).includes(0)
    )
      sessionPeople.push(profile);
    const hour = rng.int(7, 18);
    const primary: Archetype = i === 0 ? "steady" : rng.weighted(ARCHETYPE_WEIGHTS);
    const plans = people.coursesOf(i).map((c, n) => {
      const archetype = i === 0 || n === 0 || rng.chance(KEEP_ARCHETYPE) ? primary : rng.weighted(ARCHETYPE_WEIGHTS);
      return planEnrollment(rng, courses[c] as DemoCourse, xapis[c] as CourseXapi, archetype, asOfMs, hour, i === 0);
    });
    for (const p of plans) out.push(enrollmentLine(rng, p, profile.username, asOfMs));
    const actor = actorOf(profile.anonymousId);
    for (const p of plans) new EnrollmentRun(rng, out, p, asOfMs, actor).run();
    for (const l of out) yield l;
    out.length = 0;
  }
  yield* sessionRecords(opts.asOf, sessionPeople, rng);
}

function planEnrollment(
  rng: Random,
  course: DemoCourse,
  xapi: CourseXapi,
  archetype: Archetype,
  asOfMs: number,
  hour: number,
  demo: boolean,
): EnrollmentPlan {
  const enrolK = demo ? 68 : enrolmentDay(rng, archetype);
  const leaveK = archetype === "unenrolled" ? unenrolmentDay(rng, enrolK) : null;
  const dayStart = (k: number): number => asOfMs - k * DAY_MS;
  return {
    course,
    xapi,
    archetype,
    enrollmentId: rng.uuid(),
    mode: demo ? "verified" : rng.weighted({ audit: 0.35, honor: 0.2, verified: 0.45 }),
    enrolledMs: dayStart(enrolK) + rng.int(6 * 3600, 12 * 3600) * 1000,
    unenrolledMs: leaveK === null ? null : dayStart(leaveK) + rng.int(8 * 3600, 20 * 3600) * 1000,
    days: activeDays(rng, archetype, enrolK, leaveK),
    hour,
  };
}

function enrollmentLine(rng: Random, p: EnrollmentPlan, username: string, asOfMs: number): string {
  const cohorts = p.course.spec.cohorts;
  return enrollmentRecord({
    id: p.enrollmentId,
    courseId: p.course.id,
    username,
    mode: p.mode,
    cohort: rng.chance(0.92) ? rng.pick(cohorts) : null,
    enrolledMs: p.enrolledMs,
    unenrolledMs: p.unenrolledMs,
    dueMs: p.mode === "verified" ? p.course.endsMs : null,
    expiresMs: p.mode === "audit" ? p.enrolledMs + 84 * DAY_MS : null,
    completion: explicitCompletion(p, asOfMs),
  });
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function learnerProfile(rng: Random, taken: Map<string, number>): LearnerProfile {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const base = `${slug(first)}.${slug(last)}`;
  // Bases never end in a digit, so "ana.lee2" cannot collide with another base.
  const seen = taken.get(base) ?? 0;
  taken.set(base, seen + 1);
  const username = seen === 0 ? base : `${base}${seen + 1}`;
  return person(
    rng,
    username,
    `${first} ${last}`,
    `${username}@${LEARNER_EMAIL_DOMAIN}`,
    rng.pick(LEARNER_DEPARTMENTS),
  );
}

function demoLearner(rng: Random): LearnerProfile {
  const account = demoAccounts.find((a) => a.username === DEMO_LEARNER_USERNAME);
  if (!account) throw new Error("the demo learner account is missing");
  return {
    ...person(rng, account.username, account.name, account.email, account.departmentId),
    password: account.password,
  };
}

function person(rng: Random, username: string, name: string, email: string, departmentId: string): LearnerProfile {
  const [city, country, language] = rng.pick(PLACES);
  return {
    id: rng.uuid(),
    username,
    name,
    email,
    departmentId,
    anonymousId: rng.uuid(),
    language,
    country,
    city,
    gender: rng.pick(["f", "m", "o", null]),
    yearOfBirth: rng.int(1968, 2007),
    levelOfEducation: rng.pick(EDUCATION_LEVELS),
  };
}

export interface DemoWriteResult {
  lines: number;
  bytes: number;
  /** Lines per record type. */
  counts: Record<string, number>;
}

/** Streams the demo to a file (or any writable), newline-terminated; see `writeJsonLines`. */
export function writeDemo(target: string | Writable, opts: DemoOptions): Promise<DemoWriteResult> {
  return writeJsonLines(target, generateDemo(opts));
}

/**
 * Streams JSON Lines records (each starting with `{"type":"…"`) to a file or any writable,
 * newline-terminated, in ~1 MB writes that wait for the stream to drain, so a 10 GB file needs no
 * more memory than a small one. Also used by the benchmark's course generator.
 */
export async function writeJsonLines(target: string | Writable, records: Iterable<string>): Promise<DemoWriteResult> {
  const stream = typeof target === "string" ? createWriteStream(target) : target;
  const counts: Record<string, number> = {};
  let lines = 0;
  let bytes = 0;
  let chunk = "";
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(chunk);
    if (!stream.write(chunk)) await once(stream, "drain");
    chunk = "";
  };
  for (const l of records) {
    // Every record starts with {"type":"…", so the type is read without parsing the line.
    const type = l.slice(9, l.indexOf('"', 9));
    counts[type] = (counts[type] ?? 0) + 1;
    lines++;
    chunk += `${l}\n`;
    if (chunk.length >= 1 << 20) await flush();
  }
  if (chunk.length > 0) await flush();
  if (typeof target === "string") {
    stream.end();
    await once(stream, "finish");
  }
  return { lines, bytes, counts };
}
