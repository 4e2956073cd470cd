import type { Goal } from "@/db/queries/status-progress";
import { criteriaText, GOAL_WORK_HELP } from "@/lib/dashboard/goal-labels";
import styles from "./goals.module.css";

/** "4 learning objectives in 2 topics", "4 items". */
export function targetsSummary(goal: Goal): string {
  const n = goal.targets.length;
  const what =
    goal.targetKind === "objective"
      ? n === 1
        ? "learning objective"
        : "learning objectives"
      : n === 1
        ? "item"
        : "items";
  const topics = goal.topics?.length
    ? ` in ${goal.topics.length} ${goal.topics.length === 1 ? "topic" : "topics"}`
    : "";
  return `${n} ${what}${topics}`;
}

/**
 * What a goal asks for: its targets, numbered as the target marks in tables number them, its
 * topics (by position: topics have ids, not names) and its completion criteria in words.
 */
export function GoalDefinition({
  goal,
  names,
  headingLevel = 3,
}: {
  goal: Goal;
  names: Map<string, string>;
  headingLevel?: 3 | 4;
}) {
  const H = `h${headingLevel}` as const;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <div className={styles.goalDefinition}>
      <div>
        <H className={styles.goalDefinitionTitle}>
          {goal.targetKind === "objective" ? "Learning objectives" : "Items"}
        </H>
        {goal.targets.length ? (
          <ol className={`${styles.goalTargets} goal-targets`}>
            {goal.targets.map((t) => (
              <li key={t}>{name(t)}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">No targets.</p>
        )}
      </div>
      {goal.topics?.length ? (
        <div>
          <H className={styles.goalDefinitionTitle}>Topics</H>
          <ul className={`${styles.goalTopics} goal-topics`}>
            {goal.topics.map((topic, i) => (
              <li key={topic.topic_id}>
                <span className={styles.goalTopicName}>Topic {i + 1}</span> {topic.targets.map(name).join(", ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <H className={styles.goalDefinitionTitle}>Completion</H>
        {criteriaText(goal.targetKind, goal.criteria).map((line) => (
          <p key={line} className={`${styles.goalCriteria} goal-criteria`}>
            {line}
          </p>
        ))}
        <p className={`${styles.goalWorkHelp} goal-work-help`}>{GOAL_WORK_HELP}</p>
      </div>
    </div>
  );
}
