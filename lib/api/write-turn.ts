import { busy } from "./errors";
import { scheduleRefit } from "./refit-scheduler";

/** How long a write waits for the one before it (e.g. a large HTTP import) before answering 503. */
export const WRITE_WAIT_MS = 30_000;

// On globalThis, like the connection in db/client.ts, so that every route bundle shares one queue.
const state = globalThis as unknown as { lanternWriteTail?: Promise<void> };

/**
 * Runs `work` when this process's earlier writes are done. An HTTP import holds its SQLite write
 * transaction open while its body streams in; another write meanwhile would sit in SQLite's busy
 * wait, which (better-sqlite3 being synchronous) blocks the event loop and so the import too.
 * Waiting here instead is asynchronous. After `waitMs` the write gives up with a 503. A write that
 * succeeds schedules a refit of the mastery model.
 */
export async function withWriteTurn<T>(work: () => T | Promise<T>, waitMs = WRITE_WAIT_MS): Promise<T> {
  const before = state.lanternWriteTail ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  state.lanternWriteTail = before.then(() => mine);
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = await Promise.race([
    before.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), waitMs))),
  ]);
  clearTimeout(timer);
  if (gaveUp) {
    // Keep the queue's order: this turn passes as soon as the one before it ends.
    void before.then(release);
    throw busy();
  }
  try {
    const result = await work();
    scheduleRefit();
    return result;
  } finally {
    release();
  }
}
