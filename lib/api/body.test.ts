import { describe, expect, it } from "vitest";
import { chunkedBody } from "@/lib/testing/http";
import { bodyChunks, maxBodyBytes, maxImportBytes, mediaType, readBody } from "./body";

const request = (parts: string[], pauseMs = 0, headers: Record<string, string> = {}) =>
  new Request("http://lantern.test/", { method: "POST", headers, ...chunkedBody(parts, pauseMs) });

async function collect(req: Request, opts: { max: number; idleMs?: number }): Promise<string> {
  let out = "";
  for await (const chunk of bodyChunks(req, opts)) out += Buffer.from(chunk).toString("utf8");
  return out;
}

describe("bodyChunks", () => {
  it("yields the body as it arrives", async () => {
    expect(await collect(request(["a", "bc", "d"]), { max: 4 })).toBe("abcd");
  });

  it("refuses (413) a declared Content-Length over the limit before reading anything", async () => {
    await expect(collect(request(["x"], 0, { "content-length": "5" }), { max: 4 })).rejects.toMatchObject({
      status: 413,
      headers: { Connection: "close" },
    });
  });

  it("refuses (413) a streamed body once it passes the limit", async () => {
    await expect(collect(request(["ab", "cd", "e"]), { max: 4 })).rejects.toMatchObject({ status: 413 });
  });

  it("drops (408) a sender that stalls", async () => {
    await expect(collect(request(["a", "b"], 200), { max: 10, idleMs: 50 })).rejects.toMatchObject({
      status: 408,
      code: "request_timeout",
    });
  });
});

describe("readBody", () => {
  it("parses JSON and names what is wrong otherwise", async () => {
    expect(await readBody(request(['{"a":', "1}"]))).toEqual({ a: 1 });
    await expect(readBody(request(["{"]))).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^The request body is not valid JSON/),
    });
    await expect(readBody(request([" "]))).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/empty/),
    });
  });
});

describe("maxBodyBytes", () => {
  it("is LANTERN_MAX_BODY_BYTES, 10 MB when unset, and refuses anything but a positive whole number", () => {
    expect(maxBodyBytes({ LANTERN_MAX_BODY_BYTES: "2048" })).toBe(2048);
    for (const unset of [undefined, ""]) expect(maxBodyBytes({ LANTERN_MAX_BODY_BYTES: unset })).toBe(10 * 1024 * 1024);
    for (const bad of ["0", "-5", "1e6", "ten"])
      expect(() => maxBodyBytes({ LANTERN_MAX_BODY_BYTES: bad })).toThrow(/^LANTERN_MAX_BODY_BYTES must be/);
  });
});

describe("maxImportBytes", () => {
  it("is LANTERN_MAX_IMPORT_BYTES, 1 GiB when unset, and refuses anything but a positive whole number", () => {
    expect(maxImportBytes({ LANTERN_MAX_IMPORT_BYTES: "50000" })).toBe(50_000);
    expect(maxImportBytes({})).toBe(1024 ** 3);
    for (const bad of ["0", "lots"])
      expect(() => maxImportBytes({ LANTERN_MAX_IMPORT_BYTES: bad })).toThrow(/^LANTERN_MAX_IMPORT_BYTES must be/);
  });
});

describe("mediaType", () => {
  it("is the lower-cased type without parameters", () => {
    expect(
      mediaType(
        new Request("http://lantern.test/", { headers: { "content-type": "Application/JSON; charset=utf-8" } }),
      ),
    ).toBe("application/json");
    expect(mediaType(new Request("http://lantern.test/"))).toBe("");
  });
});
