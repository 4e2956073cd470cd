import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { EventSink, type NormalisedEvent } from "@/db/queries/events";
import { addDays } from "@/lib/time";

/** Fixes the as-of day of the process (writes refresh the summaries for it) and returns it. */
export function fixAsOf(day = "2026-03-20"): string {
  process.env.LANTERN_AS_OF = day;
  return day;
}

/** A learner of a test roster; what is not given gets a plain default. */
export interface LearnerSpec {
  username: string;
  name?: string;
  email?: string | null;
  mode?: string;
  cohort?: string | null;
  enrolledAt?: string;
  isActive?: boolean;
}

/** Runs `fill` with an EventSink in one transaction, as every door does. */
export function withSink(db: Db, fill: (sink: EventSink) => void): void {
  db.$client.transaction(() => {
    const sink = new EventSink(db);
    fill(sink);
    sink.finish();
  })();
}

/**
 * Enrolls learners in a course (created when missing), declaring their cohorts, and keeps the
 * derived rows in step. Returns user ids by username.
 */
export function enrollLearners(db: Db, courseId: string, specs: readonly LearnerSpec[]): Map<string, string> {
  const s = db.$client;
  const ids = new Map<string, string>();
  withSink(db, (sink) => {
    s.prepare(`INSERT INTO courses (id, title) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(
      courseId,
      `Course ${courseId}`,
    );
    for (const l of specs) {
      const email = l.email === undefined ? `${l.username}@example.com` : l.email;
      const existing = s.prepare(`SELECT id FROM users WHERE username = ?`).pluck().get(l.username) as
        string | undefined;
      const id = existing ?? randomUUID();
      if (!existing) {
        s.prepare(`INSERT INTO users (id, username, name, email, email_lower) VALUES (?, ?, ?, ?, ?)`).run(
          id,
          l.username,
          l.name ?? l.username,
          email,
          email?.toLowerCase() ?? null,
        );
      }
      if (l.cohort)
        s.prepare(`INSERT INTO cohorts (course_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(courseId, l.cohort);
      s.prepare(
        `INSERT INTO enrollments (id, course_id, user_id, mode, cohort, enrolled_at, is_active) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        randomUUID(),
        courseId,
        id,
        l.mode ?? "audit",
        l.cohort ?? null,
        l.enrolledAt ?? "2026-01-05T10:00:00.000Z",
        l.isActive === false ? 0 : 1,
      );
      sink.touchLearner(courseId, id);
      ids.set(l.username, id);
    }
  });
  return ids;
}

/** Stores events through the EventSink. */
export function addEvents(db: Db, events: readonly NormalisedEvent[]): void {
  withSink(db, (sink) => events.forEach((e) => sink.add(e)));
}

/** Milliseconds at `hour`:00 UTC, `daysBefore` days before `asOf`. */
export function daysBefore(asOf: string, days: number, hour = 12): number {
  return Date.parse(`${addDays(asOf, -days)}T${String(hour).padStart(2, "0")}:00:00Z`);
}

/** Problem attempts on one item, one event per result (true = correct). */
export function attemptsOn(
  base: Omit<NormalisedEvent, "kind" | "success">,
  results: readonly boolean[],
): NormalisedEvent[] {
  return results.map((success, i) => ({ ...base, kind: "problem_attempt", success, ts: base.ts + i * 1000 }));
}
