import Link from "next/link";
import type { GoalStatus, TargetStatus } from "@/lib/analytics/status/status-and-progress";
import type { Formats } from "@/lib/dashboard/format";
import { GOAL_STATUS_LABELS, progressText, TARGET_STATUS_LABELS } from "@/lib/dashboard/goal-labels";
import { goalPath } from "@/lib/dashboard/paths";
import styles from "./goal-status.module.css";

/**
 * The pieces every goal view shares: a status badge, a progress bar and a row of target marks.
 * Colour carries the status, and the words (or a mark and hidden words) say it too.
 */

const STATUS_CLASS: Record<string, string | undefined> = {
  complete: styles.statusComplete,
  complete_max_work: styles.statusCompleteMaxWork,
  in_progress: styles.statusInProgress,
  struggling: styles.statusStruggling,
  no_work: styles.statusNoWork,
};

/** The class that sets a status's colours (--status, --status-soft) on whatever shows it. */
export function statusClass(status: GoalStatus | TargetStatus): string {
  return STATUS_CLASS[status] ?? "";
}

/** A goal's name as a level-3 heading linking to the goal's page. */
export function GoalTitle({
  courseId,
  goal,
  id,
  className = "",
}: {
  courseId: string;
  goal: { id: string; name: string };
  id?: string;
  className?: string;
}) {
  return (
    <h3 id={id} className={`${styles.goalTitle} ${className}`}>
      <Link href={goalPath(courseId, goal.id)}>{goal.name}</Link>
    </h3>
  );
}

export function StatusBadge({ status }: { status: GoalStatus | TargetStatus }) {
  return (
    <span
      className={`${styles.statusBadge} ${statusClass(status)} status-badge`}
      title={GOAL_STATUS_LABELS[status].description}
    >
      {GOAL_STATUS_LABELS[status].label}
    </span>
  );
}

/**
 * A progress bar with its percentage as text, tinted by the status it belongs to; `label` names
 * what it measures for screen readers.
 */
export function ProgressBar({
  value,
  status,
  label,
  formats,
}: {
  value: number;
  status: GoalStatus | TargetStatus;
  label: string;
  formats: Formats;
}) {
  const text = progressText(value, formats);
  const pct = value >= 1 ? 100 : Math.floor(value * 100);
  return (
    <span className={`${styles.progress} ${statusClass(status)} progress`}>
      <span
        className={`${styles.progressTrack} progress-track`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={text}
      >
        <span className={styles.progressFill} style={{ width: `${pct}%` }} />
      </span>
      <span className={`${styles.progressText} progress-text`} aria-hidden="true">
        {text}
      </span>
    </span>
  );
}

/** Each target's status as a numbered mark (the numbers are those of the goal's target list). */
export function TargetMarks({ targets }: { targets: readonly { name: string; status: TargetStatus }[] }) {
  return (
    <ol className={styles.targetMarks}>
      {targets.map((t, i) => (
        <li
          key={i}
          className={`${styles.targetMark} ${statusClass(t.status)} target-mark`}
          title={`${t.name}: ${TARGET_STATUS_LABELS[t.status].label}`}
        >
          <span aria-hidden="true">
            {i + 1}
            {TARGET_STATUS_LABELS[t.status].mark}
          </span>
          <span className="visually-hidden">
            {t.name}: {TARGET_STATUS_LABELS[t.status].label}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** What the target marks mean, for above a table that uses them. */
export function TargetMarksLegend() {
  return (
    <p className={styles.targetLegend} aria-hidden="true">
      Targets:{" "}
      {Object.entries(TARGET_STATUS_LABELS).map(([status, l]) => (
        <span key={status} className={`${styles.targetMark} ${STATUS_CLASS[status] ?? ""} target-mark`}>
          {l.mark} {l.label}
        </span>
      ))}
    </p>
  );
}
