import { BackLink } from "@/components/back-link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { goalChoices } from "@/db/queries/goal-choices";
import { formValues } from "@/lib/dashboard/goal-form";
import { goalPath } from "@/lib/dashboard/paths";
import { loadCourse } from "../../../../../_lib/course";
import { GoalForm } from "../../_components/goal-form";
import { loadGoal } from "../_lib/load-goal";
import styles from "../../_components/goals.module.css";

type Props = { params: Promise<{ courseId: string; goalId: string }> };

export async function generateMetadata({ params }: Props) {
  const { courseId, goalId } = await params;
  const found = await loadGoal(courseId, goalId);
  return { title: found ? `Edit ${found.goal.name} · ${found.course.title || found.course.id}` : "No such goal" };
}

/** Editing a goal: the form filled with it; saving replaces it through the scoped-goals API (PUT). */
export default async function EditGoalPage({ params }: Props) {
  const { courseId: rawCourseId, goalId } = await params;
  const load = await loadCourse(rawCourseId);
  if (!load.ok) return null;
  const found = await loadGoal(rawCourseId, goalId);
  if (!found) notFound();
  const { goal } = found;
  const courseId = load.course.id;
  const back = goalPath(courseId, goal.id);
  return (
    <div className="goal-page">
      <BackLink href={back} className={styles.goalBack}>
        {goal.name}
      </BackLink>
      <section className={`card ${styles.goalSummary}`} aria-labelledby="goal-form-heading">
        <h2 id="goal-form-heading" className={styles.goalName}>
          Edit goal
        </h2>
        <GoalForm
          courseId={courseId}
          choices={await goalChoices(getDb(), courseId)}
          goal={{ id: goal.id, values: formValues(goal), topics: goal.topics, cancelHref: back }}
        />
      </section>
    </div>
  );
}
