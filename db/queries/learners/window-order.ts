import type { Db } from "../../client";
import { read, type Read } from "../../sql";

type Sqlite = Db["$client"];

/**
 * The order of a roster sorted on a custom window's figures, kept for the pages that follow.
 * Such a sort must sum the window for every learner of the course before its first row is known
 * (about 2 s at 100,000 learners, however small the page); the next page, the previous one or the
 * same one again read the kept order instead and cost a page of the list.
 *
 * An entry is good until anything is written: its key holds this connection's `total_changes()`,
 * which moves with every row it writes, and `PRAGMA data_version`, which moves with every commit
 * of another connection (an import on its own connection). A few entries are kept per connection
 * (an entry is the user ids of the selection, ~8 MB at 100,000 learners), the oldest dropped first.
 */

const KEPT = 8;
const kept = new WeakMap<Sqlite, Map<string, string[]>>();

// `PRAGMA data_version` as a table-valued function, so both marks come from one statement.
// PostgreSQL has neither; its write-ahead log's insert position moves with every change to a
// (logged) table, by this session or any other, committed or not, so it alone is the mark. It
// moves for other things too (vacuum, checkpoints, other databases of the cluster): an entry is
// then read again, never served stale.
const MARK = read(
  "learners/window-order.mark",
  `SELECT data_version AS version, total_changes() AS changes FROM pragma_data_version`,
  { version: "int", changes: "int" },
  { postgres: `SELECT CAST(pg_current_wal_insert_lsn() - '0/0' AS bigint) AS version, 0 AS changes` },
);

/** The statements a kept order comes from: the user ids of a selection, in its order. */
export type OrderRead = Read<{ readonly user_id: "text" }>;

/** A value that changes whenever the database's content may have: any write, by any connection. */
export function writeMark(s: Sqlite): string {
  const m = MARK.get(s)!;
  return `${m.version}:${m.changes}`;
}

/**
 * The user ids `order` selects, in its order: from the kept entry when nothing was written since
 * it was read, else read now and kept.
 */
export function windowOrder(s: Sqlite, order: OrderRead, params: Record<string, unknown>): string[] {
  let entries = kept.get(s);
  if (!entries) kept.set(s, (entries = new Map()));
  const mark = `${writeMark(s)}\u0000`;
  const key = `${mark}${order.text}\u0000${JSON.stringify(params)}`;
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest is dropped first.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const ids = order.column(s, "user_id", params);
  // Entries from before a write can never be hit again.
  for (const k of entries.keys()) if (!k.startsWith(mark)) entries.delete(k);
  if (entries.size >= KEPT) entries.delete(entries.keys().next().value!);
  entries.set(key, ids);
  return ids;
}

/** How many orders this connection keeps (for tests). */
export function keptWindowOrders(s: Sqlite): number {
  return kept.get(s)?.size ?? 0;
}
