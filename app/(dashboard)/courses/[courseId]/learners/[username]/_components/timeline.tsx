"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import type { DayValues } from "@/lib/analytics/engagement";
import { useFormats } from "@/components/locale";
import { RangePicker } from "./range-picker";
import { SeriesPicker } from "./series-picker";
import { TimelineChart } from "./timeline-chart";
import { TimelineTable } from "./timeline-table";
import {
  presetsFor,
  sameRange,
  viewOf,
  windowOfRange,
  withView,
  type DayRange,
  type TimelineView,
} from "./timeline-params";
import styles from "./timeline.module.css";

async function fetchDays(
  courseId: string,
  username: string,
  range: DayRange | null,
  signal: AbortSignal,
): Promise<DayValues[]> {
  const q = new URLSearchParams({ course_id: courseId });
  if (range) {
    const w = windowOfRange(range);
    q.set("start_date", w.start);
    q.set("end_date", w.end);
  }
  const res = await fetch(`/api/v0/engagement_timelines/${encodeURIComponent(username)}/?${q}`, { signal });
  if (!res.ok) throw new Error(`The server answered ${res.status}.`);
  return ((await res.json()) as { days: DayValues[] }).days;
}

const spanOf = (days: readonly DayValues[]): DayRange | null =>
  days.length ? { from: days[0]!.date, to: days[days.length - 1]!.date } : null;

/**
 * The learner's daily timeline: range and series live in the URL (timeline-params.ts), written with
 * the History API, which Next keeps in step with useSearchParams without a server round trip. The
 * server's days serve the first view; other ranges come from the API, the last ones kept meanwhile.
 */
export function Timeline({
  courseId,
  username,
  name,
  asOf,
  initial,
}: {
  courseId: string;
  username: string;
  name: string;
  asOf: string;
  initial: { range: DayRange | null; days: DayValues[] };
}) {
  const f = useFormats();
  const params = useSearchParams();
  // The view follows the URL (back and forward included), but changes at once on a click: the
  // router applies a History API change in a transition, and a controlled checkbox would flicker back meanwhile.
  const urlKey = params.toString();
  const [view, setView] = useState(() => viewOf(params));
  const [viewedKey, setViewedKey] = useState(urlKey);
  if (viewedKey !== urlKey) {
    setViewedKey(urlKey);
    setView(viewOf(params));
  }
  const { range } = view;
  const query = useQuery({
    queryKey: ["engagement-timeline", courseId, username, range?.from ?? null, range?.to ?? null],
    queryFn: ({ signal }) => fetchDays(courseId, username, range, signal),
    initialData: sameRange(range, initial.range) ? initial.days : undefined,
    placeholderData: keepPreviousData,
  });

  // A new range is a step back can undo; a series toggle only adjusts the view.
  function show(next: TimelineView, step: "push" | "replace") {
    setView(next);
    const qs = withView(new URLSearchParams(urlKey), next).toString();
    const url = `${window.location.pathname}${qs ? `?${qs}` : ""}`;
    if (step === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  const days = query.data;
  const loading = query.isPlaceholderData || query.isPending;
  const span = days ? spanOf(days) : null;
  const spanText = span && (span.from === span.to ? f.day(span.from) : `${f.day(span.from)} – ${f.day(span.to)}`);
  const idle =
    days !== undefined &&
    days.every((d) => d.problems_attempted + d.videos_viewed + d.discussion_contributions + d.problem_attempts === 0);
  const dayCount = days?.length === 1 ? "1 day" : `${f.count(days?.length ?? 0)} days`;

  return (
    <section aria-labelledby="timeline-heading" className="section">
      <h2 id="timeline-heading" className="section-title">
        Daily activity
      </h2>
      <div className={`card ${styles.timeline} timeline`}>
        <RangePicker
          range={range}
          shown={range ?? span}
          presets={presetsFor(asOf)}
          onChange={(r) => show({ ...view, range: r }, "push")}
        />
        <SeriesPicker series={view.series} onChange={(series) => show({ ...view, series }, "replace")} />
        <p className={`${styles.timelineStatus} timeline-status muted`} role="status">
          {loading ? "Loading…" : span && !idle ? `${spanText} · ${dayCount}` : ""}
        </p>
        <div className={loading ? `${styles.timelineBody} ${styles.loading}` : styles.timelineBody} aria-busy={loading}>
          {query.isError ? (
            <div className={styles.timelineEmpty} role="alert">
              <p>The timeline could not be loaded ({query.error.message}).</p>
              <button type="button" className="button" onClick={() => void query.refetch()}>
                Try again
              </button>
            </div>
          ) : !days ? null : !span ? (
            <p className={styles.timelineEmpty}>No activity in this course yet.</p>
          ) : idle ? (
            <p className={styles.timelineEmpty}>
              No activity {span.from === span.to ? `on ${spanText}` : `from ${f.day(span.from)} to ${f.day(span.to)}`}.
            </p>
          ) : (
            <>
              <TimelineChart days={days} series={view.series} title={`Daily activity of ${name}, ${spanText}`} />
              <TimelineTable days={days} caption={`Daily activity of ${name}, ${spanText}`} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
