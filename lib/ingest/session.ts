import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { CatalogStore, type EnrollmentRow } from "@/db/queries/catalog";
import { EventSink } from "@/db/queries/events";
import { StatementStore } from "@/db/queries/statements";
import { DepartmentStore, UserStore } from "@/db/queries/users";
import { BoundedMap } from "./bounded-map";

/** Entries per lookup cache: enough for any course's roster and catalog, small enough to stay flat. */
const CACHE_LIMIT = 50_000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionOptions {
  /** The time taken for "now" (stored times, default enrolment dates); the wall clock by default. */
  now?: Date;
  /** A bulk import: learner-days are recomputed once at the end rather than kept in step event by event. */
  bulk?: boolean;
}

/**
 * Everything one ingest transaction works with: the stores, the EventSink, and bounded caches of
 * lookups (users by reference, courses, item kinds, enrollments). The caches live only as long
 * as the transaction, so a rollback never leaves a stale entry behind.
 */
export class IngestSession {
  readonly sink: EventSink;
  readonly users: UserStore;
  readonly departments: DepartmentStore;
  readonly catalog: CatalogStore;
  readonly statements: StatementStore;
  readonly now: Date;
  /** User ids by actor key or user reference. */
  readonly userIds = new BoundedMap<string, string>(CACHE_LIMIT);
  private readonly courses = new BoundedMap<string, true>(CACHE_LIMIT);
  private readonly itemKinds = new BoundedMap<string, string>(CACHE_LIMIT);
  private readonly enrollments = new BoundedMap<string, EnrollmentRow>(CACHE_LIMIT);
  private readonly fixedNow: boolean;

  constructor(
    readonly db: Db,
    opts: SessionOptions = {},
  ) {
    this.sink = new EventSink(db, { daysOnFinish: opts.bulk ?? false });
    this.users = new UserStore(db);
    this.departments = new DepartmentStore(db);
    this.catalog = new CatalogStore(db);
    this.statements = new StatementStore(db);
    this.now = opts.now ?? new Date();
    this.fixedNow = opts.now !== undefined;
  }

  courseExists(id: string): boolean {
    if (this.courses.get(id)) return true;
    const found = this.catalog.course(id) !== undefined;
    if (found) this.courses.set(id, true);
    return found;
  }

  /** Creates a course first seen in activity (unknown courses are created). */
  ensureCourse(id: string, title: string): void {
    if (this.courses.get(id)) return;
    if (this.catalog.insertCourseIfAbsent(id, title)) this.sink.touchCourse(id);
    this.courses.set(id, true);
  }

  /** After a catalog write to a course. */
  courseChanged(id: string): void {
    this.courses.set(id, true);
    this.sink.touchCourse(id);
  }

  itemKind(courseId: string, itemId: string): string | undefined {
    const key = `${courseId}\u0000${itemId}`;
    const cached = this.itemKinds.get(key);
    if (cached !== undefined) return cached;
    const kind = this.catalog.item(courseId, itemId)?.kind;
    if (kind !== undefined) this.itemKinds.set(key, kind);
    return kind;
  }

  /** Creates an item first seen in activity; an existing item keeps its catalog fields. */
  ensureItem(courseId: string, itemId: string, kind: string, title: string, mandatory: boolean): void {
    if (this.itemKind(courseId, itemId) !== undefined) return;
    this.catalog.insertItemIfAbsent(courseId, itemId, kind, title, mandatory);
    this.itemKinds.set(`${courseId}\u0000${itemId}`, kind);
    this.sink.touchCourse(courseId);
  }

  /** After a catalog write to an item. */
  itemChanged(courseId: string, itemId: string, kind: string): void {
    this.itemKinds.set(`${courseId}\u0000${itemId}`, kind);
    this.sink.touchCourse(courseId);
  }

  enrollment(courseId: string, userId: string): EnrollmentRow | undefined {
    const key = `${courseId}\u0000${userId}`;
    const cached = this.enrollments.get(key);
    if (cached) return cached;
    const row = this.catalog.enrollment(courseId, userId);
    if (row) this.enrollments.set(key, row);
    return row;
  }

  /** Writes an enrollment (new or changed) and marks its roster row for refreshing. */
  saveEnrollment(row: EnrollmentRow): void {
    this.catalog.upsertEnrollment(row);
    this.enrollments.set(`${row.course_id}\u0000${row.user_id}`, { ...row });
    this.sink.touchLearner(row.course_id, row.user_id);
  }

  /**
   * The learner's enrollment in the course, created (active, enrolled at `at`) when activity
   * arrives before any enrollment: someone working in a course is on its roster.
   */
  ensureEnrollment(courseId: string, userId: string, at: string, preferredId?: string): EnrollmentRow {
    const existing = this.enrollment(courseId, userId);
    if (existing) return existing;
    const row = newEnrollment(this.newEnrollmentId(preferredId), courseId, userId, at);
    this.saveEnrollment(row);
    return row;
  }

  /** `preferred` (e.g. an xAPI registration) when it is a UUID no other enrollment uses, else a new UUID. */
  newEnrollmentId(preferred?: string): string {
    if (preferred && UUID_RE.test(preferred)) {
      const id = preferred.toLowerCase();
      if (!this.catalog.enrollmentById(id)) return id;
    }
    return randomUUID();
  }

  /** A `{"user": …}` reference: a user's id, username or email, in that order. */
  resolveUserRef(ref: string): string | undefined {
    const key = `ref:${ref}`;
    const cached = this.userIds.get(key);
    if (cached) return cached;
    const id =
      this.users.byId(ref)?.id ??
      this.users.byUsername(ref)?.id ??
      (ref.includes("@") ? this.users.byEmail(ref)?.id : undefined);
    if (id) this.userIds.set(key, id);
    return id;
  }

  /** A user's username, email or external ids changed: cached references may now be wrong. */
  usersChanged(): void {
    this.userIds.clear();
  }

  /** Caches the references that name a user just written, so the records after it find it without a query. */
  rememberUser(user: { id: string; username: string; email: string | null }): void {
    this.userIds.set(`ref:${user.id}`, user.id);
    this.userIds.set(`ref:${user.username}`, user.id);
    if (user.email !== null) this.userIds.set(`ref:${user.email}`, user.id);
  }

  /** Brings derived figures up to date; call once, just before COMMIT. */
  finish(): void {
    this.sink.finish(this.fixedNow ? this.now : new Date());
  }
}

export function newEnrollment(id: string, courseId: string, userId: string, enrolledAt: string): EnrollmentRow {
  return {
    id,
    course_id: courseId,
    user_id: userId,
    mode: "audit",
    cohort: null,
    enrolled_at: enrolledAt,
    is_active: 1,
    unenrolled_at: null,
    access_date: null,
    due_date: null,
    expiration_date: null,
    completion_status: null,
    completed_at: null,
    score: null,
  };
}

/**
 * Runs `work` in one IMMEDIATE transaction with a fresh session, brings derived figures up to
 * date and commits; any throw rolls everything back. For the HTTP doors (xAPI batches, graded
 * events), whose work is synchronous.
 */
export function runIngest<T>(db: Db, work: (session: IngestSession) => T, opts: SessionOptions = {}): T {
  const tx = db.$client.transaction(() => {
    const session = new IngestSession(db, opts);
    const result = work(session);
    session.finish();
    return result;
  });
  return tx.immediate();
}
