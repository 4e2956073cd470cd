import { IngestError } from "./errors";
import type { Db } from "@/db/client";
import { importJsonLines, type ImportResult } from "./jsonl";
import { runIngest } from "./session";
import { ingestStatements, type StatementBatchOptions, type StatementBatchResult } from "./xapi";

/** Small helpers for the ingest tests (real SQLite, no mocks). */

export const NOW = new Date("2026-03-16T12:00:00.000Z");

export function ingest(db: Db, statements: unknown[], opts: StatementBatchOptions = {}): StatementBatchResult {
  return runIngest(db, (session) => ingestStatements(session, statements, opts), { now: NOW });
}

export function importRecords(db: Db, records: unknown[]): Promise<ImportResult> {
  return importText(db, records.map((r) => JSON.stringify(r)).join("\n"));
}

export function importText(db: Db, text: string): Promise<ImportResult> {
  return importJsonLines(db, [Buffer.from(text)], { now: NOW });
}

/** Imports `records`, which must succeed; their counts by type. */
export async function importOk(db: Db, records: unknown[]): Promise<Extract<ImportResult, { ok: true }>["counts"]> {
  const result = await importRecords(db, records);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.counts;
}

/** Imports `records`, which must fail; the line-numbered errors. */
export async function importErrors(db: Db, records: unknown[]): Promise<string[]> {
  const result = await importRecords(db, records);
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
}

export interface EventRow {
  statement_id: string | null;
  user_id: string;
  course_id: string;
  item_id: string;
  kind: string;
  ts: number;
  day: string;
  success: number | null;
  score: number | null;
  duration_ms: number | null;
  goal_id: string | null;
}

export function events(db: Db): EventRow[] {
  return db.$client
    .prepare(
      `SELECT statement_id, user_id, course_id, item_id, kind, ts, day, success, score, duration_ms, goal_id FROM events ORDER BY id`,
    )
    .all() as EventRow[];
}

export function kinds(db: Db): string[] {
  return events(db).map((e) => e.kind);
}

export function rows<T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}

/** Every row of every table, to show that a failed import left the database exactly as it was. */
export function dumpAll(db: Db): Record<string, unknown[]> {
  // Plain tables only: a search index's virtual and shadow tables (some WITHOUT ROWID) follow users.
  // A WITHOUT ROWID table (stale_summary) is in its primary key's order.
  const tables = rows<{ name: string; wr: number }>(
    db,
    `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  return Object.fromEntries(
    tables.map(({ name, wr }) => [name, rows(db, `SELECT * FROM "${name}"${wr ? "" : " ORDER BY rowid"}`)]),
  );
}

/** The IngestError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error("expected an IngestError");
}
