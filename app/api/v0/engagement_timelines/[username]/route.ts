// GET /api/v0/engagement_timelines/{username}/?course_id= — a learner's day-by-day figures.
export { timelineRoute as GET } from "@/lib/api/edx/routes";
