import Link from "next/link";
import type { GoalStatus } from "@/lib/analytics/status/status-and-progress";
import type { Formats } from "@/lib/dashboard/format";
import { GOAL_STATUS_LABELS, GOAL_STATUSES, percentText } from "@/lib/dashboard/goal-labels";
import { statusClass } from "./goal-status";
import styles from "./goal-status.module.css";

/**
 * How a goal's learners divide over the five statuses: a stacked bar for the eye (hidden from
 * screen readers) and a legend that says each count and share in words, each entry optionally a
 * link to the learners with that status.
 */
export function StatusDistribution({
  counts,
  total,
  formats: f,
  href,
  label,
}: {
  counts: Record<GoalStatus, number>;
  total: number;
  formats: Formats;
  href?: (status: GoalStatus) => string;
  /** Names the legend list for screen readers, e.g. the goal's name. */
  label: string;
}) {
  return (
    <div className="distribution">
      <div className={styles.distributionBar} aria-hidden="true">
        {GOAL_STATUSES.map((s) =>
          counts[s] > 0 ? (
            <span
              key={s}
              className={`${styles.distributionPart} ${statusClass(s)}`}
              style={{ flexGrow: counts[s] }}
              title={GOAL_STATUS_LABELS[s].label}
            />
          ) : null,
        )}
      </div>
      <ul className={styles.distributionLegend} aria-label={label}>
        {GOAL_STATUSES.map((s) => {
          const body = (
            <>
              <span className={`${styles.distributionSwatch} ${statusClass(s)}`} aria-hidden="true" />
              <span className={`${styles.distributionLabel} distribution-label`}>{GOAL_STATUS_LABELS[s].label}</span>
              <span className={`${styles.distributionCount} distribution-count`}>{f.count(counts[s])}</span>
              <span className={styles.distributionShare}>{total ? percentText(counts[s] / total, f) : "–"}</span>
            </>
          );
          return (
            <li key={s} title={GOAL_STATUS_LABELS[s].description}>
              {href && counts[s] > 0 ? (
                <Link href={href(s)} className={styles.distributionItem}>
                  {body}
                </Link>
              ) : (
                <span className={styles.distributionItem}>{body}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Stands in for a distribution while the course-wide results are computed. */
export function DistributionSkeleton() {
  return (
    <div className="distribution" role="status">
      <div className={`${styles.distributionBar} ${styles.distributionPending}`} aria-hidden="true" />
      <p className={styles.distributionWait}>Working out every learner’s status…</p>
    </div>
  );
}
