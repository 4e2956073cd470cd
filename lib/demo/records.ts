import { demoAccounts, MANAGED_DEPARTMENT_ID } from "./accounts";
import { DEPARTMENTS, OBJECTIVES } from "./course-specs";
import type { DemoCourse, DemoItem } from "./catalog";
import { Random } from "@/lib/random";

/**
 * The non-statement import records (docs/import-format.md § The file), in an order where each refers only to
 * lines before it: departments, staff, courses and their staff, objectives, items, goals.
 */

const iso = (ms: number): string => new Date(ms).toISOString();
const line = (value: object): string => JSON.stringify(value);

export function* catalogRecords(courses: readonly DemoCourse[]): Generator<string> {
  for (const d of DEPARTMENTS) yield line({ type: "department", id: d.id, name: d.name, parent_id: d.parentId });
  // Staff ids are fixed so a re-import of a demo with another seed updates the same people.
  const ids = new Random(0x57aff);
  for (const a of demoAccounts) {
    if (a.role === "learner") continue;
    yield line({
      type: "user",
      id: ids.uuid(),
      username: a.username,
      name: a.name,
      email: a.email,
      status: "active",
      role: a.role === "admin" || a.role === "department_admin" ? a.role : "user",
      department_id: a.departmentId,
      password: a.password,
      ...(a.role === "department_admin" ? { managed_department_ids: [MANAGED_DEPARTMENT_ID] } : {}),
      language: "en",
    });
  }
  for (const c of courses) {
    yield courseRecord(c);
    yield line({ type: "staff", course_id: c.id, user: c.spec.instructor, role: "instructor" });
    if (c.spec.assistant) yield line({ type: "staff", course_id: c.id, user: c.spec.assistant, role: "staff" });
  }
  for (const [id, name] of Object.entries(OBJECTIVES)) yield line({ type: "objective", id, name });
  for (const c of courses) for (const item of c.items) yield itemRecord(c, item);
  for (const c of courses) {
    for (const g of c.goals) {
      yield line({
        type: "goal",
        id: g.id,
        course_id: c.id,
        name: g.name,
        targets: g.targets,
        ...(g.topics ? { topics: g.topics } : {}),
        completion_criteria: g.criteria,
      });
    }
  }
}

export function courseRecord(c: DemoCourse): string {
  return line({
    type: "course",
    id: c.id,
    title: c.spec.title,
    starts_at: iso(c.startsMs),
    ends_at: iso(c.endsMs),
    passing_score: c.spec.passingScore,
  });
}

export function itemRecord(c: DemoCourse, item: DemoItem): string {
  return line({
    type: "item",
    course_id: c.id,
    id: item.id,
    kind: item.kind,
    title: item.title,
    position: item.position,
    mandatory: item.mandatory,
    ...(item.dueAt !== null ? { due_at: item.dueAt } : {}),
    ...(item.dueAfterDays !== null ? { due_after_days: item.dueAfterDays } : {}),
    ...(item.minScore !== null ? { min_score: item.minScore } : {}),
    ...(item.maxAttempts !== null ? { max_attempts: item.maxAttempts } : {}),
    requires_correction: item.requiresCorrection,
    objectives: item.objectives,
  });
}

export interface LearnerProfile {
  id: string;
  username: string;
  name: string;
  email: string;
  departmentId: string;
  anonymousId: string;
  password?: string;
  language: string;
  country: string;
  city: string;
  gender: string | null;
  yearOfBirth: number;
  levelOfEducation: string;
}

export function userRecord(p: LearnerProfile): string {
  return line({
    type: "user",
    id: p.id,
    username: p.username,
    name: p.name,
    email: p.email,
    status: "active",
    role: "user",
    department_id: p.departmentId,
    ...(p.password ? { password: p.password } : {}),
    external_ids: [p.anonymousId],
    language: p.language,
    country: p.country,
    city: p.city,
    ...(p.gender ? { gender: p.gender } : {}),
    year_of_birth: p.yearOfBirth,
    level_of_education: p.levelOfEducation,
  });
}

export interface EnrollmentFields {
  id: string;
  courseId: string;
  username: string;
  mode: string;
  cohort: string | null;
  enrolledMs: number;
  unenrolledMs: number | null;
  /** Verified learners have a deadline (the course end); audit access expires. */
  dueMs: number | null;
  expiresMs: number | null;
  /** An explicit completion status (`ispring-statuses.ts`). */
  completion?: ExplicitCompletion | null;
}

/**
 * The completion statuses no statement sets, given explicitly on an enrollment record (chosen in
 * `ispring-statuses.ts`, which imports this: records.ts imports nothing that leads back to it).
 */
export type ExplicitStatus = "pending" | "accepted" | "incomplete" | "declined";

export interface ExplicitCompletion {
  status: ExplicitStatus;
  completedMs: number | null;
}

export function enrollmentRecord(e: EnrollmentFields): string {
  return line({
    type: "enrollment",
    course_id: e.courseId,
    user: e.username,
    id: e.id,
    mode: e.mode,
    cohort: e.cohort,
    enrolled_at: iso(e.enrolledMs),
    is_active: e.unenrolledMs === null,
    ...(e.unenrolledMs !== null ? { unenrolled_at: iso(e.unenrolledMs) } : {}),
    ...(e.dueMs !== null ? { due_date: iso(e.dueMs) } : {}),
    ...(e.expiresMs !== null ? { expiration_date: iso(e.expiresMs) } : {}),
    ...(e.completion ? { completion_status: e.completion.status } : {}),
    ...(e.completion?.completedMs ? { completed_at: iso(e.completion.completedMs) } : {}),
  });
}

/** A Knewton graded event, on a goal when `goalId` is given; the import treats it as a problem attempt in the registration's course. */
export function gradedEventRecord(
  registrationId: string,
  item: DemoItem,
  ms: number,
  correct: boolean,
  goalId?: string,
): string {
  const goal = goalId === undefined ? "" : `,"goal_id":"${goalId}"`;
  return `{"type":"graded_event","registration_id":"${registrationId}","module_id":"${item.id}","interaction_end_time":"${iso(ms)}","is_correct":${correct}${goal}}`;
}
