import Link from "next/link";
import { Figure } from "@/components/figure";
import type { LearnerObject } from "@/db/queries/learners";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import type { Formats } from "@/lib/dashboard/format";
import { FIGURE_LABELS, FIGURE_ORDER } from "@/lib/dashboard/labels";
import { rangeKind, rangeText, windowText } from "@/lib/dashboard/range-text";
import { defaultWindow } from "@/lib/time";
import type { FigureWindow } from "./figure-window";
import styles from "./learner.module.css";

const BANDS = [
  { key: "below_average", label: "Below average" },
  { key: "average", label: "Average" },
  { key: "above_average", label: "Above average" },
] as const;

/**
 * The learner's five figures over the window, each beside the course's ranges for the same
 * window: the default window's are the course's (docs/metrics.md § Engagement ranges), a custom
 * window's are computed by the same rule over that window (docs/dashboard.md).
 */
export function Figures({
  engagements,
  ranges,
  window,
  asOf,
  defaultWindowHref,
  formats: f,
}: {
  engagements: LearnerObject["engagements"];
  ranges: EngagementRanges;
  window: FigureWindow;
  asOf: string;
  /** This page over the default window (the URL without start_date/end_date). */
  defaultWindowHref: string;
  formats: Formats;
}) {
  const usual = windowText(defaultWindow(asOf), f);
  return (
    <section aria-labelledby="figures-heading" className="section">
      <h2 id="figures-heading" className="section-title">
        Engagement
      </h2>
      {window.problem && (
        <p className={styles.figuresNote} role="note">
          The window in the address was set aside ({window.problem}); these are the last 7 days.
        </p>
      )}
      <p className={styles.figuresWindow}>
        {window.custom ? (
          <>
            <strong>{windowText(window.window, f)}</strong>, the window chosen in the address, beside the course’s
            ranges for the same days. Segments describe the last 7 days ({usual}).{" "}
            <Link href={defaultWindowHref}>Show the last 7 days</Link>
          </>
        ) : (
          <>
            <strong>Last 7 days</strong> ({usual}), beside the course’s ranges for the same days.
          </>
        )}
      </p>
      <div className="table-scroll card flush">
        <table className={`table ${styles.figuresTable} figures-table`}>
          <caption className="visually-hidden">The learner’s figures and the course’s ranges</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                This learner
              </th>
              {BANDS.map((b) => (
                <th key={b.key} scope="col" className="num">
                  {b.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIGURE_ORDER.map((metric) => {
              const label = FIGURE_LABELS[metric];
              return (
                <tr key={metric} data-metric={metric}>
                  <th scope="row" abbr={label.label}>
                    <span className={styles.figureName}>{label.label}</span>
                    <span className={styles.figureHelp}>{label.description}</span>
                  </th>
                  <td className={`num ${styles.figureValue} figure-value`}>
                    <Figure
                      metric={metric}
                      value={engagements[metric]}
                      range={ranges[metric]}
                      problemsAttempted={engagements.problems_attempted}
                      formats={f}
                    />
                  </td>
                  {BANDS.map((b) => (
                    // The label again, for narrow screens, where each row stacks (learner.css).
                    <td
                      key={b.key}
                      className={ranges[metric][b.key] ? `num ${styles.range}` : `num ${styles.range} muted`}
                      data-label={b.label}
                    >
                      {rangeText(ranges[metric][b.key], f, rangeKind(metric))}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
