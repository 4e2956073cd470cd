import { describe, expect, it } from "vitest";
import { generateKey, keyFromAuthorization, secretMatches, splitKey } from "./api-keys";

describe("API keys", () => {
  const k = generateKey();
  it("is <id>.<secret> with a hashed secret that verifies", () => {
    expect(k.key).toBe(`${k.id}.${k.secret}`);
    expect(k.secretHash).not.toContain(k.secret);
    expect(secretMatches(k.secret, k.secretHash)).toBe(true);
    expect(secretMatches(`${k.secret}x`, k.secretHash)).toBe(false);
    expect(splitKey(k.key)).toEqual({ id: k.id, secret: k.secret });
  });
  it("reads Bearer and Basic credentials, and tells absent from malformed", () => {
    expect(keyFromAuthorization(`Bearer ${k.key}`)).toEqual({ id: k.id, secret: k.secret });
    const basic = Buffer.from(`${k.id}:${k.secret}`).toString("base64");
    expect(keyFromAuthorization(`Basic ${basic}`)).toEqual({ id: k.id, secret: k.secret });
    expect(keyFromAuthorization(null)).toBeUndefined();
    expect(keyFromAuthorization("Bearer not-a-key")).toBeNull();
    expect(keyFromAuthorization("Basic bm9jb2xvbg==")).toBeNull();
    expect(keyFromAuthorization("Digest abc")).toBeNull();
  });
});
