import { BackLink } from "@/components/back-link";
import { getDb } from "@/db/client";
import { goalChoices } from "@/db/queries/goal-choices";
import { goalsPath } from "@/lib/dashboard/paths";
import { loadCourse } from "../../../../_lib/course";
import { GoalForm } from "../_components/goal-form";
import styles from "../_components/goals.module.css";

export async function generateMetadata({ params }: { params: Promise<{ courseId: string }> }) {
  const load = await loadCourse((await params).courseId);
  return { title: load.ok ? `New goal · ${load.course.title || load.course.id}` : "New goal" };
}

/** A new goal, for whoever may read the course's goals: the scoped-goals API lets the same people write them. */
export default async function NewGoalPage({ params }: { params: Promise<{ courseId: string }> }) {
  const load = await loadCourse((await params).courseId);
  if (!load.ok) return null;
  const courseId = load.course.id;
  return (
    <div className="goal-page">
      <BackLink href={goalsPath(courseId)} className={styles.goalBack}>
        All goals
      </BackLink>
      <section className={`card ${styles.goalSummary}`} aria-labelledby="goal-form-heading">
        <h2 id="goal-form-heading" className={styles.goalName}>
          New goal
        </h2>
        <GoalForm courseId={courseId} choices={await goalChoices(getDb(), courseId)} />
      </section>
    </div>
  );
}
