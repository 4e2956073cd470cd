"use client";

import type { DayValues } from "@/lib/analytics/engagement";
import { useFormats } from "@/components/locale";
import { SERIES_LABELS } from "./series";
import { SERIES } from "./timeline-params";

/** The chart's days as a table, every series included, behind a disclosure so the page stays short. */
export function TimelineTable({ days, caption }: { days: DayValues[]; caption: string }) {
  const f = useFormats();
  return (
    <details className="timeline-table">
      <summary>Show as a table</summary>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {SERIES.map((s) => (
                <th key={s} scope="col" className="num">
                  {SERIES_LABELS[s]}
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
                {SERIES.map((s) => (
                  <td key={s} className={d[s] ? "num" : "num zero"}>
                    {f.count(d[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
