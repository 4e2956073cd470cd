/**
 * The one error type of every ingest door. `kind` tells the HTTP layer the status to answer
 * (invalid → 400, conflict → 409, not_found → 404); `index` and `field` say where the problem is,
 * so a batch's answer can name the statement (or graded event) and the field.
 */
export type IngestErrorKind = "invalid" | "conflict" | "not_found";

export class IngestError extends Error {
  readonly kind: IngestErrorKind;
  /** Position in the batch the caller passed in, when the problem belongs to one element. */
  readonly index: number | undefined;
  /** Dotted path of the offending field inside that element (`actor.mbox`, `context.registration`). */
  readonly field: string;
  /** The problem alone, without index or field. */
  readonly detail: string;
  /** What the batch holds, for the message: `statement 3: …`, `event 0: …`. */
  readonly noun: string;

  constructor(kind: IngestErrorKind, field: string, detail: string, index?: number, noun = "statement") {
    super(index === undefined ? `${field}: ${detail}` : `${noun} ${index}: ${field}: ${detail}`);
    this.name = "IngestError";
    this.kind = kind;
    this.field = field;
    this.detail = detail;
    this.index = index;
    this.noun = noun;
  }

  /** The same error, placed at `index` of a batch. */
  at(index: number): IngestError {
    return new IngestError(this.kind, this.field, this.detail, index, this.noun);
  }
}

/** Formats a zod-style path (`["context", "contextActivities", "parent", 0, "id"]`) as `context.contextActivities.parent[0].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
