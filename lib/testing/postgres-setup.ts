import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres";

/**
 * vitest globalSetup (vitest.postgres.config.ts): one PostgreSQL server for the whole run, its URL
 * given to test files as `inject("postgresUrl")`; stopped, and its data deleted, when the run ends.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const server = await startPostgres();
  console.log(`[postgres] started in ${Date.now() - started} ms`);
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
