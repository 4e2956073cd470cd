"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useFormats } from "@/components/locale";
import { DayTable } from "@/components/day-table";
import type { CourseDay } from "@/db/queries/course-trend";
import styles from "./overview.module.css";

type Series = Exclude<keyof CourseDay, "date">;

const FIGURES: { key: Series; label: string }[] = [
  { key: "problems_attempted", label: "Problems tried" },
  { key: "problems_completed", label: "Problems correct" },
  { key: "problem_attempts", label: "Problem attempts" },
  { key: "videos_viewed", label: "Videos" },
  { key: "discussion_contributions", label: "Discussion posts" },
];

const COLUMNS = [{ key: "active_learners" as const, label: "Active learners" }, ...FIGURES];

const AXIS = { stroke: "var(--muted)", fontSize: 12 };
// Y axes are sized to their widest label (`width="auto"`): a fixed width cut "2,000" to "000" in the small charts.

function dayTooltip({ label, day }: { label: string; day: (d: string) => string }) {
  return (
    <Tooltip
      labelFormatter={(d) => day(String(d))}
      formatter={(v) => [String(v), label]}
      contentStyle={{
        background: "var(--surface)",
        border: "1px solid var(--border)",
        borderRadius: 8,
        color: "var(--text)",
      }}
    />
  );
}

/**
 * The course so far: learners active each day, and each figure per day (summed over learners),
 * as charts — with the same numbers as a table for screen readers and keyboard users.
 */
export function TrendCharts({ days }: { days: CourseDay[] }) {
  const f = useFormats();
  if (!days.length) return <p className="empty">No activity yet. Charts appear once learners start working.</p>;
  return (
    <div className={styles.trends}>
      <figure className={`card ${styles.trendMain} trend-main`}>
        <figcaption className={styles.trendTitle}>Active learners per day</figcaption>
        <AreaChart
          responsive
          style={{ width: "100%", height: 220 }}
          data={days}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer
        >
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="date" tickFormatter={f.shortDay} tick={AXIS} stroke="var(--border)" minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={f.count} tick={AXIS} stroke="var(--border)" width="auto" />
          {dayTooltip({ label: "Active learners", day: f.day })}
          <Area
            type="monotone"
            dataKey="active_learners"
            name="Active learners"
            stroke="var(--accent)"
            fill="var(--accent-soft)"
            strokeWidth={2}
            isAnimationActive={false}
          />
        </AreaChart>
      </figure>
      <div className={styles.trendGrid}>
        {FIGURES.map((s) => (
          <figure key={s.key} className={`card ${styles.trendSmall} trend-small`}>
            <figcaption className={styles.trendTitle}>{s.label}</figcaption>
            <LineChart
              responsive
              style={{ width: "100%", height: 120 }}
              data={days}
              margin={{ top: 6, right: 6, bottom: 0, left: 0 }}
            >
              <XAxis dataKey="date" tickFormatter={f.shortDay} tick={AXIS} stroke="var(--border)" minTickGap={32} />
              <YAxis allowDecimals={false} tickFormatter={f.count} tick={AXIS} stroke="var(--border)" width="auto" />
              {dayTooltip({ label: s.label, day: f.day })}
              <Line
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke="var(--info)"
                dot={false}
                strokeWidth={1.8}
                isAnimationActive={false}
              />
            </LineChart>
          </figure>
        ))}
      </div>
      <DayTable
        days={days}
        columns={COLUMNS}
        caption="The course day by day"
        summary="Show the numbers as a table"
        className={`${styles.trendTable} trend-table`}
      />
    </div>
  );
}
