import { z } from "zod";
import { SEGMENTS } from "@/lib/analytics/segments";
import { named } from "../openapi";

/** Response bodies of the Open edX family (docs/edx-api.md), as zod so the OpenAPI document and the handlers share them. */

const day = z.string().describe("UTC date, YYYY-MM-DD");
const dateRange = z.object({ start: day.describe("First day, inclusive"), end: day.describe("Last day, exclusive") });

export const learnerSchema = named(
  "Learner",
  z.object({
    username: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    account_url: z.string().nullable().describe("LANTERN_LMS_ACCOUNT_URL/<username>, or null when that is not set"),
    enrollment_mode: z.string(),
    enrollment_date: day,
    cohort: z.string().nullable(),
    segments: z
      .array(z.enum(SEGMENTS))
      .describe("At the as-of day, in the order highly_engaged, struggling, disengaging, inactive, unenrolled"),
    last_updated: z.string().nullable().describe("Time of the latest ingest that touched the course (ISO 8601 UTC)"),
    engagements: z.object({
      date_range: dateRange,
      discussion_contributions: z.number().int(),
      problems_attempted: z.number().int(),
      problems_completed: z.number().int(),
      videos_viewed: z.number().int(),
      problem_attempts_per_completed: z.number().nullable(),
    }),
    // Open edX's last API version added the learner's profile; null when the LMS never sent a field.
    user_id: z
      .string()
      .describe("The user's id in Lantern: the LMS's own user id when the import gave one (docs/edx-api.md)"),
    language: z.string().nullable(),
    location: z.string().nullable().describe("Free-text location, as the LMS profile holds it"),
    year_of_birth: z.number().int().nullable(),
    level_of_education: z
      .string()
      .nullable()
      .describe("Open edX's code (p, m, b, a, hs, jhs, el, none, other), as imported"),
    gender: z.string().nullable().describe("Open edX's code (m, f, o), as imported"),
    mailing_address: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable().describe("ISO 3166 country code, as imported"),
    goals: z.string().nullable().describe("The learner's own free-text goals from their LMS profile"),
  }),
);
export type LearnerObject = z.infer<typeof learnerSchema>;

export const learnerPageSchema = named(
  "LearnerPage",
  z.object({
    count: z.number().int().describe("Exact number of matching learners"),
    num_pages: z.number().int(),
    next: z.string().nullable().describe("Absolute URL of the next page, keeping every other parameter"),
    previous: z.string().nullable(),
    results: z.array(learnerSchema),
  }),
);

export const timelineSchema = named(
  "EngagementTimeline",
  z.object({
    days: z.array(
      z.object({
        date: day,
        discussion_contributions: z.number().int(),
        problems_attempted: z.number().int(),
        problems_completed: z.number().int(),
        videos_viewed: z.number().int(),
        problem_attempts: z.number().int(),
      }),
    ),
  }),
);

const range = z
  .tuple([z.number(), z.number().nullable()])
  .nullable()
  .describe("[lower, upper), null upper = unbounded; null = no such range");
const ranges = z.object({
  below_average: range,
  average: range,
  above_average: range,
  class_rank_bottom: range.describe(
    "Open edX's newer name for the weaker side: below_average, or above_average for the ratio (more attempts per correct problem is worse)",
  ),
  class_rank_average: range.describe("The same as average"),
  class_rank_top: range.describe(
    "Open edX's newer name for the stronger side: above_average, or below_average for the ratio (fewer attempts per correct problem is better)",
  ),
});

export const metadataSchema = named(
  "CourseLearnerMetadata",
  z.object({
    cohorts: z.record(z.string(), z.number().int()).describe("Learners per cohort"),
    segments: z.record(z.enum(SEGMENTS), z.number().int()).describe("Learners per segment, all five, zero-filled"),
    enrollment_modes: z.record(z.string(), z.number().int()),
    engagement_ranges: z.object({
      date_range: dateRange,
      problems_attempted: ranges,
      problems_completed: ranges,
      problem_attempts_per_completed: ranges,
      discussion_contributions: ranges,
      videos_viewed: ranges,
    }),
  }),
);
