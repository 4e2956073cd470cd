import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,app,bin,scripts,bench}/**/*.test.ts"],
    // Those need a PostgreSQL server: vitest.postgres.config.ts starts one (`npm run test:pg`).
    exclude: ["**/node_modules/**", "**/*.pg.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
