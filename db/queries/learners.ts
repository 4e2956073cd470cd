/** The data layer of the Open edX learner analytics API (docs/edx-api.md): roster, learner, timeline, metadata. */
export { listLearners, iterateLearners, type LearnerQuery, type LearnerPage } from "./learners/list";
export { getLearner, enrolledLearnerId, learnerTimelineByUsername } from "./learners/detail";
export {
  courseLearnerMetadata,
  courseExists,
  cohortExists,
  modeExists,
  type CourseLearnerMetadata,
} from "./learners/metadata";
export type { LearnerCore, LearnerObject } from "./learners/learner-object";
export { PROFILE_FIELDS, type LearnerProfile } from "./learners/profile";
export type { LearnerFilters, LearnerOrderBy, LearnerSelection, SortOrder } from "./learners/query";
