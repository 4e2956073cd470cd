import { windowMetricsOf, type EngagementMetrics } from "@/lib/analytics/engagement";
import { engagementRangesOf } from "@/lib/analytics/ranges";
import { segmentInputOf, segmentsOf, SEGMENTS, type Segment } from "@/lib/analytics/segments";
import { addDays, defaultWindow } from "@/lib/time";
import type { DemoRead, ReadEnrollment } from "./read-demo";

/**
 * Segment populations per course, computed from read-back demo events with the analytics rules
 * themselves: what the roster will show once the demo is imported.
 */
export interface CourseSegments {
  learners: number;
  activeInWindow: number;
  segments: Record<Segment, number>;
}

export function segmentsByCourse(read: DemoRead, asOf: string): Map<string, CourseSegments> {
  const window = defaultWindow(asOf);
  const previous = { start: addDays(asOf, -14), end: window.start };
  const byCourse = new Map<string, { e: ReadEnrollment; m: EngagementMetrics; prevDays: number }[]>();
  for (const e of read.enrollments.values()) {
    const m = windowMetricsOf(e.events, window);
    const prevDays = windowMetricsOf(e.events, previous).days_active;
    const list = byCourse.get(e.courseId) ?? [];
    list.push({ e, m, prevDays });
    byCourse.set(e.courseId, list);
  }
  const out = new Map<string, CourseSegments>();
  for (const [courseId, rows] of byCourse) {
    const inputs = rows.map(({ e, m, prevDays }) => segmentInputOf(m, prevDays, e.isActive));
    const ranges = engagementRangesOf(inputs);
    const segments = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
    for (const x of inputs) for (const s of segmentsOf(x, ranges)) segments[s]++;
    out.set(courseId, {
      learners: rows.length,
      activeInWindow: inputs.filter((x) => x.daysActive > 0).length,
      segments,
    });
  }
  return out;
}
