// Finds a Chromium for Playwright: CHROMIUM_PATH, the system's, or Playwright's own download.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** Flags without which Chromium stalls on a closed network (it keeps trying to reach Google). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return SYSTEM_PATHS.find((p) => existsSync(p)) ?? null;
}

/**
 * Returns a Chromium path, installing Debian's `chromium` package when none is there and this is
 * root on Debian; otherwise throws with exactly what to install.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one, e.g. `sudo apt-get install chromium` on Debian/Ubuntu, " +
      "or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH to a Chromium binary.",
  );
}
