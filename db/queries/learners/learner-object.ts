import { attemptsPerCompleted } from "@/lib/analytics/engagement";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import { env, type EnvRecord } from "@/lib/env";
import { segmentsFromMask, segmentsOf, type Segment, type SegmentInput } from "@/lib/analytics/segments";
import type { DayWindow } from "@/lib/time";
import type { RowOf, RowSpec } from "../../sql";
import { asColumns, type Columns } from "./columns";
import type { LearnerProfile } from "./profile";

/** The learner object of docs/edx-api.md without the profile fields (what the CSV export reads by default). */
export interface LearnerCore {
  username: string;
  name: string;
  email: string | null;
  account_url: string | null;
  enrollment_mode: string;
  enrollment_date: string;
  cohort: string | null;
  segments: Segment[];
  last_updated: string | null;
  engagements: {
    date_range: { start: string; end: string };
    discussion_contributions: number;
    problems_attempted: number;
    problems_completed: number;
    videos_viewed: number;
    problem_attempts_per_completed: number | null;
  };
}

/** The learner object of detail and each list result: docs/edx-api.md's fields and Open edX's profile fields. */
export type LearnerObject = LearnerCore & LearnerProfile;

/** The columns of `learner_summary s` a learner object is built from. */
export const SUMMARY_FIELDS: Columns = [
  ["userId", "s.user_id"],
  ["username", "s.username"],
  ["name", "s.name"],
  ["email", "s.email"],
  ["mode", "s.mode"],
  ["cohort", "s.cohort"],
  ["enrolledAt", "s.enrolled_at"],
  ["isActive", "s.is_active"],
  ["segments", "s.segments"],
  ["problemsAttempted", "s.problems_attempted"],
  ["problemsCompleted", "s.problems_completed"],
  ["problemAttempts", "s.problem_attempts"],
  ["videosViewed", "s.videos_viewed"],
  ["discussionContributions", "s.discussion_contributions"],
  ["daysActive", "s.days_active"],
  ["daysActivePrev", "s.days_active_prev"],
];
export const SUMMARY_COLUMNS = asColumns(SUMMARY_FIELDS);

/** Engagement figures over one window (the default one comes from the summary row itself). */
export type WindowFigures = Pick<
  SegmentInput,
  "problemsAttempted" | "problemsCompleted" | "problemAttempts" | "videosViewed" | "discussionContributions"
>;

/** The kind of each of SUMMARY_FIELDS' columns, in their order (db/sql.test.ts checks both against the table). */
export const SUMMARY_ROW = {
  userId: "text",
  username: "text",
  name: "text",
  email: "text?",
  mode: "text",
  cohort: "text?",
  enrolledAt: "text",
  isActive: "int",
  segments: "int?",
  problemsAttempted: "int",
  problemsCompleted: "int",
  problemAttempts: "int",
  videosViewed: "int",
  discussionContributions: "int",
  daysActive: "int",
  daysActivePrev: "int",
} as const satisfies RowSpec;

/** A summary row as SUMMARY_COLUMNS reads it: the default window's figures, and what the object shows. */
export type SummaryRow = RowOf<typeof SUMMARY_ROW>;

/** What every learner object of one answer shares. */
export interface LearnerContext {
  window: DayWindow;
  lastUpdated: string | null;
  /** The course's ranges, for a row whose segments are still to be recomputed (a read during a long write). */
  ranges: EngagementRanges;
  accountUrlBase: string | null;
}

/** `LANTERN_LMS_ACCOUNT_URL` without a trailing slash, or null when unset. */
export function accountUrlBase(source: EnvRecord = process.env): string | null {
  return env(source).LANTERN_LMS_ACCOUNT_URL;
}

function segmentNames(row: SummaryRow, ranges: EngagementRanges): Segment[] {
  if (row.segments !== null) return segmentsFromMask(row.segments);
  return segmentsOf({ ...row, isActive: Boolean(row.isActive) }, ranges);
}

/** A learner object's core from a summary row; `figures` replaces the default-window figures for a custom window. */
export function toLearnerCore(row: SummaryRow, ctx: LearnerContext, figures: WindowFigures = row): LearnerCore {
  return {
    username: row.username,
    name: row.name,
    email: row.email,
    account_url: ctx.accountUrlBase === null ? null : `${ctx.accountUrlBase}/${row.username}`,
    enrollment_mode: row.mode,
    // enrolled_at is stored as ISO 8601 UTC (`…Z`), so its first ten characters are its UTC date.
    enrollment_date: row.enrolledAt.slice(0, 10),
    cohort: row.cohort,
    segments: segmentNames(row, ctx.ranges),
    last_updated: ctx.lastUpdated,
    engagements: {
      date_range: { start: ctx.window.start, end: ctx.window.end },
      discussion_contributions: figures.discussionContributions,
      problems_attempted: figures.problemsAttempted,
      problems_completed: figures.problemsCompleted,
      videos_viewed: figures.videosViewed,
      problem_attempts_per_completed: attemptsPerCompleted(figures.problemAttempts, figures.problemsCompleted),
    },
  };
}
