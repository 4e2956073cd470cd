import { getDb } from "@/db/client";
import { courseGoals } from "@/db/queries/status-progress";
import { segmentValue } from "@/lib/dashboard/paths";
import { loadCourse } from "../../../../../_lib/course";

/** The goal of a `/courses/{courseId}/goals/{goalId}/…` page, when the course is readable and the goal is one of its goals. */
export async function loadGoal(rawCourseId: string, rawGoalId: string) {
  const load = await loadCourse(rawCourseId);
  if (!load.ok) return null;
  const { goals } = await courseGoals(getDb(), load.course.id, [segmentValue(rawGoalId)]);
  return goals[0] ? { course: load.course, goal: goals[0] } : null;
}
