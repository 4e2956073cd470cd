/**
 * The learner list API's refusals in the roster's words. The API names its parameters
 * (`start_date must be before end_date`), which is right for a developer and opaque on a page:
 * the roster says what the person chose instead. A message it does not know is shown as the API
 * wrote it (those are already sentences: `No cohort "X" in this course.`).
 */

/** What each of the roster's parameters is on the page. */
const FIELD_WORDS: Record<string, string> = {
  start_date: "The window’s first day",
  end_date: "The window’s end",
  page: "The page number",
  page_size: "The number of rows per page",
  order_by: "The sort column",
  sort_order: "The sort order",
  segments: "The segments to show",
  ignore_segments: "The segments to hide",
};

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

export function rosterErrorText(message: string): string {
  if (/^start_date must be before end_date/.test(message)) return "The first day must be on or before the last day.";
  if (/^start_date and end_date go together/.test(message)) return "A window needs both its first and its last day.";
  if (/^The window may span at most (\d+) days/.test(message)) return message.replace(/^The window/, "A window");
  // The handler's `Invalid query: field: problem; field: problem`.
  const invalid = /^Invalid query: (.*)$/.exec(message);
  if (!invalid) return message;
  return invalid[1]!
    .split("; ")
    .map((part) => {
      const [, field, problem] = /^([a-z_]+): (.*)$/.exec(part) ?? [];
      return sentence(field && FIELD_WORDS[field] ? `${FIELD_WORDS[field]} ${problem}` : part);
    })
    .join(" ");
}
