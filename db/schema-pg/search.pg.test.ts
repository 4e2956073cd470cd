import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/db";
import { testDatabase } from "@/lib/testing/postgres";

// The roster's text search on PostgreSQL (docs/postgres.md § Search): the trigram GIN index on
// users finds what SQLite's FTS5 trigram table finds, Unicode case folded, and a query uses it.

const NAMES = ["Émile Zola", "émilie du Châtelet", "Ada Lovelace", "ÅSA LARSSON", "Ōe Kenzaburō", "Grace Hopper"];
const USERS = Array.from({ length: 3000 }, (_, i) => ({
  id: `id${i}`,
  username: `user${i}`,
  name: `${NAMES[i % NAMES.length]} ${i}`,
  email: i % 5 === 0 ? null : `u${i}@Example.org`,
}));

/** Users any of whose fields contains `term`, case folded (the shape of the roster's search). */
const fold = (column: string) => `(lower(${column} COLLATE "und-x-icu") COLLATE "C")`;
const PG_SEARCH = `SELECT id FROM users WHERE ${fold("username")} LIKE $1 OR ${fold("name")} LIKE $1
  OR ${fold("email")} LIKE $1 ORDER BY id`;
const pattern = (term: string) => `%${term.toLowerCase()}%`;

describe("the user search on PostgreSQL", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  await pool.query(
    "INSERT INTO users (id, username, name, email) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])",
    [USERS.map((u) => u.id), USERS.map((u) => u.username), USERS.map((u) => u.name), USERS.map((u) => u.email)],
  );
  await pool.query("ANALYZE users");

  it.each(["émi", "ÉMIL", "åsa", "LOVEL", "ōe k", "user123", "example.org", "zzz"])(
    "finds for %j the users SQLite's FTS5 trigram index finds",
    async (term) => {
      const sqlite = createTestDb();
      try {
        const insert = sqlite.db.$client.prepare("INSERT INTO users (id, username, name, email) VALUES (?, ?, ?, ?)");
        sqlite.db.$client.transaction(() => USERS.forEach((u) => insert.run(u.id, u.username, u.name, u.email)))();
        const expected = sqlite.db.$client
          .prepare(
            "SELECT k.user_id FROM user_search f JOIN user_search_key k ON k.id = f.rowid WHERE user_search MATCH ? ORDER BY k.user_id",
          )
          .pluck()
          .all(`"${term}"`);
        const { rows } = await pool.query<{ id: string }>(PG_SEARCH, [pattern(term)]);
        expect(rows.map((r) => r.id)).toEqual(expected);
        if (term !== "zzz") expect(rows.length).toBeGreaterThan(0);
      } finally {
        sqlite.close();
      }
    },
  );
});

describe("the user search's index", async () => {
  const { pool } = await testDatabase();
  await migrate(drizzle(pool), { migrationsFolder: "db/migrations-pg" });
  // Enough users that a scan costs more than the index, as on any roster worth searching.
  await pool.query(
    "INSERT INTO users (id, username, name, email) SELECT 'id' || i, 'user' || i, 'Ada Lovelace ' || i, 'u' || i || '@example.org' FROM generate_series(1, 20000) i",
  );
  await pool.query("ANALYZE users");

  it("answers a selective term from the trigram index, not a scan of users", async () => {
    const literal = PG_SEARCH.replaceAll("$1", `'${pattern("ovelace 12345")}'`);
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${literal}`);
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    for (const field of ["username", "name", "email"])
      expect(plan).toContain(`Bitmap Index Scan on users_${field}_trgm_idx`);
    expect(plan).not.toContain("Seq Scan");
  });
});
