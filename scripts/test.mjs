// `npm test`: the layers (no upward import, no cycle), format (Prettier), lint (ESLint), types, a fresh production build,
// unit/integration/HTTP tests (vitest; the HTTP ones start the build on a temporary database), the PostgreSQL suites, then
// the browser tests (Playwright). Ends with one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { ensureChromium } from "./chromium.mjs";

const results = "test-results";
process.env.NEXT_TELEMETRY_DISABLED = "1";
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function finish(code) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code);
}

// First because it takes seconds: an upward import or a cycle fails before the build
// (.dependency-cruiser.cjs, docs/architecture.md § Layers).
if (!run("Layers (dependency-cruiser)", "npm", ["run", "--silent", "check:layers"])) {
  failed++;
  finish(1);
}

// Formatting is Prettier's, lint is ESLint's (eslint.config.mjs; warnings count as failures).
if (!run("Format (Prettier)", "npm", ["run", "--silent", "check:format"])) {
  failed++;
  finish(1);
}

if (!run("Lint (ESLint)", "npm", ["run", "--silent", "lint"])) {
  failed++;
  finish(1);
}

if (!run("Type check", "npx", ["tsc", "--noEmit"])) {
  failed++;
  finish(1);
}

if (!run("Production build", "npx", ["next", "build"])) {
  failed++;
  finish(1);
}

const vitestOk = run("Unit and integration tests (vitest)", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${results}/vitest.json`,
]);
if (existsSync(`${results}/vitest.json`)) {
  const v = JSON.parse(readFileSync(`${results}/vitest.json`, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (!vitestOk) finish(1);

// The PostgreSQL suites (*.pg.test.ts, docs/postgres.md): one real server started by the run itself.
const pgOk = run("PostgreSQL tests (vitest, embedded PostgreSQL)", "npx", [
  "vitest",
  "run",
  "--config",
  "vitest.postgres.config.ts",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${results}/vitest-pg.json`,
]);
if (existsSync(`${results}/vitest-pg.json`)) {
  const v = JSON.parse(readFileSync(`${results}/vitest-pg.json`, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (!pgOk) finish(1);

let chromium;
try {
  chromium = ensureChromium();
} catch (err) {
  console.error(`\n${err.message}`);
  failed++;
  finish(1);
}

const e2eOk = run("Browser tests (Playwright)", "npx", ["playwright", "test"], { CHROMIUM_PATH: chromium });
if (existsSync(`${results}/playwright.json`)) {
  const p = JSON.parse(readFileSync(`${results}/playwright.json`, "utf8"));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
finish(e2eOk ? 0 : 1);
