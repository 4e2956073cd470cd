/**
 * Slows down repeated failed sign-ins: after 3 failures for the same account (whichever spelling
 * of its login was used) or from the same address, each further attempt waits 0.5 s, 1 s, 2 s …
 * up to 8 s before it is checked. Attempts that share a key wait their turn: a second attempt
 * starts only when the one before it has been answered, so firing many at once gains nothing.
 * Kept in memory: Lantern runs as one server process; a restart forgives.
 */

const FREE_FAILURES = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const FORGET_AFTER_MS = 15 * 60_000;

interface Failures {
  failures: number;
  last: number;
}

export interface AttemptKeys {
  /** The account tried (`user:<id>`), or the login as typed when it matches nobody. */
  account: string;
  /** The client address, when known. */
  address?: string;
}

const keyList = (k: AttemptKeys): string[] => (k.address ? [k.account, `addr:${k.address}`] : [k.account]);

export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();
  /** Per key, the last attempt queued on it. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * Runs `check` (true = the password was right) once every earlier attempt on the same account or
   * address has finished and this one's wait is over; records the outcome.
   */
  attempt(keys: AttemptKeys, check: () => Promise<boolean>): Promise<boolean> {
    const list = keyList(keys);
    const before = list.map((k) => this.tails.get(k)).filter((p): p is Promise<unknown> => p !== undefined);
    const run = Promise.allSettled(before).then(async () => {
      const wait = this.delayFor(list);
      if (wait > 0) await this.sleep(wait);
      const ok = await check();
      // Success forgives the account, not the address: signing in to one's own account must not
      // reset the count of an address that is guessing at others.
      if (ok) this.failures.delete(keys.account);
      else this.fail(list);
      return ok;
    });
    for (const k of list) this.tails.set(k, run);
    void run
      .finally(() => {
        for (const k of list) if (this.tails.get(k) === run) this.tails.delete(k);
      })
      .catch(() => undefined);
    return run;
  }

  /** How long an attempt for these keys must wait before it is checked. */
  delayFor(keys: readonly string[]): number {
    const worst = Math.max(0, ...keys.map((k) => this.current(k)));
    if (worst < FREE_FAILURES) return 0;
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (worst - FREE_FAILURES));
  }

  private fail(keys: readonly string[]): void {
    for (const k of keys) this.failures.set(k, { failures: this.current(k) + 1, last: this.now() });
    if (this.failures.size > 10_000) this.prune();
  }

  private current(key: string): number {
    const r = this.failures.get(key);
    return r && this.now() - r.last < FORGET_AFTER_MS ? r.failures : 0;
  }

  private prune(): void {
    for (const [k, r] of this.failures) if (this.now() - r.last >= FORGET_AFTER_MS) this.failures.delete(k);
  }
}
