import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/app";

// The built server started without the CLI (`next start`): instrumentation.ts checks the
// configuration when the server starts, so a bad value stops it rather than answering 500s.
describe("the server with a bad configuration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lantern-env-server-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses to start, naming the variable, and serves nothing", async () => {
    if (!existsSync(path.resolve(".next", "BUILD_ID")))
      throw new Error("No build: run `npx next build` before the HTTP tests (npm test does).");
    const port = await freePort();
    const next = createRequire(path.resolve("package.json")).resolve("next/dist/bin/next");
    const child = spawn(process.execPath, [next, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      env: {
        ...process.env,
        DATABASE_URL: path.join(dir, "lantern.db"),
        LANTERN_AS_OF: "2026-02-30",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    let answered: number | null = null;
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Ask while it starts: a server that came up would answer (with a 500 on every figure).
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/xapi/about`).then(
        (r) => (answered = r.status),
        () => undefined,
      );
    }, 100);
    const timeout = setTimeout(() => child.kill("SIGTERM"), 30_000);
    const code = await exited;
    clearInterval(poll);
    clearTimeout(timeout);
    expect(answered).toBeNull();
    expect(code).toBe(2);
    expect(err).toContain('lantern: LANTERN_AS_OF must be a date YYYY-MM-DD (2026-03-20); got "2026-02-30".');
    expect(existsSync(path.join(dir, "lantern.db"))).toBe(false);
  }, 60_000);
});

// lib/env.ts is server code: a client component that imported it (say through lib/time.ts) would
// ship zod and the configuration's messages to every browser.
describe("the browser's bundles", () => {
  it("hold none of the configuration schema", () => {
    if (!existsSync(path.resolve(".next", "BUILD_ID")))
      throw new Error("No build: run `npx next build` before the HTTP tests (npm test does).");
    const dir = path.resolve(".next", "static");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    const leaking = files.filter((f) => readFileSync(path.join(dir, f), "utf8").includes("a number of proxies"));
    expect(leaking).toEqual([]);
  });
});
