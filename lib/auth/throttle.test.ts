import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./throttle";

describe("SignInThrottle", () => {
  it("lets three failures through, then doubles the wait up to 8 s", () => {
    let now = 0;
    const t = new SignInThrottle(() => now);
    const keys = ["login:ada"];
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      waits.push(t.delayFor(keys));
      t.fail(keys);
    }
    expect(waits).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 8000, 8000]);
  });
  it("takes the worst of login and address, forgets on success and after 15 minutes", () => {
    let now = 0;
    const t = new SignInThrottle(() => now);
    for (let i = 0; i < 4; i++) t.fail(["login:a", "addr:1.2.3.4"]);
    expect(t.delayFor(["login:other", "addr:1.2.3.4"])).toBe(1000);
    t.succeed(["login:a"]);
    expect(t.delayFor(["login:a"])).toBe(0);
    now += 15 * 60_000;
    expect(t.delayFor(["addr:1.2.3.4"])).toBe(0);
  });
});
