import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_TTL_S, issueAccessToken, isAccessToken, verifyAccessToken } from "./access-tokens";

const SECRET = "a-session-secret";
const NOW = Date.parse("2026-03-20T12:00:00Z");

describe("access tokens", () => {
  it("name the key they were issued for until they expire, 30 minutes later", () => {
    const token = issueAccessToken("lk_abc", SECRET, NOW);
    expect(ACCESS_TOKEN_TTL_S).toBe(1800);
    expect(isAccessToken(token)).toBe(true);
    expect(isAccessToken("lk_abc.secret")).toBe(false);
    expect(verifyAccessToken(token, SECRET, NOW)).toBe("lk_abc");
    expect(verifyAccessToken(token, SECRET, NOW + 1799_000)).toBe("lk_abc");
    expect(verifyAccessToken(token, SECRET, NOW + 1800_000)).toBeNull();
  });

  it("are refused when altered, signed with another secret, or not tokens at all", () => {
    const token = issueAccessToken("lk_abc", SECRET, NOW);
    const [payload, sig] = token.slice(4).split(".") as [string, string];
    const forged = `lat_${Buffer.from(`lk_admin:${Number.MAX_SAFE_INTEGER}`).toString("base64url")}.${sig}`;
    expect(verifyAccessToken(forged, SECRET, NOW)).toBeNull();
    expect(verifyAccessToken(`lat_${payload}.${sig.slice(0, -2)}AA`, SECRET, NOW)).toBeNull();
    expect(verifyAccessToken(token, "another-secret", NOW)).toBeNull();
    for (const junk of ["lat_", "lat_.", "lat_a.b.c", "lk_abc.def", ""])
      expect(verifyAccessToken(junk, SECRET, NOW)).toBeNull();
  });
});
