import { describe, expect, it } from "vitest";
import { withWriteTurn } from "./write-turn";

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("withWriteTurn", () => {
  it("runs writes one after another, in the order they asked", async () => {
    const log: string[] = [];
    const long = withWriteTurn(async () => {
      log.push("import starts");
      await later(50);
      log.push("import ends");
    });
    const short = withWriteTurn(() => log.push("statement"));
    await Promise.all([long, short]);
    expect(log).toEqual(["import starts", "import ends", "statement"]);
  });

  it("gives up with a 503 after waiting too long, without holding up the writes after it", async () => {
    const long = withWriteTurn(() => later(100));
    const impatient = withWriteTurn(() => "never", 20);
    const patient = withWriteTurn(() => "ran");
    await expect(impatient).rejects.toMatchObject({ status: 503, headers: { "Retry-After": "5" } });
    expect(await patient).toBe("ran");
    await long;
  });

  it("passes the turn on when a write fails", async () => {
    await expect(withWriteTurn(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withWriteTurn(() => 42)).toBe(42);
  });
});
