// The server the browser tests run against: a new database with a small deterministic demo,
// at a fixed as-of day, on the production build.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

export const E2E_AS_OF = "2026-03-20";
const dir = path.resolve("test-results/e2e-db");
rmSync(dir, { recursive: true, force: true });
const child = spawn(
  process.execPath,
  [
    "bin/lantern.mjs",
    "start",
    "--port",
    process.env.E2E_PORT ?? "3100",
    "--demo-learners",
    "300",
    "--hostname",
    "127.0.0.1",
  ],
  {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: path.join(dir, "lantern.db"), LANTERN_AS_OF: E2E_AS_OF },
  },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
