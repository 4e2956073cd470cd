import Link from "next/link";
import { Suspense } from "react";
import { GoalTitle } from "@/components/goal-status";
import { DistributionSkeleton } from "@/components/status-distribution";
import { getDb } from "@/db/client";
import { allCourseGoals } from "@/db/queries/goal-summary";
import { targetNames } from "@/db/queries/goal-targets";
import { registrationCount } from "@/db/queries/status-progress";
import { goalPath, newGoalPath } from "@/lib/dashboard/paths";
import { asOfDay } from "@/lib/env";
import { loadCourse } from "../../../_lib/course";
import { requestFormats } from "../../../_lib/locale";
import { GoalDefinition, targetsSummary } from "./_components/goal-definition";
import { GoalDistribution } from "./_components/goal-distribution";
import styles from "./_components/goals.module.css";

export async function generateMetadata({ params }: { params: Promise<{ courseId: string }> }) {
  const load = await loadCourse((await params).courseId);
  return { title: load.ok ? `Goals · ${load.course.title || load.course.id}` : "Goals" };
}

/**
 * The course's goals: what each asks for, and how the course's learners stand on it. The goals
 * render at once; each distribution streams in when the course-wide results are ready.
 */
export default async function GoalsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const load = await loadCourse((await params).courseId);
  if (!load.ok) return null;
  const courseId = load.course.id;
  const db = getDb();
  const asOf = asOfDay();
  const total = await registrationCount(db, courseId);
  const [goals, formats] = await Promise.all([allCourseGoals(db, courseId), requestFormats()]);
  const names = await targetNames(db, courseId, goals);
  return (
    <section aria-labelledby="goals-heading" className="goals-page">
      <h2 id="goals-heading" className="section-title">
        Goals{" "}
        <span className="section-title-note">
          ({formats.count(total)} {total === 1 ? "learner" : "learners"}, everyone who ever enrolled)
        </span>
      </h2>
      {/* Whoever reads the course's goals may write them: the scoped-goals API lets the course's staff and admins. */}
      <p className={styles.goalsActions}>
        <Link href={newGoalPath(courseId)} className="button primary">
          New goal
        </Link>
      </p>
      {goals.length === 0 ? (
        <p className="empty">
          This course has no goals yet. Create one with New goal, or through the Knewton scoped-goals API or the import.
        </p>
      ) : (
        <ul className={styles.goalCards}>
          {goals.map((goal) => (
            <li key={goal.id}>
              <article className={`card ${styles.goalCard} goal-card`} aria-labelledby={`goal-${goal.id}`}>
                <header className={styles.goalCardHead}>
                  <GoalTitle courseId={courseId} goal={goal} id={`goal-${goal.id}`} className={styles.goalCardTitle} />
                  <p className={styles.goalCardKind}>{targetsSummary(goal)}</p>
                </header>
                <Suspense fallback={<DistributionSkeleton />}>
                  <GoalDistribution
                    courseId={courseId}
                    goalId={goal.id}
                    goalName={goal.name}
                    asOf={asOf}
                    formats={formats}
                  />
                </Suspense>
                <GoalDefinition goal={goal} names={names} headingLevel={4} />
                <p className={styles.goalCardCta}>
                  <Link href={goalPath(courseId, goal.id)} aria-label={`Learners on this goal: ${goal.name}`}>
                    Learners on this goal <span aria-hidden="true">→</span>
                  </Link>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
