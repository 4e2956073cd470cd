"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { goalErrorTexts } from "@/lib/dashboard/goal-form";
import { goalsPath } from "@/lib/dashboard/paths";

/** Deletes the goal through the scoped-goals API after a confirmation, then shows the course's goals. */
export function DeleteGoalButton({
  courseId,
  goalId,
  goalName,
}: {
  courseId: string;
  goalId: string;
  goalName: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(`Delete the goal “${goalName}”? Its definition goes for everyone; the learners’ answers stay.`))
      return;
    setPending(true);
    setError(null);
    const url = `/api/v0/learning-instances/${encodeURIComponent(courseId)}/scoped-goals/${encodeURIComponent(goalId)}`;
    const res = await fetch(url, { method: "DELETE", headers: { accept: "application/json" } }).catch(() => null);
    if (res?.ok) {
      router.push(goalsPath(courseId));
      router.refresh();
      return;
    }
    setPending(false);
    const answer = (await res?.json().catch(() => null)) as { developer_message?: string } | null | undefined;
    setError(
      !res
        ? "The server could not be reached; the goal was not deleted."
        : answer?.developer_message
          ? goalErrorTexts(answer.developer_message).join(" ")
          : `The server answered ${res.status}; the goal was not deleted.`,
    );
  }

  return (
    <>
      <button type="button" className="button danger" onClick={remove} disabled={pending}>
        {pending ? "Deleting…" : "Delete goal"}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
