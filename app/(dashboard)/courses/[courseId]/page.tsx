import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { courseCounts } from "@/db/queries/course-list";
import { courseTrend } from "@/db/queries/course-trend";
import { courseLearnerMetadata } from "@/db/queries/learners";
import { SEGMENTS, type Segment } from "@/lib/analytics/segments";
import { FIGURE_LABELS, FIGURE_ORDER, SEGMENT_LABELS } from "@/lib/dashboard/labels";
import { rosterPath } from "@/lib/dashboard/paths";
import { rangeKind, rangeText, windowText } from "@/lib/dashboard/range-text";
import { asOfDay } from "@/lib/env";
import { ScrollRegion } from "@/components/scroll-region";
import { StatCard } from "@/components/stat-card";
import { DistributionSkeleton } from "@/components/status-distribution";
import { loadCourse } from "../../_lib/course";
import { requestFormats } from "../../_lib/locale";
import { EmptyOverview } from "./_components/empty-overview";
import { GroupCounts } from "./_components/group-counts";
import { OverviewGoals } from "./_components/overview-goals";
import { TrendCharts } from "./_components/trend-charts";
import styles from "./_components/overview.module.css";

/** The segments whose card carries their colour on top; the others stay neutral. */
const SEGMENT_CARD_CLASS: Partial<Record<Segment, string>> = {
  highly_engaged: styles.segmentCardHighlyEngaged,
  struggling: styles.segmentCardStruggling,
  disengaging: styles.segmentCardDisengaging,
};

export async function generateMetadata({ params }: { params: Promise<{ courseId: string }> }) {
  const load = await loadCourse((await params).courseId);
  return { title: load.ok ? load.course.title || load.course.id : "Course" };
}

/** Course overview: who is where (segments, cohorts, tracks), what counts as usual (ranges), and the course so far. */
export default async function CourseOverviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const load = await loadCourse((await params).courseId);
  if (!load.ok) return null;
  const { course } = load;
  const db = getDb();
  const asOf = asOfDay();
  const f = await requestFormats();
  const [counts, meta, trend] = await Promise.all([
    courseCounts(db, course.id, asOf),
    courseLearnerMetadata(db, course.id, asOf),
    courseTrend(db, course.id, asOf),
  ]);
  const ranges = meta!.engagement_ranges;
  const roster = (q: Record<string, string>) => rosterPath(course.id, new URLSearchParams(q));
  const learners = Object.values(meta!.enrollment_modes).reduce((a, b) => a + b, 0);
  if (learners === 0 && trend.length === 0) return <EmptyOverview isAdmin={load.caller.role === "admin"} />;

  return (
    <div className={styles.overview}>
      <section aria-labelledby="now-heading">
        <h2 id="now-heading" className="section-title">
          The last 7 days <span className="section-title-note">({windowText(ranges.date_range, f)})</span>
        </h2>
        <div className="stats">
          <StatCard label="Enrolled" value={f.count(counts.enrolled)} />
          <StatCard label="Active in the last 7 days" value={f.count(counts.activeLastWeek)} />
          <StatCard
            label="Last data received"
            value={course.lastUpdated ? f.day(course.lastUpdated.slice(0, 10)) : "—"}
            hint={course.lastUpdated ? f.dateTime(course.lastUpdated) : "Nothing yet"}
          />
        </div>
      </section>

      <section aria-labelledby="segments-heading" className="section">
        <h2 id="segments-heading" className="section-title">
          Segments
        </h2>
        <ul className={`${styles.segmentCards} segment-cards`}>
          {SEGMENTS.map((s) => (
            <li key={s}>
              <Link
                href={roster({ segments: s })}
                className={`${styles.segmentCard} ${SEGMENT_CARD_CLASS[s] ?? ""} segment-card-${s}`}
              >
                <span className={styles.segmentCardLabel}>{SEGMENT_LABELS[s].label}</span>
                <span className={`${styles.segmentCardCount} segment-card-count`}>{f.count(meta!.segments[s])}</span>
                <span className={styles.segmentCardDesc}>{SEGMENT_LABELS[s].description}</span>
                <span className={styles.segmentCardCta} aria-hidden="true">
                  View learners →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="goals-heading" className="section">
        <h2 id="goals-heading" className="section-title">
          Goals
        </h2>
        <Suspense fallback={<DistributionSkeleton />}>
          <OverviewGoals courseId={course.id} asOf={asOf} formats={f} />
        </Suspense>
      </section>

      <section aria-labelledby="trend-heading" className="section">
        <h2 id="trend-heading" className="section-title">
          The course so far
        </h2>
        <TrendCharts days={trend} />
      </section>

      <section aria-labelledby="ranges-heading" className="section">
        <h2 id="ranges-heading" className="section-title">
          Engagement ranges <span className="section-title-note">(learners active in the last 7 days)</span>
        </h2>
        <ScrollRegion label="Engagement ranges">
          <table className={`table ${styles.rangesTable} ranges-table`}>
            <caption className="visually-hidden">
              What counts as below average, average and above average in this course
            </caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Below average</th>
                <th scope="col">Average</th>
                <th scope="col">Above average</th>
              </tr>
            </thead>
            <tbody>
              {FIGURE_ORDER.map((m) => (
                <tr key={m}>
                  <th scope="row">
                    <span className={styles.rangeFigure}>{FIGURE_LABELS[m].label}</span>
                    <span className={styles.rangeDesc}>{FIGURE_LABELS[m].description}</span>
                  </th>
                  <td>{rangeText(ranges[m].below_average, f, rangeKind(m))}</td>
                  <td>{rangeText(ranges[m].average, f, rangeKind(m))}</td>
                  <td>{rangeText(ranges[m].above_average, f, rangeKind(m))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <div className={`section ${styles.groupColumns} group-columns`}>
        <GroupCounts
          title="Cohorts"
          counts={meta!.cohorts}
          empty="This course has no cohorts."
          href={(cohort) => roster({ cohort })}
          formats={f}
        />
        <GroupCounts
          title="Enrollment tracks"
          counts={meta!.enrollment_modes}
          empty="No enrollments yet."
          href={(mode) => roster({ enrollment_mode: mode })}
          formats={f}
        />
      </div>
    </div>
  );
}
