"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { DayValues } from "@/lib/analytics/engagement";
import { useFormats } from "@/components/locale";
import { SERIES_DASH, SERIES_LABELS, seriesColour } from "./series";
import type { SeriesKey } from "./timeline-params";
import styles from "./timeline.module.css";

/** Past two weeks the points are left out: a dot on every idle day clutters the lines. */
const DOTS_UP_TO = 14;

const AXIS_TICK = { fill: "var(--muted)", fontSize: 12 };

/** The chosen series of a learner's days as lines; the table below holds the same numbers for screen readers. */
export function TimelineChart({
  days,
  series,
  title,
}: {
  days: DayValues[];
  series: readonly SeriesKey[];
  title: string;
}) {
  const f = useFormats();
  const dots = days.length <= DOTS_UP_TO;
  return (
    <div className={`${styles.timelineChart} timeline-chart`}>
      <LineChart
        data={days}
        responsive
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 8, right: 20, bottom: 0, left: 0 }}
        title={title}
        desc="Use the arrow keys to move from day to day. The same figures are in the table below."
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => f.shortDay(d)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: "var(--border-strong)" }}
          minTickGap={24}
        />
        {/* Sized to its widest label: a learner's busiest day can run to five digits. */}
        <YAxis
          allowDecimals={false}
          tickFormatter={(n: number) => f.count(n)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width="auto"
        />
        <Tooltip
          labelFormatter={(d) => f.day(String(d))}
          formatter={(value) => f.count(Number(value))}
          contentStyle={{
            background: "var(--surface)",
            border: "1px solid var(--border)",
            borderRadius: 8,
            color: "var(--text)",
          }}
          cursor={{ stroke: "var(--border-strong)" }}
        />
        {series.map((s) => (
          <Line
            key={s}
            dataKey={s}
            name={SERIES_LABELS[s]}
            type="linear"
            stroke={seriesColour(s)}
            strokeWidth={2}
            strokeDasharray={SERIES_DASH[s]}
            dot={dots ? { r: 2.5, strokeDasharray: "" } : false}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
