import type { Db } from "@/db/client";
import { migrateDb } from "@/db/client";
import { env } from "@/lib/env";
import { CliError } from "./args";

/**
 * One writer at a time: SQLite lets a single connection write, and an import holds the write lock
 * for its whole (all-or-nothing) transaction, which can last an hour at 100,000 learners. A
 * command that needs to write while another does waits its turn, says so, and gives up after
 * LANTERN_WRITE_WAIT_S seconds (default an hour) with a clear message, having changed nothing.
 */

/** Each try at the lock blocks for at most this long, so the process stays responsive between tries. */
const TRY_MS = 1000;
/** The first try's wait: the server's own writes last milliseconds and are not worth a message. */
const FIRST_TRY_MS = 200;

/** How long a command waits for another write to finish, from LANTERN_WRITE_WAIT_S (0: not at all). */
export function writeWaitMs(): number {
  return env().LANTERN_WRITE_WAIT_S * 1000;
}

export function isBusy(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

function tryWriteLock(db: Db): boolean {
  try {
    db.$client.exec("BEGIN IMMEDIATE");
    db.$client.exec("ROLLBACK");
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  }
}

const describeWait = (ms: number) => (ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/**
 * Returns once this connection could take the write lock, waiting (and saying so on stderr) while
 * another process holds it; a CliError (exit 1) once the wait is over. The connection's busy timeout
 * is then what is left of the wait, so the command's own writes that follow wait rather than fail.
 */
export async function awaitWriteTurn(db: Db): Promise<void> {
  const waitMs = writeWaitMs();
  const deadline = Date.now() + waitMs;
  const sqlite = db.$client;
  sqlite.pragma(`busy_timeout = ${Math.min(FIRST_TRY_MS, waitMs)}`);
  if (!tryWriteLock(db)) {
    process.stderr.write(
      `Another write is in progress on ${sqlite.name} (an import, or Lantern storing data); waiting for it to finish (up to ${describeWait(waitMs)})…\n`,
    );
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        sqlite.pragma("busy_timeout = 10000");
        throw new CliError(
          `another write still held ${sqlite.name} after ${describeWait(waitMs)}; nothing was changed. Run this again once it has finished (LANTERN_WRITE_WAIT_S sets how long to wait).`,
          1,
        );
      }
      sqlite.pragma(`busy_timeout = ${Math.min(TRY_MS, left)}`);
      if (tryWriteLock(db)) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    process.stderr.write("The other write has finished; going on.\n");
  }
  sqlite.pragma(`busy_timeout = ${Math.max(10_000, deadline - Date.now())}`);
}

/**
 * Applies pending migrations, waiting its turn only when there is something to write: with none
 * pending, migrating reads and goes on beside a running import.
 */
export async function migrateInTurn(db: Db): Promise<void> {
  const sqlite = db.$client;
  sqlite.pragma(`busy_timeout = ${FIRST_TRY_MS}`);
  try {
    migrateDb(db);
    sqlite.pragma("busy_timeout = 10000");
  } catch (err) {
    // A busy migration wrote nothing: drizzle runs them in one transaction and rolls it back.
    if (!isBusy(err)) throw err;
    await awaitWriteTurn(db);
    migrateDb(db);
  }
}
