// GET /api/learner_analytics/v0/course_learner_metadata/{course_id}/ — cohorts, segments, modes and engagement ranges.
export { metadataRoute as GET } from "@/lib/api/edx/routes";
