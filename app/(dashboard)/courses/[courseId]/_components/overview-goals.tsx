import Link from "next/link";
import { GoalTitle } from "@/components/goal-status";
import { StatusDistribution } from "@/components/status-distribution";
import { getDb } from "@/db/client";
import { goalDistributions } from "@/db/queries/goal-summary";
import type { Formats } from "@/lib/dashboard/format";
import { goalsPath } from "@/lib/dashboard/paths";
import styles from "./overview-goals.module.css";

/**
 * The course's goals on its overview: per goal how many learners are complete (those done by the
 * work limit shown apart), in progress, needing help and without work, the goal's name opening its
 * page. The counts are not links here: the segment cards above are the overview's links by status,
 * and a second "Struggling" link would blur which is which. Async, streamed in behind a Suspense
 * boundary while the course-wide results are computed.
 */
export async function OverviewGoals({ courseId, asOf, formats }: { courseId: string; asOf: string; formats: Formats }) {
  const goals = await goalDistributions(getDb(), courseId, asOf);
  if (!goals.length) return <p className="empty">This course has no goals yet.</p>;
  return (
    <>
      <ul className={`card ${styles.overviewGoals}`}>
        {goals.map(({ goal, counts, total }) => (
          <li key={goal.id} className={styles.overviewGoal}>
            <GoalTitle courseId={courseId} goal={goal} className={styles.overviewGoalName} />
            <StatusDistribution
              counts={counts}
              total={total}
              formats={formats}
              label={`Learners of ${goal.name} by status`}
            />
          </li>
        ))}
      </ul>
      <p className="meta">
        Every learner who ever enrolled. “Complete (work limit)” counts learners who reached a goal’s limit of attempts
        without completing every target: the goal counts as done for them, but they are not among “Complete”.{" "}
        <Link href={goalsPath(courseId)}>The goals in detail</Link>
      </p>
    </>
  );
}
