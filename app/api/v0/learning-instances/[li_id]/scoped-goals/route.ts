// GET|POST /api/v0/learning-instances/{li_id}/scoped-goals — a learning instance's scoped goals.
export { listGoalsRoute as GET, createGoalRoute as POST } from "@/lib/api/knewton/goals";
