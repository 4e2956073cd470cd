import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { courseRanges } from "@/db/queries/engagement";
import { learnerGoals } from "@/db/queries/goal-learners";
import { targetNames } from "@/db/queries/goal-targets";
import { getLearner, learnerTimelineByUsername } from "@/db/queries/learners";
import { learnerStanding } from "@/db/queries/learners/standing";
import { windowRanges } from "@/db/queries/learners/window-ranges";
import { learnerPath, rosterPath, segmentValue } from "@/lib/dashboard/paths";
import { asOfDay } from "@/lib/env";
import { loadCourse } from "../../../../_lib/course";
import { requestFormats } from "../../../../_lib/locale";
import { figureWindow } from "./_components/figure-window";
import { Figures } from "./_components/figures";
import { LearnerGoals } from "./_components/learner-goals";
import { Profile } from "./_components/profile";
import { Timeline } from "./_components/timeline";
import { rosterQuery, viewOf, windowOfRange } from "./_components/timeline-params";
import "../../_components/print.css";
import styles from "./_components/learner.module.css";

type Props = {
  params: Promise<{ courseId: string; username: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function queryOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) for (const v of [value ?? []].flat()) q.append(name, v);
  return q;
}

/** The learner over the figures' window, once per request (metadata and page both ask), and only once the course is readable. */
const loadLearner = cache(
  async (rawCourseId: string, rawUsername: string, start: string | null, end: string | null) => {
    const load = await loadCourse(rawCourseId);
    if (!load.ok) return null;
    const window = start && end ? { start, end } : null;
    return getLearner(getDb(), load.course.id, segmentValue(rawUsername), { asOf: asOfDay(), window });
  },
);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { courseId, username } = await params;
  const load = await loadCourse(courseId);
  if (!load.ok) return {};
  const fw = figureWindow(queryOf(await searchParams), asOfDay());
  const learner = await loadLearner(
    courseId,
    username,
    fw.custom ? fw.window.start : null,
    fw.custom ? fw.window.end : null,
  );
  return {
    title: learner ? `${learner.name || learner.username} · ${load.course.title || load.course.id}` : "No such learner",
  };
}

/**
 * A learner of the course: profile, the window's figures beside the course's ranges, and the daily
 * timeline. The course layout has checked access; this page checks again and shows nothing of the
 * course otherwise.
 */
export default async function LearnerPage({ params, searchParams }: Props) {
  const { courseId: rawCourseId, username: rawUsername } = await params;
  const load = await loadCourse(rawCourseId);
  if (!load.ok) return null;
  const courseId = load.course.id;
  const username = segmentValue(rawUsername);
  const query = queryOf(await searchParams);
  const asOf = asOfDay();
  const fw = figureWindow(query, asOf);
  const learner = await loadLearner(
    rawCourseId,
    rawUsername,
    fw.custom ? fw.window.start : null,
    fw.custom ? fw.window.end : null,
  );
  if (!learner) notFound();

  const db = getDb();
  const view = viewOf(query);
  const [standing, ranges, days, formats, goals] = await Promise.all([
    learnerStanding(db, courseId, username, asOf),
    // The figures' own window's ranges, so a figure is never placed against other days'.
    fw.custom ? windowRanges(db, courseId, fw.window, asOf) : courseRanges(db, courseId, asOf),
    learnerTimelineByUsername(db, courseId, username, view.range && windowOfRange(view.range)),
    requestFormats(),
    learnerGoals(db, courseId, username),
  ]);
  if (!standing || !days || !goals) notFound();
  const names = await targetNames(
    db,
    courseId,
    goals.map((g) => g.goal),
  );

  const roster = rosterQuery(query);
  const withoutWindow = new URLSearchParams(query);
  withoutWindow.delete("start_date");
  withoutWindow.delete("end_date");
  return (
    <div className="learner-page">
      <BackLink href={rosterPath(courseId, roster)} className={`${styles.learnerBack} learner-back`}>
        Back to learners
      </BackLink>
      <Profile learner={learner} standing={standing} ranges={ranges} defaultWindow={!fw.custom} formats={formats} />
      <Figures
        engagements={learner.engagements}
        ranges={ranges}
        window={fw}
        asOf={asOf}
        defaultWindowHref={learnerPath(courseId, username, withoutWindow)}
        formats={formats}
      />
      <Timeline
        courseId={courseId}
        username={username}
        name={learner.name || username}
        asOf={asOf}
        initial={{ range: view.range, days }}
      />
      <LearnerGoals courseId={courseId} who={learner.name || username} goals={goals} names={names} formats={formats} />
    </div>
  );
}
