/**
 * Slows down repeated failed sign-ins: after 3 failures for the same login or from the same
 * address, each further attempt waits 0.5 s, 1 s, 2 s … up to 8 s before it is checked. Kept in
 * memory: Lantern runs as one server process; a restart forgives.
 */

const FREE_FAILURES = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const FORGET_AFTER_MS = 15 * 60_000;

interface Record {
  failures: number;
  last: number;
}

export class SignInThrottle {
  private readonly failures = new Map<string, Record>();

  constructor(private readonly now: () => number = Date.now) {}

  /** How long an attempt for these keys must wait before it is checked. */
  delayFor(keys: readonly string[]): number {
    const worst = Math.max(0, ...keys.map((k) => this.current(k)));
    if (worst < FREE_FAILURES) return 0;
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (worst - FREE_FAILURES));
  }

  fail(keys: readonly string[]): void {
    for (const k of keys) this.failures.set(k, { failures: this.current(k) + 1, last: this.now() });
    if (this.failures.size > 10_000) this.prune();
  }

  succeed(keys: readonly string[]): void {
    for (const k of keys) this.failures.delete(k);
  }

  private current(key: string): number {
    const r = this.failures.get(key);
    return r && this.now() - r.last < FORGET_AFTER_MS ? r.failures : 0;
  }

  private prune(): void {
    for (const [k, r] of this.failures) if (this.now() - r.last >= FORGET_AFTER_MS) this.failures.delete(k);
  }
}
