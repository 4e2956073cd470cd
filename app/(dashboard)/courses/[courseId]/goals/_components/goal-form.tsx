"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { GoalChoice } from "@/db/queries/goal-choices";
import type { Goal } from "@/db/queries/status-progress";
import { formProblem, goalBody, goalErrorTexts, NEW_GOAL, type GoalFormValues } from "@/lib/dashboard/goal-form";
import { goalPath, goalsPath } from "@/lib/dashboard/paths";
import styles from "./goal-form.module.css";

type Props = {
  courseId: string;
  choices: { objectives: GoalChoice[]; items: GoalChoice[] };
  /** The goal being edited; absent for a new goal. */
  goal?: { id: string; values: GoalFormValues; topics: Goal["topics"]; cancelHref: string };
};

/** Sends the goal to the scoped-goals API (the session's cookie and the page's Origin authorise it); the API's answer or its refusal. */
async function save(
  courseId: string,
  goalId: string | undefined,
  body: unknown,
): Promise<{ id: string } | { errors: string[] }> {
  const base = `/api/v0/learning-instances/${encodeURIComponent(courseId)}/scoped-goals`;
  let res: Response;
  try {
    res = await fetch(goalId ? `${base}/${encodeURIComponent(goalId)}` : base, {
      method: goalId ? "PUT" : "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { errors: ["The server could not be reached. Check the connection, then save again."] };
  }
  if (res.ok) return (await res.json()) as { id: string };
  if (res.status === 401) return { errors: ["Your session has ended. Sign in again, then save."] };
  const answer = (await res.json().catch(() => null)) as { developer_message?: string } | null;
  return {
    errors: answer?.developer_message
      ? goalErrorTexts(answer.developer_message)
      : [`The server answered ${res.status}; nothing was saved.`],
  };
}

/**
 * The goal editor: name, what the goal is on, its targets and its completion rule. Every check is
 * the API's (the form passes on what was typed and shows the refusal in its own words), so the
 * page and the API cannot disagree about what a goal may be.
 */
export function GoalForm({ courseId, choices, goal }: Props) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState<GoalFormValues>(goal?.values ?? NEW_GOAL);
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<GoalFormValues>) => setV((old) => ({ ...old, ...patch }));
  const list = v.kind === "objective" ? choices.objectives : choices.items;
  const chosen = new Set(v.targets);
  const topics = goal?.topics?.length ?? 0;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problem = formProblem(v);
    if (problem) return setErrors([problem]);
    setPending(true);
    setErrors([]);
    const answer = await save(courseId, goal?.id, goalBody(v, v.kind === goal?.values.kind ? goal.topics : null));
    if ("id" in answer) {
      router.push(goalPath(courseId, answer.id));
      router.refresh();
      return;
    }
    setPending(false);
    setErrors(answer.errors);
  }

  const toggle = (target: string, on: boolean) =>
    set({ targets: on ? [...v.targets, target] : v.targets.filter((t) => t !== target) });

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-describedby={errors.length ? `${id}-errors` : undefined}
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={v.name}
          onChange={(e) => set({ name: e.target.value })}
          autoComplete="off"
        />
      </div>

      <fieldset className={styles.group}>
        <legend>The goal is on</legend>
        <div className={styles.kinds}>
          {(["objective", "item"] as const).map((kind) => (
            <label key={kind} className={styles.kind}>
              <input
                type="radio"
                name={`${id}-kind`}
                checked={v.kind === kind}
                onChange={() => set({ kind, targets: [] })}
              />
              <span>
                {kind === "objective" ? "Learning objectives" : "Items"}
                <span className={styles.hint}>
                  {kind === "objective" ? "mastered through the course’s problems" : "each answered correctly once"}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>
          {v.kind === "objective" ? "Learning objectives" : "Items"}{" "}
          <span className={styles.count}>
            ({v.targets.length} of {list.length} chosen)
          </span>
        </legend>
        {v.kind === "objective" ? <p className={styles.hint}>The objectives this course’s items assess.</p> : null}
        {list.length === 0 ? (
          <p className="muted">
            {v.kind === "objective"
              ? "No item of this course assesses a learning objective."
              : "This course has no items."}
          </p>
        ) : (
          <ul className={styles.targets}>
            {list.map((c) => (
              <li key={c.id}>
                <label className={styles.target}>
                  <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                  <span>
                    {c.name}
                    {c.kind ? <span className={styles.hint}>{c.kind}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {topics > 0 && v.kind === goal?.values.kind ? (
          <p className={styles.hint}>
            This goal’s {topics === 1 ? "topic is" : `${topics} topics are`} kept (topics are set through the API or the
            import); a target you remove leaves its topic.
          </p>
        ) : null}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>A target is complete when</legend>
        {v.kind === "objective" ? (
          <>
            <div className={styles.rule}>
              <label className={styles.ruleName}>
                <input type="checkbox" checked={v.useMastery} onChange={(e) => set({ useMastery: e.target.checked })} />
                Predicted mastery
              </label>
              <span className={styles.ruleLine}>
                reaches{" "}
                <input
                  type="number"
                  inputMode="decimal"
                  className={styles.number}
                  aria-label="Mastery threshold in percent"
                  value={v.mastery}
                  disabled={!v.useMastery}
                  min={0}
                  max={100}
                  step="any"
                  onChange={(e) => set({ mastery: e.target.value })}
                />{" "}
                %
              </span>
            </div>
            <div className={styles.rule}>
              <label className={styles.ruleName}>
                <input type="checkbox" checked={v.useStreak} onChange={(e) => set({ useStreak: e.target.checked })} />
                Correct answers in a row
              </label>
              <span className={styles.ruleLine}>
                the last{" "}
                <input
                  type="number"
                  inputMode="numeric"
                  className={styles.number}
                  aria-label="Correct answers in a row needed"
                  value={v.streak}
                  disabled={!v.useStreak}
                  min={1}
                  max={30}
                  onChange={(e) => set({ streak: e.target.value })}
                />{" "}
                answers on it are correct
              </span>
            </div>
            <p className={styles.hint}>With both ticked, a target needs both.</p>
            <div className={styles.rule}>
              <label htmlFor={`${id}-min-work`} className={styles.ruleName}>
                Attempts per target
              </label>
              <span className={styles.ruleLine}>
                and it has at least{" "}
                <input
                  id={`${id}-min-work`}
                  type="number"
                  inputMode="numeric"
                  className={styles.number}
                  value={v.minWork}
                  min={0}
                  placeholder="0"
                  onChange={(e) => set({ minWork: e.target.value })}
                />{" "}
                attempts on this goal (optional)
              </span>
            </div>
          </>
        ) : (
          <p className={styles.fixed}>
            it is answered correctly in work on this goal. That rule is fixed for items: predicted mastery and answers
            in a row apply to learning objectives only.
          </p>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Work limit (optional)</legend>
        <div className={styles.rule}>
          <label htmlFor={`${id}-max-work`} className={styles.ruleName}>
            Counts as done after
          </label>
          <span className={styles.ruleLine}>
            <input
              id={`${id}-max-work`}
              type="number"
              inputMode="numeric"
              className={styles.number}
              value={v.maxWork}
              min={1}
              onChange={(e) => set({ maxWork: e.target.value })}
            />{" "}
            attempts on the goal, even with targets open: “Complete (work limit)”. Leave blank for no limit.
          </span>
        </div>
      </fieldset>

      {errors.length ? (
        <div id={`${id}-errors`} className={`form-error ${styles.errors}`} role="alert">
          <p className={styles.errorsTitle}>The goal was not saved:</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className={styles.actions}>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Saving…" : goal ? "Save changes" : "Create goal"}
        </button>
        <Link href={goal?.cancelHref ?? goalsPath(courseId)} className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}
