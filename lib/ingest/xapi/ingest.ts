import { randomUUID } from "node:crypto";
import { IngestError } from "../errors";
import type { IngestSession } from "../session";
import { applyStatement, revertStatement } from "./apply";
import { statementFingerprint } from "./fingerprint";
import { uuid, type XapiStatement } from "./schema";
import { validateStatement } from "./validate";
import { VERBS } from "./verbs";

export interface StatementBatchOptions {
  /** The Agent recorded as the statements' `authority` (the key's user); a generic Lantern agent by default. */
  authority?: Record<string, unknown>;
  /** The `stored` time; the session's "now" by default. */
  stored?: Date;
  /**
   * PUT's `statementId` parameter: the id of the one statement in the batch. A statement without
   * an id takes it; one with a different id is invalid.
   */
  statementId?: string;
}

export interface StatementBatchResult {
  /** Every statement's id, in order (generated ones included). */
  ids: string[];
  /** Statements newly stored. */
  stored: number;
  /** Statements already stored with equivalent content (no change). */
  unchanged: number;
}

export const DEFAULT_AUTHORITY = {
  objectType: "Agent",
  name: "Lantern",
  account: { homePage: "urn:lantern", name: "lantern" },
};

interface Prepared {
  input: unknown;
  statement: XapiStatement;
  id: string;
}

/**
 * Stores a batch of xAPI statements and applies what they contribute, as `/xapi/statements` and
 * the import's `statement` records both do. Runs inside the caller's open transaction and throws
 * an IngestError on the first problem (`invalid` for a bad statement or duplicate ids in the
 * batch, `conflict` for a known id with different content); the caller rolls back, so a batch is
 * all or nothing. The statement is stored as received; ids are assigned when absent.
 */
export function ingestStatements(
  session: IngestSession,
  inputs: readonly unknown[],
  opts: StatementBatchOptions = {},
): StatementBatchResult {
  const prepared = inputs.map((input, i): Prepared => {
    const statement = validateStatement(input, i);
    const id = (statement.id ?? opts.statementId ?? randomUUID()).toLowerCase();
    return { input, statement, id };
  });
  if (opts.statementId !== undefined) checkStatementId(prepared, opts.statementId);
  rejectDuplicateIds(prepared);
  const stored = opts.stored ?? session.now;
  const storedIso = stored.toISOString();
  const authority = JSON.stringify(opts.authority ?? DEFAULT_AUTHORITY);
  let storedCount = 0;
  let unchanged = 0;
  prepared.forEach((p, i) => {
    const existing = session.statements.get(p.id);
    if (existing) {
      if (!sameContent(existing.raw, p.statement, i)) {
        throw new IngestError("conflict", "id", `statement ${p.id} is already stored with different content`, i);
      }
      unchanged++;
      return;
    }
    storeStatement(session, p, i, storedIso, authority);
    storedCount++;
  });
  return { ids: prepared.map((p) => p.id), stored: storedCount, unchanged };
}

/**
 * Whether a statement sent again equals the stored one (xAPI's "same id, equivalent content").
 * Compared only when an id repeats, which is rare, so new statements pay nothing for it.
 */
function sameContent(storedRaw: string, statement: XapiStatement, index: number): boolean {
  return statementFingerprint(validateStatement(JSON.parse(storedRaw), index)) === statementFingerprint(statement);
}

function checkStatementId(prepared: readonly Prepared[], statementId: string): void {
  if (!uuid.safeParse(statementId).success) throw new IngestError("invalid", "statementId", "must be a UUID");
  if (prepared.length !== 1) throw new IngestError("invalid", "statementId", "a PUT carries exactly one statement");
  if (prepared[0]!.id !== statementId.toLowerCase())
    throw new IngestError("invalid", "id", "must match the statementId parameter", 0);
}

function rejectDuplicateIds(prepared: readonly Prepared[]): void {
  const seen = new Map<string, number>();
  prepared.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined)
      throw new IngestError("invalid", "id", `the batch has ${p.id} twice (also statement ${first})`, i);
    seen.set(p.id, i);
  });
}

function storeStatement(
  session: IngestSession,
  p: Prepared,
  index: number,
  storedIso: string,
  authority: string,
): void {
  const { statement } = p;
  const row = {
    id: p.id,
    raw: JSON.stringify(p.input),
    stored: storedIso,
    authority,
    verb: statement.verb.id,
    voided: 0 as 0 | 1,
    voids_id: null as string | null,
  };
  if (statement.verb.id === VERBS.voided && statement.object.objectType === "StatementRef") {
    const targetId = statement.object.id.toLowerCase();
    const target = session.statements.get(targetId);
    if (target?.verb === VERBS.voided)
      throw new IngestError("invalid", "object.id", "a voiding statement cannot be voided", index);
    session.statements.insert({ ...row, voids_id: targetId });
    if (target && !target.voided) {
      revertStatement(session, target);
      session.statements.markVoided(targetId);
    }
    return;
  }
  // A voiding statement may arrive before the statement it voids: then this one is stored voided.
  const voided = session.statements.voiderOf(p.id) !== undefined;
  session.statements.insert({ ...row, voided: voided ? 1 : 0 });
  if (!voided) applyStatement(session, statement, p.id, Date.parse(storedIso));
}
