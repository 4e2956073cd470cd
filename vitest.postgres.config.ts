import path from "node:path";
import { defineConfig } from "vitest/config";

// The tests that need a PostgreSQL server (`*.pg.test.ts`): `npm run test:pg`. One server for the
// run (lib/testing/postgres-setup.ts); vitest.config.ts leaves these files out, so the SQLite
// suites never start one.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,app,bin,scripts,bench}/**/*.pg.test.ts"],
    globalSetup: ["./lib/testing/postgres-setup.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
