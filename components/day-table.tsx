"use client";

import { useFormats } from "./locale";
import { ScrollRegion } from "./scroll-region";
import styles from "./day-table.module.css";

export interface DayColumn<K extends string> {
  key: K;
  label: string;
}

/**
 * Day-by-day numbers as a table behind a disclosure: what a chart shows, for screen readers,
 * keyboard users and anyone who wants the exact figures. Zeros are muted.
 */
export function DayTable<K extends string, T extends { date: string } & Record<K, number>>({
  days,
  columns,
  caption,
  summary,
  className,
}: {
  days: readonly T[];
  columns: readonly DayColumn<K>[];
  caption: string;
  summary: string;
  className?: string;
}) {
  const f = useFormats();
  return (
    <details className={className}>
      <summary>{summary}</summary>
      <ScrollRegion label={caption}>
        <table className={`table ${styles.dayTable}`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">
                  <time dateTime={d.date}>{f.day(d.date)}</time>
                </th>
                {columns.map((c) => (
                  <td key={c.key} className={d[c.key] ? "num" : `num ${styles.zero}`}>
                    {f.count(d[c.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
