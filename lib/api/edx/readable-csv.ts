import type { LearnerCore } from "@/db/queries/learners/learner-object";
import { FIGURE_LABELS, SEGMENT_LABELS } from "@/lib/dashboard/labels";
import type { CsvValue } from "../csv";

/**
 * The dashboard's "Download CSV" (`csv_columns=readable`, docs/edx-api.md § CSV): the same
 * learners in the same order as the API's CSV, for a person opening it in a spreadsheet — columns
 * named as the dashboard names them, segments by their names, the ratio rounded to one decimal
 * as the roster shows it ("N/A" when nothing was answered correctly). Integrators keep the API's
 * field names and raw values (csv-columns.ts).
 */

const COLUMNS: readonly [header: string, pick: (l: LearnerCore) => CsvValue][] = [
  ["Username", (l) => l.username],
  ["Name", (l) => l.name],
  ["Email", (l) => l.email],
  ["Track", (l) => l.enrollment_mode],
  ["Enrolled on", (l) => l.enrollment_date],
  ["Cohort", (l) => l.cohort],
  ["Segments", (l) => l.segments.map((s) => SEGMENT_LABELS[s].label)],
  ["Window start", (l) => l.engagements.date_range.start],
  ["Window end (not included)", (l) => l.engagements.date_range.end],
  [FIGURE_LABELS.problems_attempted.label, (l) => l.engagements.problems_attempted],
  [FIGURE_LABELS.problems_completed.label, (l) => l.engagements.problems_completed],
  [
    FIGURE_LABELS.problem_attempts_per_completed.label,
    (l) => roundedRatio(l.engagements.problem_attempts_per_completed),
  ],
  [FIGURE_LABELS.videos_viewed.label, (l) => l.engagements.videos_viewed],
  [FIGURE_LABELS.discussion_contributions.label, (l) => l.engagements.discussion_contributions],
  ["Last updated", (l) => l.last_updated],
  ["Account page", (l) => l.account_url],
];

/** One decimal, as the dashboard writes it (lib/dashboard/format.ts), with a dot for spreadsheets. */
function roundedRatio(r: number | null): string {
  return r === null ? "N/A" : (Math.round(r * 10) / 10).toFixed(1);
}

export const READABLE_HEADER: readonly string[] = COLUMNS.map(([h]) => h);

export function readableValues(l: LearnerCore): CsvValue[] {
  return COLUMNS.map(([, pick]) => pick(l));
}
