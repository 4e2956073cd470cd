import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env, envSchema, EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives every default for an empty environment", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "./data/lantern.db",
      PORT: 3000,
      LANTERN_TRUST_PROXY: 0,
      LANTERN_SESSION_HOURS: 12,
      LANTERN_REFIT_DELAY_MS: 5000,
      LANTERN_CHECKPOINT_MS: 1000,
      LANTERN_WRITE_WAIT_S: 3600,
      LANTERN_MAX_BODY_BYTES: 10 * 1024 * 1024,
      LANTERN_MAX_IMPORT_BYTES: 1024 ** 3,
      LANTERN_COMPANY_ID: "lantern",
      LANTERN_LMS_ACCOUNT_URL: null,
    });
    expect(parseEnv({}).LANTERN_AS_OF).toBeUndefined();
  });

  it("reads each kind of value, blank being unset", () => {
    expect(
      parseEnv({
        PORT: "8080",
        LANTERN_AS_OF: " 2026-03-20 ",
        LANTERN_NOW: "2026-03-20T14:00:00+02:00",
        LANTERN_TRUST_PROXY: "true",
        LANTERN_REFIT_DELAY_MS: "off",
        LANTERN_SESSION_HOURS: "0.5",
        LANTERN_LMS_ACCOUNT_URL: "https://lms.example.org/u/",
        LANTERN_COMPANY_ID: "  ",
      }),
    ).toMatchObject({
      PORT: 8080,
      LANTERN_AS_OF: "2026-03-20",
      LANTERN_NOW: Date.parse("2026-03-20T12:00:00Z"),
      LANTERN_TRUST_PROXY: 1,
      LANTERN_REFIT_DELAY_MS: null,
      LANTERN_SESSION_HOURS: 0.5,
      LANTERN_LMS_ACCOUNT_URL: "https://lms.example.org/u",
      LANTERN_COMPANY_ID: "lantern",
    });
  });

  it.each([
    ["LANTERN_AS_OF", "2026-02-30", /^LANTERN_AS_OF must be a date YYYY-MM-DD \(2026-03-20\); got "2026-02-30"\.$/],
    ["LANTERN_NOW", "2026-03-20T12:00:00", /^LANTERN_NOW must be an ISO 8601 time with a zone/],
    ["PORT", "70000", /^PORT must be a port number 1–65535; got "70000"\.$/],
    ["LANTERN_TRUST_PROXY", "maybe", /^LANTERN_TRUST_PROXY must be a number of proxies \(0–10\), true or false/],
    ["LANTERN_PUBLIC_URL", "lantern.example.edu", /^LANTERN_PUBLIC_URL must be an http\(s\) URL/],
    ["LANTERN_SESSION_HOURS", "0", /^LANTERN_SESSION_HOURS must be a number of hours above 0/],
    ["LANTERN_REFIT_DELAY_MS", "soon", /^LANTERN_REFIT_DELAY_MS must be a number of milliseconds ≥ 0, or off/],
    ["LANTERN_CHECKPOINT_MS", "-1", /^LANTERN_CHECKPOINT_MS must be a number of milliseconds ≥ 0/],
    ["LANTERN_MAX_BODY_BYTES", "1e6", /^LANTERN_MAX_BODY_BYTES must be a whole number of bytes above 0/],
    ["LANTERN_LMS_ACCOUNT_URL", "ftp://lms", /^LANTERN_LMS_ACCOUNT_URL must be an http\(s\) URL/],
  ])("refuses a bad %s with one line naming it", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it("names every variable at fault in one line", () => {
    expect(() => parseEnv({ LANTERN_AS_OF: "soon", PORT: "x" })).toThrow(
      /^PORT must be .*; LANTERN_AS_OF must be .*\.$/,
    );
  });

  it("is read again when a value changes", () => {
    expect(env({ LANTERN_AS_OF: "2026-03-20" }).LANTERN_AS_OF).toBe("2026-03-20");
    expect(env({ LANTERN_AS_OF: "2026-03-21" }).LANTERN_AS_OF).toBe("2026-03-21");
  });
});

describe("the README's Configuration table", () => {
  it("names the variables of the schema, each with a meaning", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(
      readme.indexOf("## Configuration"),
      readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
    );
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(envSchema.shape).sort());
    for (const schema of Object.values(envSchema.shape)) expect(schema.description).toBeTruthy();
  });
});

// The real CLI, in a child process: the configuration is checked before any command does anything.
describe("a bad configuration stops every command at start", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lantern-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lantern = (args: string[], extra: Record<string, string>) => {
    const r = spawnSync(process.execPath, ["bin/lantern.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: path.join(dir, "lantern.db"), LANTERN_AS_OF: "2026-03-20", ...extra },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it.each<[string[], Record<string, string>, RegExp]>([
    [
      ["serve"],
      { LANTERN_AS_OF: "soon" },
      /^lantern serve: LANTERN_AS_OF must be a date YYYY-MM-DD \(2026-03-20\); got "soon"\.$/,
    ],
    [["start"], { LANTERN_AS_OF: "2026-13-01" }, /^lantern start: LANTERN_AS_OF must be a date/],
    [["start"], { PORT: "http" }, /^lantern start: PORT must be a port number/],
    [
      ["migrate"],
      { LANTERN_MAX_BODY_BYTES: "ten" },
      /^lantern migrate: LANTERN_MAX_BODY_BYTES must be a whole number of bytes/,
    ],
    [["serve"], { LANTERN_TRUST_PROXY: "maybe" }, /^lantern serve: LANTERN_TRUST_PROXY must be/],
  ])("lantern %j with %j", (args, extra, message) => {
    const r = lantern(args, extra);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim()).toMatch(message);
    // One line, no stack trace; and nothing was created.
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(() => readFileSync(path.join(dir, "lantern.db"))).toThrow();
  });

  it("still prints a command's help", () => {
    expect(lantern(["serve", "--help"], { LANTERN_AS_OF: "soon" }).code).toBe(0);
  });
});
