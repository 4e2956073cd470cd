import type { CsvValue } from "../csv";
import { ApiError } from "../errors";
import { PROFILE_FIELDS, type LearnerCore, type LearnerProfile } from "@/db/queries/learners";

/** What a CSV row is made of: a learner object, with its profile fields when a column asks for one. */
export type CsvLearner = LearnerCore & Partial<LearnerProfile>;

/** The default CSV columns: the learner object flattened with dots, in docs/edx-api.md's order. */
export const CSV_COLUMNS = [
  "username",
  "name",
  "email",
  "enrollment_mode",
  "enrollment_date",
  "cohort",
  "segments",
  "engagements.date_range.start",
  "engagements.date_range.end",
  "engagements.discussion_contributions",
  "engagements.problems_attempted",
  "engagements.problems_completed",
  "engagements.videos_viewed",
  "engagements.problem_attempts_per_completed",
  "last_updated",
  "account_url",
] as const;
type CoreColumn = (typeof CSV_COLUMNS)[number];
type ProfileColumn = (typeof PROFILE_FIELDS)[number];
export type CsvColumn = CoreColumn | ProfileColumn;

/**
 * Open edX's profile fields are columns only when `fields=` names them (docs/edx-api.md § CSV):
 * docs/edx-api.md fixes the default columns, and reading them costs the export a lookup a learner.
 */
const ALL_COLUMNS: readonly CsvColumn[] = [...CSV_COLUMNS, ...PROFILE_FIELDS];

export function needsProfiles(columns: readonly CsvColumn[]): boolean {
  return columns.some((c) => (PROFILE_FIELDS as readonly string[]).includes(c));
}

const PICK: Record<CoreColumn, (l: CsvLearner) => CsvValue> = {
  username: (l) => l.username,
  name: (l) => l.name,
  email: (l) => l.email,
  enrollment_mode: (l) => l.enrollment_mode,
  enrollment_date: (l) => l.enrollment_date,
  cohort: (l) => l.cohort,
  segments: (l) => l.segments,
  "engagements.date_range.start": (l) => l.engagements.date_range.start,
  "engagements.date_range.end": (l) => l.engagements.date_range.end,
  "engagements.discussion_contributions": (l) => l.engagements.discussion_contributions,
  "engagements.problems_attempted": (l) => l.engagements.problems_attempted,
  "engagements.problems_completed": (l) => l.engagements.problems_completed,
  "engagements.videos_viewed": (l) => l.engagements.videos_viewed,
  "engagements.problem_attempts_per_completed": (l) => l.engagements.problem_attempts_per_completed,
  last_updated: (l) => l.last_updated,
  account_url: (l) => l.account_url,
};

/**
 * The columns `fields=` picks, in its order (empty names between commas are skipped); an absent
 * or empty `fields` is every column. A 400 naming `fields` for an unknown name, and for a value
 * that names no column at all (`,,,`): an export of empty rows is never what was asked for.
 */
export function pickColumns(fields: string | undefined): CsvColumn[] {
  if (!fields) return [...CSV_COLUMNS];
  const names = fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(ALL_COLUMNS as readonly string[]).includes(n));
  if (unknown.length)
    throw new ApiError(
      400,
      "illegal_parameter_values",
      `fields: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}.`,
    );
  if (!names.length)
    throw new ApiError(
      400,
      "illegal_parameter_values",
      `fields: names no column; give column names separated by commas (${CSV_COLUMNS.slice(0, 2).join(",")},…), or leave it out for every column.`,
    );
  return names as CsvColumn[];
}

export function csvValues(l: CsvLearner, columns: readonly CsvColumn[]): CsvValue[] {
  return columns.map((c) => (Object.hasOwn(PICK, c) ? PICK[c as CoreColumn](l) : (l[c as ProfileColumn] ?? null)));
}
