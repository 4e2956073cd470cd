import { figureBand, isConcerning } from "@/lib/analytics/bands";
import type { EngagementRange, RangeMetric } from "@/lib/analytics/ranges";
import type { Formats } from "@/lib/dashboard/format";
import styles from "./figure.module.css";

/**
 * One engagement figure, placed in the course's range for it: below or above average is tinted
 * (warm on the concerning side, green on the other), marked with an arrow, and said in words to
 * screen readers ("3 low", "41 high").
 */
export function Figure({
  metric,
  value,
  range,
  problemsAttempted,
  formats,
  bands = true,
}: {
  metric: RangeMetric;
  value: number | null;
  range: EngagementRange;
  problemsAttempted: number;
  formats: Formats;
  /** False shows the figure plain (the ranges are the default window's; this figure is another window's). */
  bands?: boolean;
}) {
  const text = metric === "problem_attempts_per_completed" ? formats.ratio(value) : formats.count(value ?? 0);
  const band = bands ? figureBand(metric, value, range, { problemsAttempted }) : null;
  if (band === null || band === "average") {
    return (
      <span className={value === null ? `${styles.figure} figure ${styles.na} na` : `${styles.figure} figure`}>
        {text}
      </span>
    );
  }
  const tone = isConcerning(metric, band) ? "concerning" : "favourable";
  return (
    <span
      className={`${styles.figure} ${styles[tone]} figure ${tone}`}
      title={band === "low" ? "Below the course's average range" : "Above the course's average range"}
    >
      <span className={`${styles.figureMark} figure-mark`} aria-hidden="true">
        {band === "low" ? "▼" : "▲"}
      </span>
      {text}
      <span className="visually-hidden"> {band}</span>
    </span>
  );
}
