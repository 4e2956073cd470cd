// GET /api/learner_analytics/v0/learners/{username}/?course_id= — one learner's figures.
export { learnerDetailRoute as GET } from "@/lib/api/edx/routes";
