import type { CsvValue } from "../csv";
import { ApiError } from "../errors";
import type { LearnerObject } from "@/db/queries/learners";

/** CSV columns: the learner object flattened with dots, in docs/edx-api.md's order. */
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
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const PICK: Record<CsvColumn, (l: LearnerObject) => CsvValue> = {
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
  const names = fields.split(",").map((f) => f.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) throw new ApiError(400, "illegal_parameter_values", `fields: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}.`);
  if (!names.length) throw new ApiError(400, "illegal_parameter_values", `fields: names no column; give column names separated by commas (${CSV_COLUMNS.slice(0, 2).join(",")},…), or leave it out for every column.`);
  return names as CsvColumn[];
}

export function csvValues(l: LearnerObject, columns: readonly CsvColumn[]): CsvValue[] {
  return columns.map((c) => PICK[c](l));
}
