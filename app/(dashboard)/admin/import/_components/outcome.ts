import type { RecordType } from "@/lib/ingest/jsonl/records";
import type { Answer } from "./upload";

/**
 * Labels of the record types, in the order of docs/import-format.md — the order in which records
 * usually refer to each other in a file (departments before users, courses before enrollments…).
 * `satisfies` makes a new record type a compile error here until it has a label.
 */
const TYPE_LABELS = {
  department: "Departments",
  user: "Users",
  course: "Courses",
  staff: "Course staff",
  enrollment: "Enrollments",
  objective: "Objectives",
  item: "Items",
  goal: "Goals",
  statement: "xAPI statements",
  graded_event: "Graded events",
} satisfies Record<RecordType, string>;

export interface CountRow {
  type: string;
  label: string;
  count: number;
}

/** One error of an invalid file: `line N: field: message` split into the line and the rest. */
export interface LineError {
  line: number | null;
  message: string;
}

/** How an import ended, as the page shows it. */
export type Outcome =
  | { kind: "imported"; rows: CountRow[]; total: number }
  | { kind: "invalid"; errors: LineError[]; truncated: boolean }
  | { kind: "too_large" }
  | { kind: "busy"; retryAfterSeconds: number | null }
  | { kind: "signed_out" }
  | { kind: "forbidden" }
  | { kind: "network" }
  | { kind: "failed"; status: number; message: string | null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** The types that had records, in the documented order; a type this page does not know yet goes last, by its own name. */
export function countRows(counts: Record<string, unknown>): CountRow[] {
  const known = Object.keys(TYPE_LABELS);
  const types = [...known, ...Object.keys(counts).filter((t) => !known.includes(t))];
  return types.flatMap((type) => {
    const count = counts[type];
    if (typeof count !== "number" || count <= 0) return [];
    return [{ type, label: (TYPE_LABELS as Record<string, string>)[type] ?? type, count }];
  });
}

export function lineError(text: string): LineError {
  const m = /^line (\d+): (.*)$/s.exec(text);
  return m ? { line: Number(m[1]), message: m[2]! } : { line: null, message: text };
}

/**
 * What the answer of `POST /api/v0/import` means. `maxErrors` is where the server stops reading
 * (MAX_ERRORS): a list that long may not be the whole story.
 */
export function outcomeOf(answer: Answer, maxErrors: number): Outcome {
  if (!answer) return { kind: "network" };
  const body = json(answer.body);
  switch (answer.status) {
    case 200:
      if (isObject(body) && isObject(body.counts)) {
        const rows = countRows(body.counts);
        return { kind: "imported", rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
      }
      break;
    case 400:
      if (isObject(body) && body.error_code === "invalid_import" && Array.isArray(body.errors)) {
        const errors = body.errors.filter((e): e is string => typeof e === "string");
        return { kind: "invalid", errors: errors.map(lineError), truncated: errors.length >= maxErrors };
      }
      break;
    case 401:
      return { kind: "signed_out" };
    case 403:
      return { kind: "forbidden" };
    case 413:
      return { kind: "too_large" };
    case 503: {
      const seconds = Number(answer.retryAfter);
      return {
        kind: "busy",
        retryAfterSeconds: answer.retryAfter && Number.isFinite(seconds) && seconds > 0 ? seconds : null,
      };
    }
  }
  const message = isObject(body) && typeof body.developer_message === "string" ? body.developer_message : null;
  return { kind: "failed", status: answer.status, message };
}
