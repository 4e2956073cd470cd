import Link from "next/link";
import type { GoalStatus, TargetStatus } from "@/lib/analytics/status/status-and-progress";
import type { Formats } from "@/lib/dashboard/format";
import { GOAL_STATUS_LABELS, progressText, TARGET_STATUS_LABELS } from "@/lib/dashboard/goal-labels";
import { goalPath } from "@/lib/dashboard/paths";
import "./goals.css";

/**
 * The pieces every goal view shares: a status badge, a progress bar and a row of target marks.
 * Colour carries the status, and the words (or a mark and hidden words) say it too.
 */

/** A goal's name as a level-3 heading linking to the goal's page. */
export function GoalTitle({ courseId, goal, id, className = "" }: { courseId: string; goal: { id: string; name: string }; id?: string; className?: string }) {
  return (
    <h3 id={id} className={`goal-title ${className}`}>
      <Link href={goalPath(courseId, goal.id)}>{goal.name}</Link>
    </h3>
  );
}

export function StatusBadge({ status }: { status: GoalStatus | TargetStatus }) {
  return (
    <span className={`status-badge status-${status}`} title={GOAL_STATUS_LABELS[status].description}>
      {GOAL_STATUS_LABELS[status].label}
    </span>
  );
}

/**
 * A progress bar with its percentage as text, tinted by the status it belongs to; `label` names
 * what it measures for screen readers.
 */
export function ProgressBar({ value, status, label, formats }: { value: number; status: GoalStatus | TargetStatus; label: string; formats: Formats }) {
  const text = progressText(value, formats);
  const pct = value >= 1 ? 100 : Math.floor(value * 100);
  return (
    <span className={`progress status-${status}`}>
      <span className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={text}>
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="progress-text" aria-hidden="true">
        {text}
      </span>
    </span>
  );
}

/** Each target's status as a numbered mark (the numbers are those of the goal's target list). */
export function TargetMarks({ targets }: { targets: readonly { name: string; status: TargetStatus }[] }) {
  return (
    <ol className="target-marks">
      {targets.map((t, i) => (
        <li key={i} className={`target-mark status-${t.status}`} title={`${t.name}: ${TARGET_STATUS_LABELS[t.status].label}`}>
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
    <p className="target-legend" aria-hidden="true">
      Targets:{" "}
      {Object.entries(TARGET_STATUS_LABELS).map(([status, l]) => (
        <span key={status} className={`target-mark status-${status}`}>
          {l.mark} {l.label}
        </span>
      ))}
    </p>
  );
}
