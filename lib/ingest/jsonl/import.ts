import type { Db } from "@/db/client";
import { nestsDeeperThan, tooDeepMessage } from "../json-depth";
import { IngestError } from "../errors";
import { addGradedEvent } from "../graded-events";
import { IngestSession } from "../session";
import { ingestStatements } from "../xapi/ingest";
import { isPlainObject } from "../xapi/schema";
import { fieldProblems, ingestErrorMap } from "../zod-issues";
import { applyCourse, applyEnrollment, applyGoal, applyItem, applyObjective, applyStaff } from "./apply-catalog";
import { applyDepartment, applyUser } from "./apply-org";
import { LineSplitter } from "./lines";
import { RECORD_SCHEMAS, isRecordType, type RecordOf, type RecordType } from "./records";

export const MAX_ERRORS = 100;
const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface ImportProgress {
  /** Records (non-blank lines) read so far. */
  records: number;
  /** Bytes of input read so far. */
  bytes: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** "Now" for stored times and default enrollment dates; the wall clock by default. */
  now?: Date;
}

export type ImportCounts = Record<RecordType, number>;
export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; errors: string[] };

const HANDLERS: { [T in RecordType]: (session: IngestSession, record: RecordOf<T>) => void } = {
  department: applyDepartment,
  user: applyUser,
  course: applyCourse,
  staff: applyStaff,
  enrollment: applyEnrollment,
  objective: applyObjective,
  item: applyItem,
  goal: applyGoal,
  statement: (session, r) => {
    try {
      ingestStatements(session, [r.statement]);
    } catch (err) {
      throw err instanceof IngestError ? new IngestError(err.kind, `statement.${err.field}`, err.detail) : err;
    }
  },
  graded_event: (session, r) => {
    const { type: _type, registration_id: registrationId, ...event } = r;
    addGradedEvent(session, registrationId, event);
  },
};

/**
 * Imports a JSON Lines stream (docs/import-format.md § The file) all or nothing, in one IMMEDIATE transaction on
 * `db`. Give it a connection of its own: the transaction stays open across the awaits of the
 * input, so anything else using the same connection meanwhile would write into it. Lines are
 * applied as they stream in (a line may refer to anything before it); errors are collected (up
 * to MAX_ERRORS, then reading stops) as `line N: field: message` and roll everything back.
 */
export async function importJsonLines(
  db: Db,
  input: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const sqlite = db.$client;
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    const session = new IngestSession(db, { now: opts.now, bulk: true });
    const importer = new LineImporter(session);
    const splitter = new LineSplitter(
      MAX_LINE_BYTES,
      (text, n) => importer.line(text, n),
      (n) => importer.error(n, "(line)", `longer than ${MAX_LINE_BYTES} bytes`),
    );
    let bytes = 0;
    for await (const chunk of input) {
      const buf =
        typeof chunk === "string"
          ? Buffer.from(chunk)
          : Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytes += buf.length;
      splitter.push(buf);
      opts.onProgress?.({ records: importer.records, bytes });
      if (importer.full) break;
    }
    if (!importer.full) splitter.end();
    opts.onProgress?.({ records: importer.records, bytes });
    if (importer.errors.length > 0) {
      sqlite.exec("ROLLBACK");
      return { ok: false, errors: importer.errors };
    }
    session.finish();
    sqlite.exec("COMMIT");
    return { ok: true, counts: importer.counts };
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw err;
  }
}

class LineImporter {
  readonly errors: string[] = [];
  readonly counts = Object.fromEntries(Object.keys(RECORD_SCHEMAS).map((t) => [t, 0])) as ImportCounts;
  records = 0;

  constructor(private readonly session: IngestSession) {}

  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }

  error(lineNo: number, field: string, message: string): void {
    if (!this.full) this.errors.push(`line ${lineNo}: ${field}: ${message}`);
  }

  line(text: string, lineNo: number): void {
    if (this.full) return;
    this.records++;
    if (nestsDeeperThan(text)) return this.error(lineNo, "json", tooDeepMessage());
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.error(lineNo, "json", `not valid JSON (${(err as Error).message})`);
      return;
    }
    if (!isPlainObject(value)) return this.error(lineNo, "(record)", "must be a JSON object");
    const type = value.type;
    if (type === undefined) return this.error(lineNo, "type", "required");
    if (!isRecordType(type)) return this.error(lineNo, "type", `unknown record type ${JSON.stringify(type)}`);
    const parsed = RECORD_SCHEMAS[type].safeParse(value, { error: ingestErrorMap });
    if (!parsed.success) {
      for (const p of fieldProblems(parsed.error)) this.error(lineNo, p.field, p.message);
      return;
    }
    try {
      // The schema for `type` produced `parsed.data`, so it is that type's record.
      (HANDLERS[type] as (s: IngestSession, r: unknown) => void)(this.session, parsed.data);
      this.counts[type]++;
    } catch (err) {
      if (err instanceof IngestError) this.error(lineNo, err.field, err.detail);
      else if (isConstraintError(err)) this.error(lineNo, "(record)", err.message);
      else throw err;
    }
  }
}

/** A SQLite constraint the checks above missed: still the line's fault, not a crash. */
function isConstraintError(err: unknown): err is Error {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_CONSTRAINT");
}
