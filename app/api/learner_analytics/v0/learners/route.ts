// GET /api/learner_analytics/v0/learners/?course_id= — the course roster, filtered, sorted, paged; JSON or CSV.
export { listLearnersRoute as GET } from "@/lib/api/edx/routes";
