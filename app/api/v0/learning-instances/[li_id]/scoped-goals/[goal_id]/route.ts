// GET|PUT|DELETE /api/v0/learning-instances/{li_id}/scoped-goals/{goal_id} — one scoped goal.
export { getGoalRoute as GET, replaceGoalRoute as PUT, deleteGoalRoute as DELETE } from "@/lib/api/knewton/goals";
