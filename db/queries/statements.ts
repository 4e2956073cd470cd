import type { Db } from "../client";

/**
 * The stored xAPI statements. Writes are synchronous prepared statements for the ingest
 * transaction; `findStatement` is the read the `GET /xapi/statements` door serves.
 */

export interface StoredStatementRow {
  id: string;
  raw: string;
  stored: string;
  authority: string | null;
  verb: string;
  voided: 0 | 1;
  voids_id: string | null;
}

function prepareStatementQueries(s: Db["$client"]) {
  return {
    get: s.prepare(`SELECT id, raw, stored, authority, verb, voided, voids_id FROM statements WHERE id = ?`),
    insert: s.prepare(
      `INSERT INTO statements (id, raw, stored, authority, verb, voided, voids_id)
       VALUES (@id, @raw, @stored, @authority, @verb, @voided, @voids_id)`,
    ),
    markVoided: s.prepare(`UPDATE statements SET voided = 1 WHERE id = ?`),
    voider: s.prepare(`SELECT id FROM statements WHERE voids_id = ? LIMIT 1`),
  };
}

export class StatementStore {
  private readonly q: ReturnType<typeof prepareStatementQueries>;

  constructor(db: Db) {
    this.q = prepareStatementQueries(db.$client);
  }

  get(id: string): StoredStatementRow | undefined {
    return this.q.get.get(id) as StoredStatementRow | undefined;
  }

  insert(row: StoredStatementRow): void {
    this.q.insert.run(row);
  }

  markVoided(id: string): void {
    this.q.markVoided.run(id);
  }

  /** The id of a stored statement that voids `id`, if one arrived (possibly before `id` itself). */
  voiderOf(id: string): string | undefined {
    return (this.q.voider.get(id) as { id: string } | undefined)?.id;
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
