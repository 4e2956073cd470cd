import { StatusDistribution } from "@/components/status-distribution";
import { getDb } from "@/db/client";
import { goalDistributions } from "@/db/queries/goal-summary";
import type { Formats } from "@/lib/dashboard/format";
import { goalPath } from "@/lib/dashboard/paths";

/**
 * One goal's status distribution over the course's learners. Async, so a page can stream it in
 * behind a Suspense boundary while the course-wide results are computed (cached afterwards).
 */
export async function GoalDistribution({
  courseId,
  goalId,
  goalName,
  asOf,
  formats,
}: {
  courseId: string;
  goalId: string;
  goalName: string;
  asOf: string;
  formats: Formats;
}) {
  const all = await goalDistributions(getDb(), courseId, asOf);
  const d = all.find((x) => x.goal.id === goalId);
  if (!d) return null;
  return (
    <StatusDistribution
      counts={d.counts}
      total={d.total}
      formats={formats}
      label={`Learners of ${goalName} by status`}
      href={(status) => `${goalPath(courseId, goalId, new URLSearchParams({ status }))}#learners`}
    />
  );
}
