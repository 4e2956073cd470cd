import { spawn } from "node:child_process";
import path from "node:path";
import { databasePath } from "@/db/client";
import { env, packageRoot } from "@/lib/env";

/**
 * Keeps the mastery model fitted to the data while Lantern serves: after writes, `npx lantern
 * refit` runs in a process of its own (fitting reads every graded attempt and takes seconds on a
 * large deployment; in the server it would stall every request). It starts once writes have been
 * quiet for a moment, never more than one at a time, and again after one that ran while more data
 * arrived. `LANTERN_REFIT_DELAY_MS` sets the quiet time (default 5 s); `off` turns it off.
 */

// On globalThis, like the write queue: every route bundle shares one scheduler.
const state = globalThis as unknown as {
  lanternRefit?: { timer: NodeJS.Timeout | null; running: boolean; again: boolean };
};
const refit = (state.lanternRefit ??= { timer: null, running: false, again: false });

function run(): void {
  refit.timer = null;
  if (refit.running) {
    refit.again = true;
    return;
  }
  refit.running = true;
  const root = packageRoot();
  const child = spawn(process.execPath, [path.join(root, "bin", "lantern.mjs"), "refit"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databasePath() },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const done = () => {
    refit.running = false;
    if (refit.again) {
      refit.again = false;
      scheduleRefit();
    }
  };
  child.on("exit", done);
  child.on("error", (err) => {
    console.error(`The mastery refit could not start: ${err.message}`);
    done();
  });
}

/** After data was written: refit the mastery model once writes have been quiet for a moment. */
export function scheduleRefit(): void {
  const delay = env().LANTERN_REFIT_DELAY_MS;
  if (delay === null) return;
  if (refit.timer) clearTimeout(refit.timer);
  refit.timer = setTimeout(run, delay);
  refit.timer.unref();
}
