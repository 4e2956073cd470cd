import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDb, openDb, type Db } from "@/db/client";

/** A running Lantern (the production build) on its own temporary database, for HTTP tests. */
export interface TestApp {
  url: string;
  /** A connection to the app's database, for seeding and checking. */
  db: Db;
  dbFile: string;
  close(): Promise<void>;
}

export const TEST_AS_OF = "2026-03-20";

/** A TCP port free on loopback right now (also used by the benchmark). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Resolves once the app at `url` answers, or throws with its output when it exits or takes over 60 s. */
export async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${log()}`);
    try {
      await fetch(`${url}/xapi/about`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the app did not start within 60 s:\n${log()}`);
}

/** Starts the production build (`lantern serve`, as `lantern start` serves it) on a free port with a fresh migrated database. Needs `npx next build` first. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  if (!existsSync(path.resolve(".next", "BUILD_ID")))
    throw new Error("No build: run `npx next build` before the HTTP tests (npm test does).");
  const dir = mkdtempSync(path.join(tmpdir(), "lantern-app-"));
  const dbFile = path.join(dir, "lantern.db");
  const db = openDb(dbFile);
  migrateDb(db);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    [path.resolve("bin/lantern.mjs"), "serve", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      // The background mastery refit is off unless a test turns it on: a refit landing between two
      // requests of a test would change the figures it compares.
      env: {
        ...process.env,
        DATABASE_URL: dbFile,
        LANTERN_AS_OF: TEST_AS_OF,
        NEXT_TELEMETRY_DISABLED: "1",
        LANTERN_REFIT_DELAY_MS: "off",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  await waitUntilUp(url, child, () => output);
  return {
    url,
    db,
    dbFile,
    async close() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
