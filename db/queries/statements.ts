import type { Db } from "../client";
import { read, write, type RowOf } from "../sql";

/**
 * The stored xAPI statements. Writes are synchronous, for the ingest transaction; `findStatement`
 * is the read the `GET /xapi/statements` door serves.
 */

const STATEMENT = read(
  "statements.get",
  `SELECT id, raw, stored, authority, verb, voided, voids_id FROM statements WHERE id = ?`,
  { id: "text", raw: "text", stored: "text", authority: "text?", verb: "text", voided: "int", voids_id: "text?" },
);
const INSERT = write(
  "statements.insert",
  `INSERT INTO statements (id, raw, stored, authority, verb, voided, voids_id)
   VALUES (@id, @raw, @stored, @authority, @verb, @voided, @voids_id)`,
);
const MARK_VOIDED = write("statements.mark-voided", `UPDATE statements SET voided = 1 WHERE id = ?`);
const VOIDER = read("statements.voider", `SELECT id FROM statements WHERE voids_id = ? LIMIT 1`, { id: "text" });

/** A stored statement as the table holds it; `voided` is 0 or 1. */
export type StoredStatementRow = RowOf<typeof STATEMENT.row>;

export class StatementStore {
  private readonly s: Db["$client"];

  constructor(db: Db) {
    this.s = db.$client;
  }

  get(id: string): StoredStatementRow | undefined {
    return STATEMENT.get(this.s, id);
  }

  insert(row: StoredStatementRow): void {
    INSERT.run(this.s, row);
  }

  markVoided(id: string): void {
    MARK_VOIDED.run(this.s, id);
  }

  /** The id of a stored statement that voids `id`, if one arrived (possibly before `id` itself). */
  voiderOf(id: string): string | undefined {
    return VOIDER.get(this.s, id)?.id;
  }
}

/**
 * A stored statement as the LRS serves it: the statement as received, with its `id`, `stored`
 * and `authority` set by the LRS. `voided: true` finds only voided statements
 * (`voidedStatementId=`), `false` only the others (`statementId=`), as xAPI asks.
 */
export async function findStatement(
  db: Db,
  id: string,
  opts: { voided: boolean },
): Promise<Record<string, unknown> | null> {
  const row = new StatementStore(db).get(id.toLowerCase());
  if (!row || Boolean(row.voided) !== opts.voided) return null;
  return servedStatement(row);
}

export function servedStatement(row: StoredStatementRow): Record<string, unknown> {
  const statement = JSON.parse(row.raw) as Record<string, unknown>;
  return {
    ...statement,
    id: row.id,
    stored: row.stored,
    ...(row.authority ? { authority: JSON.parse(row.authority) as unknown } : {}),
  };
}
