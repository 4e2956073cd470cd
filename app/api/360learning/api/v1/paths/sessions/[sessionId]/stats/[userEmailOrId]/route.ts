// GET /api/360learning/api/v1/paths/sessions/{sessionId}/stats/{userEmailOrId} — a user's stats on a path session.
export { pathSessionStatsRoute as GET } from "@/lib/api/360learning/stats";
