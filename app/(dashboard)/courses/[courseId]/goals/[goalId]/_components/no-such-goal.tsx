"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { goalsPath, segmentValue } from "@/lib/dashboard/paths";
import styles from "../../_components/goals.module.css";

/**
 * The answer for a goal id that is not one of the course's goals (another course's goal and an
 * unknown id read the same). A client component because not-found pages get no params.
 */
export function NoSuchGoal() {
  const params = useParams<{ courseId: string; goalId: string }>();
  return (
    <section className={`card notice ${styles.goalMissing}`}>
      <h2>No goal “{segmentValue(params.goalId)}” in this course</h2>
      <p>
        This course has no goal with that id. It may belong to another course, or have been deleted. The course’s goals
        are listed on its Goals page.
      </p>
      <p>
        <Link href={goalsPath(segmentValue(params.courseId))} className="button">
          All goals
        </Link>
      </p>
    </section>
  );
}
