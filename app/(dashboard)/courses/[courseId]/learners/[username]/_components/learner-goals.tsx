import Link from "next/link";
import { GoalTitle, ProgressBar, StatusBadge } from "@/components/goal-status";
import type { Goal } from "@/db/queries/status-progress";
import type { GoalOutsideWork, OutsideWork } from "@/db/queries/work-outside-goal";
import type { GoalResult } from "@/lib/analytics/status/status-and-progress";
import type { Formats } from "@/lib/dashboard/format";
import {
  GOAL_WORK_HELP,
  NOT_ENOUGH_DATA_HELP,
  outsideWorkText,
  WORK_RANGE_HELP,
  WORK_REMAINING_HELP,
  workRemainingText,
  workRemainingWords,
} from "@/lib/dashboard/goal-labels";
import { goalsPath } from "@/lib/dashboard/paths";
import styles from "./learner-goals.module.css";

function Remaining({ n, formats }: { n: number; formats: Formats }) {
  if (n < 0) return <span className={styles.workUnknown}>Not enough data</span>;
  return <>{n === 0 ? "None" : `${workRemainingText(n, formats)} ${n === 1 ? "attempt" : "attempts"}`}</>;
}

/** A goal's work remaining with its range: "about 4 more attempts (usually 2–7)". */
function RemainingWithRange({ n, range, formats }: { n: number; range: [number, number]; formats: Formats }) {
  if (n <= 0) return <Remaining n={n} formats={formats} />;
  const { about, usually } = workRemainingWords(n, range, formats);
  return (
    <>
      {about} more {n === 1 ? "attempt" : "attempts"}
      {usually && <span className={styles.remainingRange}> ({usually})</span>}
    </>
  );
}

/** A target's problems solved (and tried) outside the goal: "1 of 2 solved". */
function OutsideCell({ work, formats: f }: { work: OutsideWork | undefined; formats: Formats }) {
  if (!work || work.attempted === 0) return <span className="muted">None</span>;
  const tried = work.attempted - work.solved;
  return (
    <>
      {f.count(work.solved)} of {f.count(work.problems)} solved
      {tried > 0 && <span className="muted">, {f.count(tried)} tried</span>}
    </>
  );
}

/**
 * The learner's goals in this course: each goal's status, progress and work remaining, every
 * target's status and progress, and each topic's remaining work (expected, and the fewest
 * attempts if every answer is right), and beside each the learner's work on the same problems
 * outside the goal, which does not count towards it.
 */
export function LearnerGoals({
  courseId,
  who,
  goals,
  names,
  formats,
}: {
  courseId: string;
  who: string;
  goals: { goal: Goal; result: GoalResult; outside: GoalOutsideWork }[];
  names: Map<string, string>;
  formats: Formats;
}) {
  const unknown = goals.some(
    ({ result }) => result.workRemaining < 0 || result.topics?.some((t) => t.averageWorkRemaining < 0),
  );
  return (
    <section aria-labelledby="goals-heading" className="section learner-goals">
      <h2 id="goals-heading" className="section-title">
        Goals
      </h2>
      {goals.length === 0 ? (
        <p className="empty">This course has no goals.</p>
      ) : (
        <ul className={styles.learnerGoalList}>
          {goals.map(({ goal, result, outside }) => (
            <li key={goal.id} className={`card ${styles.learnerGoal}`}>
              <div className={`${styles.learnerGoalHead} learner-goal-head`}>
                <GoalTitle courseId={courseId} goal={goal} className={styles.learnerGoalName} />
                <StatusBadge status={result.status} />
              </div>
              <div className={styles.learnerGoalFigures}>
                <ProgressBar
                  value={result.progress}
                  status={result.status}
                  label={`${who}’s progress on ${goal.name}`}
                  formats={formats}
                />
                <p className={`${styles.learnerGoalRemaining} learner-goal-remaining`} title={WORK_REMAINING_HELP}>
                  Work remaining:{" "}
                  <strong>
                    {
                      <RemainingWithRange
                        n={result.workRemaining}
                        range={result.workRemainingRange}
                        formats={formats}
                      />
                    }
                  </strong>
                </p>
              </div>
              {outsideWorkText(outside, formats) && (
                <p className={`${styles.learnerGoalOutside} learner-goal-outside`}>
                  {outsideWorkText(outside, formats)}: that work does not count towards the goal.
                </p>
              )}
              <table className={`table ${styles.learnerTargetTable} learner-target-table`}>
                <caption className="visually-hidden">Targets of {goal.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">{goal.targetKind === "objective" ? "Learning objective" : "Item"}</th>
                    <th scope="col">Status</th>
                    <th scope="col">Progress</th>
                    <th scope="col">Outside this goal</th>
                  </tr>
                </thead>
                <tbody>
                  {result.targets.map((t) => (
                    <tr key={t.id}>
                      <th scope="row">{names.get(t.id) ?? t.id}</th>
                      <td>
                        <StatusBadge status={t.status} />
                      </td>
                      <td>
                        <ProgressBar
                          value={t.progress}
                          status={t.status}
                          label={`Progress on ${names.get(t.id) ?? t.id}`}
                          formats={formats}
                        />
                      </td>
                      <td className={`${styles.learnerTargetOutside} learner-target-outside`}>
                        <OutsideCell work={outside.targets.get(t.id)} formats={formats} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.topics && goal.topics && (
                <ul className={`${styles.learnerTopics} learner-topics`}>
                  {result.topics.map((topic, i) => (
                    <li key={topic.topicId}>
                      <span className={styles.learnerTopicName}>Topic {i + 1}</span>{" "}
                      <span className="muted">
                        ({(goal.topics![i]?.targets ?? []).map((id) => names.get(id) ?? id).join(", ")})
                      </span>
                      : work remaining{" "}
                      <strong>
                        <Remaining n={topic.averageWorkRemaining} formats={formats} />
                      </strong>
                      {topic.minWorkRemaining > 0 && (
                        <>
                          , at least <Remaining n={topic.minWorkRemaining} formats={formats} /> if every answer is right
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="meta">
        {GOAL_WORK_HELP} {WORK_REMAINING_HELP} {WORK_RANGE_HELP} {unknown && NOT_ENOUGH_DATA_HELP}{" "}
        <Link href={goalsPath(courseId)}>All of the course’s goals</Link>
      </p>
    </section>
  );
}
