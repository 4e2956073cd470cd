"use client";

import { DayTable } from "@/components/day-table";
import type { DayValues } from "@/lib/analytics/engagement";
import { SERIES_LABELS } from "./series";
import { SERIES } from "./timeline-params";
import styles from "./timeline.module.css";

const COLUMNS = SERIES.map((key) => ({ key, label: SERIES_LABELS[key] }));

/** The chart's days as a table, every series included, behind a disclosure so the page stays short. */
export function TimelineTable({ days, caption }: { days: DayValues[]; caption: string }) {
  return (
    <DayTable
      days={days}
      columns={COLUMNS}
      caption={caption}
      summary="Show as a table"
      className={`${styles.timelineTable} timeline-table`}
    />
  );
}
