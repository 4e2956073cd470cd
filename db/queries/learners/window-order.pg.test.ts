import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresQuery } from "@/db/engine/postgres";
import { definitions } from "@/db/sql";
import { testDatabase } from "@/lib/testing/postgres";
import "./window-order";

// The kept window orders' mark on PostgreSQL (window-order.ts): it must move with every write,
// this session's or another's, or a kept order would outlive the data it was read from.

const MARK = definitions().find((d) => d.name === "learners/window-order.mark")!;

describe("the window-order mark on PostgreSQL", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  const mark = async (c: pg.PoolClient) => {
    const { rows } = await c.query<{ version: number; changes: number }>(postgresQuery(MARK, []));
    return `${rows[0]!.version}:${rows[0]!.changes}`;
  };
  const insertCourse = (c: pg.PoolClient, id: string) =>
    c.query("INSERT INTO courses (id, title) VALUES ($1, 'T')", [id]);

  it("is a whole number that moves when another session commits a write", async () => {
    const [reader, writer] = [await pool.connect(), await pool.connect()];
    try {
      const before = await mark(reader);
      expect(before).toMatch(/^\d+:0$/);
      await insertCourse(writer, "other-session");
      expect(await mark(reader)).not.toBe(before);
    } finally {
      reader.release();
      writer.release();
    }
  });

  it("moves with this session's own writes inside its transaction", async () => {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      const before = await mark(c);
      await c.query("UPDATE courses SET title = 'U'");
      await insertCourse(c, "same-session");
      expect(await mark(c)).not.toBe(before);
      await c.query("ROLLBACK");
    } finally {
      c.release();
    }
  });
});
