import { SegmentBadges } from "@/components/segment-badges";
import type { LearnerObject } from "@/db/queries/learners";
import type { LearnerStanding } from "@/db/queries/learners/standing";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import type { Formats } from "@/lib/dashboard/format";
import styles from "./learner.module.css";

/** Who the learner is in this course: contact, track, cohort, enrollment, segments and last activity. */
export function Profile({
  learner,
  standing,
  ranges,
  defaultWindow,
  formats: f,
}: {
  learner: LearnerObject;
  standing: LearnerStanding;
  ranges: EngagementRanges;
  /** The learner's figures are the default window's (the segments' own), so the badges can quote them. */
  defaultWindow: boolean;
  formats: Formats;
}) {
  return (
    <section aria-labelledby="learner-name" className={`card ${styles.learnerProfile} learner-profile`}>
      <h2 id="learner-name" className={styles.learnerName}>
        {learner.name || learner.username}
      </h2>
      <p className={styles.learnerUsername}>{learner.username}</p>
      {!standing.enrolled && (
        <p className={styles.learnerLeft} role="note">
          {/* Stored as ISO 8601 UTC, so the first ten characters are the UTC day. */}
          {standing.unenrolledAt
            ? `Unenrolled on ${f.day(standing.unenrolledAt.slice(0, 10))}.`
            : "No longer enrolled in this course."}{" "}
          What they did while enrolled is still shown.
        </p>
      )}
      <dl className={`${styles.learnerFacts} learner-facts`}>
        <div className={styles.learnerFactWide}>
          <dt>Email</dt>
          <dd>
            {learner.email ? (
              <a href={`mailto:${learner.email}`}>{learner.email}</a>
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Track</dt>
          <dd className={styles.learnerTrack}>{learner.enrollment_mode}</dd>
        </div>
        <div>
          <dt>Cohort</dt>
          <dd>{learner.cohort ?? <span className="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Enrolled on</dt>
          <dd>
            <time dateTime={learner.enrollment_date}>{f.day(learner.enrollment_date)}</time>
          </dd>
        </div>
        <div>
          <dt>Last active</dt>
          <dd>
            {standing.lastActiveDay ? (
              <time dateTime={standing.lastActiveDay}>{f.day(standing.lastActiveDay)}</time>
            ) : (
              <span className="muted">Never</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Segments</dt>
          <dd>
            <SegmentBadges
              segments={learner.segments}
              idBase="profile"
              figures={defaultWindow ? learner.engagements : null}
              ranges={ranges}
            />
          </dd>
        </div>
        {learner.account_url && (
          <div>
            <dt>In the LMS</dt>
            <dd>
              <a href={learner.account_url}>Account page</a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
