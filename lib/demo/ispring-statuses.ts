import type { Archetype } from "./archetypes";
import { DAY_MS } from "./catalog";
import type { EnrollmentPlan } from "./enrollment";
import type { ExplicitCompletion, ExplicitStatus } from "./records";

/**
 * The completion statuses no statement of the demo sets — iSpring's pending, accepted, incomplete
 * and declined — given explicitly on a few enrollments, as an LMS would import them, so the iSpring
 * results show every status. Only archetypes whose statements never complete the course get one
 * (a course-completion statement would replace it), and the pick hashes the enrollment id instead
 * of drawing from the generator's random stream, so the rest of the demo stays as it was.
 */

const STATUS_OF: Partial<Record<Archetype, ExplicitStatus>> = {
  never_started: "declined", // turned the assignment down
  unenrolled: "incomplete", // left before finishing
  disengaging: "pending", // handed in, waiting for the instructor's review
  inactive: "accepted", // finished, accepted by the instructor, and stopped coming
};

/** One enrollment in this many of those archetypes gets its status. */
const ONE_IN = 5;

export function explicitCompletion(plan: EnrollmentPlan, asOfMs: number): ExplicitCompletion | null {
  const status = STATUS_OF[plan.archetype];
  if (!status || Number.parseInt(plan.enrollmentId.slice(0, 8), 16) % ONE_IN !== 0) return null;
  if (status !== "accepted") return { status, completedMs: null };
  // Accepted at the end of the learner's last active day.
  const lastK = plan.days[plan.days.length - 1];
  return lastK === undefined ? null : { status, completedMs: asOfMs - (lastK - 1) * DAY_MS - 1000 };
}
