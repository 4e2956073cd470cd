import { figureBand, isConcerning } from "@/lib/analytics/bands";
import type { EngagementRange, RangeMetric } from "@/lib/analytics/ranges";
import type { Formats } from "@/lib/dashboard/format";

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
    return <span className={value === null ? "figure na" : "figure"}>{text}</span>;
  }
  const tone = isConcerning(metric, band) ? "concerning" : "favourable";
  return (
    <span className={`figure ${tone}`} title={band === "low" ? "Below the course's average range" : "Above the course's average range"}>
      <span className="figure-mark" aria-hidden="true">
        {band === "low" ? "▼" : "▲"}
      </span>
      {text}
      <span className="visually-hidden"> {band}</span>
    </span>
  );
}
