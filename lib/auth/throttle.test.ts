import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./throttle";

/** A throttle on a fake clock whose sleeps advance the clock and are recorded. */
function fakeThrottle() {
  let now = 0;
  const waits: number[] = [];
  const t = new SignInThrottle(
    () => now,
    async (ms) => {
      waits.push(ms);
      await new Promise((r) => setImmediate(r));
      now += ms;
    },
  );
  return { t, waits, advance: (ms: number) => (now += ms), clock: () => now };
}

const wrong = async () => false;
const right = async () => true;

describe("SignInThrottle", () => {
  it("lets three failures through, then doubles the wait up to 8 s", async () => {
    const { t, waits } = fakeThrottle();
    for (let i = 0; i < 9; i++) await t.attempt({ account: "user:ada" }, wrong);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("queues parallel attempts on one account: each waits for the one before and its own delay", async () => {
    const { t, waits, clock } = fakeThrottle();
    for (let i = 0; i < 3; i++) await t.attempt({ account: "user:ada" }, wrong);
    const order: number[] = [];
    let running = 0;
    let overlapped = false;
    const check = (i: number) => async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((r) => setImmediate(r));
      order.push(i);
      running--;
      return false;
    };
    // Thirty at once, each from a different address (as an attacker rotating X-Forwarded-For would).
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.attempt({ account: "user:ada", address: `10.0.0.${i}` }, check(i))),
    );
    expect(overlapped).toBe(false);
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(waits.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(clock()).toBeGreaterThanOrEqual(500 + 1000 + 2000 + 4000 + 26 * 8000);
  });

  it("counts per address across accounts, and success forgives the account only", async () => {
    const { t, waits, advance } = fakeThrottle();
    for (let i = 0; i < 4; i++) await t.attempt({ account: `login:guess${i}`, address: "1.2.3.4" }, wrong);
    expect(waits).toEqual([500]);
    await t.attempt({ account: "user:own", address: "1.2.3.4" }, right);
    expect(waits).toEqual([500, 1000]);
    // The address is still counted after its own account's success.
    await t.attempt({ account: "login:guess9", address: "1.2.3.4" }, wrong);
    expect(waits).toEqual([500, 1000, 1000]);
    advance(15 * 60_000);
    await t.attempt({ account: "login:guess10", address: "1.2.3.4" }, wrong);
    expect(waits).toEqual([500, 1000, 1000]);
  });

  it("forgives an account on success", async () => {
    const { t, waits } = fakeThrottle();
    for (let i = 0; i < 4; i++) await t.attempt({ account: "user:ada" }, wrong);
    await t.attempt({ account: "user:ada" }, right);
    await t.attempt({ account: "user:ada" }, wrong);
    expect(waits).toEqual([500, 1000]);
  });
});
