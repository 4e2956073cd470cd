"use client";

import { SERIES_DASH, SERIES_LABELS, seriesColour } from "./series";
import { SERIES, type SeriesKey } from "./timeline-params";
import styles from "./timeline.module.css";

/** Which series the chart draws; each box shows its line, so the boxes are the legend. At least one stays on. */
export function SeriesPicker({
  series,
  onChange,
}: {
  series: readonly SeriesKey[];
  onChange: (series: SeriesKey[]) => void;
}) {
  const toggle = (key: SeriesKey, on: boolean) => onChange(SERIES.filter((s) => (s === key ? on : series.includes(s))));
  return (
    <fieldset className={`${styles.seriesPicker} series-picker`}>
      <legend className="visually-hidden">Series on the chart</legend>
      {SERIES.map((s) => {
        const on = series.includes(s);
        const last = on && series.length === 1;
        return (
          <label
            key={s}
            className={styles.seriesOption}
            title={last ? "At least one series stays on the chart" : undefined}
          >
            <input type="checkbox" checked={on} disabled={last} onChange={(e) => toggle(s, e.target.checked)} />
            <svg className="series-swatch" viewBox="0 0 24 8" width="24" height="8" aria-hidden="true">
              <line
                x1="1"
                y1="4"
                x2="23"
                y2="4"
                stroke={seriesColour(s)}
                strokeWidth="2.5"
                strokeDasharray={SERIES_DASH[s]}
              />
            </svg>
            {SERIES_LABELS[s]}
          </label>
        );
      })}
    </fieldset>
  );
}
