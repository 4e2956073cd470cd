import { defineConfig } from "drizzle-kit";

// The PostgreSQL schema's migrations (docs/postgres.md); `drizzle.config.ts` is SQLite's.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://127.0.0.1:5432/lantern" },
});
