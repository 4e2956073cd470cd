import { describe, expect, it } from "vitest";
import { hashPassword, hashPasswordSync, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with scrypt and a random salt, never the clear text", async () => {
    const a = await hashPassword("correct horse");
    const b = hashPasswordSync("correct horse");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct");
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct horse", b)).toBe(true);
    expect(await verifyPassword("wrong horse", a)).toBe(false);
  });

  it("rejects malformed hashes instead of throwing", async () => {
    for (const stored of ["", "plain", "scrypt$x$8$1$c2FsdA$aGFzaA", "bcrypt$1$2$3$4$5"]) {
      expect(await verifyPassword("pw", stored)).toBe(false);
    }
  });
});
