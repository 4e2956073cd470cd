import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DistributionSkeleton } from "@/components/status-distribution";
import { getDb } from "@/db/client";
import { goalLearnerPage } from "@/db/queries/goal-learners";
import { targetNames } from "@/db/queries/goal-targets";
import type { Formats } from "@/lib/dashboard/format";
import { readGoalTable, type GoalTableState } from "@/lib/dashboard/goal-table-state";
import { editGoalPath, goalsPath } from "@/lib/dashboard/paths";
import { asOfDay } from "@/lib/env";
import { loadCourse } from "../../../../_lib/course";
import { requestFormats } from "../../../../_lib/locale";
import { GoalDefinition, targetsSummary } from "../_components/goal-definition";
import { GoalDistribution } from "../_components/goal-distribution";
import { DeleteGoalButton } from "./_components/delete-goal-button";
import { GoalLearners } from "./_components/goal-learners";
import { loadGoal } from "./_lib/load-goal";
import styles from "../_components/goals.module.css";

type Props = {
  params: Promise<{ courseId: string; goalId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { courseId, goalId } = await params;
  const found = await loadGoal(courseId, goalId);
  return { title: found ? `${found.goal.name} · ${found.course.title || found.course.id}` : "No such goal" };
}

/**
 * One goal: what it asks for, how the course's learners stand on it, and every learner's status,
 * progress, work remaining and targets in a table sorted and filtered over all of them. The goal
 * renders at once; the figures stream in when the course-wide results are ready (then cached).
 */
export default async function GoalPage({ params, searchParams }: Props) {
  const { courseId: rawCourseId, goalId } = await params;
  const load = await loadCourse(rawCourseId);
  if (!load.ok) return null;
  const found = await loadGoal(rawCourseId, goalId);
  if (!found) notFound();
  const { goal } = found;
  const courseId = load.course.id;
  const db = getDb();
  const [names, formats] = await Promise.all([targetNames(db, courseId, [goal]), requestFormats()]);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) for (const one of [v ?? []].flat()) query.append(k, one);
  const state = readGoalTable(query);
  const asOf = asOfDay();

  return (
    <div className="goal-page">
      <BackLink href={goalsPath(courseId)} className={styles.goalBack}>
        All goals
      </BackLink>
      <section className={`card ${styles.goalSummary}`} aria-labelledby="goal-name">
        <h2 id="goal-name" className={styles.goalName}>
          {goal.name}
        </h2>
        <p className={styles.goalCardKind}>{targetsSummary(goal)}</p>
        {/* Whoever reads the goal may change it: the scoped-goals API lets the course's staff and admins write. */}
        <div className={styles.goalActions}>
          <Link href={editGoalPath(courseId, goal.id)} className="button">
            Edit goal
          </Link>
          <DeleteGoalButton courseId={courseId} goalId={goal.id} goalName={goal.name} />
        </div>
        <Suspense fallback={<DistributionSkeleton />}>
          <GoalDistribution courseId={courseId} goalId={goal.id} goalName={goal.name} asOf={asOf} formats={formats} />
        </Suspense>
        <GoalDefinition goal={goal} names={names} />
      </section>
      <section
        id="learners"
        aria-labelledby="learners-heading"
        className={`section ${styles.goalLearners} goal-learners`}
      >
        <h2 id="learners-heading" className="section-title">
          Learners
        </h2>
        <Suspense fallback={<p className="muted">Working out every learner’s status…</p>}>
          <LearnersOnGoal
            courseId={courseId}
            goalId={goal.id}
            goalName={goal.name}
            targets={goal.targets.map((t) => names.get(t) ?? t)}
            asOf={asOf}
            state={state}
            formats={formats}
          />
        </Suspense>
      </section>
    </div>
  );
}

async function LearnersOnGoal(props: {
  courseId: string;
  goalId: string;
  goalName: string;
  targets: string[];
  asOf: string;
  state: GoalTableState;
  formats: Formats;
}) {
  const page = await goalLearnerPage(getDb(), props.courseId, props.goalId, props.asOf, props.state);
  if (!page) return null;
  return (
    <GoalLearners
      courseId={props.courseId}
      goalName={props.goalName}
      targetNames={props.targets}
      state={{ ...props.state, page: page.page }}
      data={{ count: page.count, total: page.total, counts: page.counts, rows: page.rows }}
    />
  );
}
