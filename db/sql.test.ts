import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { createTestDb } from "@/lib/testing/db";
import { definitions, kindOf, oneOf, read, reads, type Kind, type RowOf } from "./sql";

// Every module that defines SQL, imported so that its definitions register (docs/architecture.md § Typed rows).
const modules = import.meta.glob(["./queries/**/*.ts", "!./queries/**/*.test.ts"], { eager: true });

const ROOT = path.resolve(__dirname, "..");

/** The declared type of a table's column, as drizzle-kit writes it, and the kinds that read it. */
const KINDS_OF_TYPE: Record<string, readonly Kind[]> = {
  text: ["text", "text?", "any"],
  integer: ["int", "int?", "any"],
  real: ["real", "real?", "int", "int?", "any"],
};

describe("every SQL text", () => {
  const { db, close } = createTestDb();
  afterAll(close);
  const s = db.$client;

  it("is registered by the query modules", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(20);
    expect(definitions().length).toBeGreaterThan(100);
  });

  it.each(definitions().map((d) => [d.name, d] as const))("%s prepares, with the declared columns", (_name, def) => {
    for (const setup of def.setup ?? []) s.exec(setup);
    const statement = s.prepare(def.text);
    if (!def.row) {
      expect(statement.reader, "a write returns no rows (a RETURNING statement is a read)").toBe(false);
      return;
    }
    expect(statement.reader, "a read returns rows").toBe(true);
    const columns = statement.columns();
    expect(columns.map((c) => c.name)).toEqual(Object.keys(def.row));
    for (const c of columns) {
      const declared = c.type?.toLowerCase();
      const kinds = declared ? KINDS_OF_TYPE[declared] : undefined;
      if (kinds)
        expect(kinds, `${c.name} is ${c.table}.${c.column}, a ${declared} column`).toContain(kindOf(def.row[c.name]!));
    }
  });

  it("fails for a renamed column, a renamed alias and a changed type (the check itself)", () => {
    const bad = [
      read("check.renamed-column", "SELECT id, titel FROM courses", { id: "text", titel: "text" }),
      read("check.renamed-alias", "SELECT id AS course_id FROM courses", { id: "text" }),
      read("check.changed-type", "SELECT id FROM courses", { id: "int" }),
    ];
    expect(() => s.prepare(bad[0]!.text)).toThrow(/no such column: titel/);
    expect(
      s
        .prepare(bad[1]!.text)
        .columns()
        .map((c) => c.name),
    ).not.toEqual(Object.keys(bad[1]!.row));
    expect(KINDS_OF_TYPE[s.prepare(bad[2]!.text).columns()[0]!.type!.toLowerCase()]).not.toContain("int");
  });
});

describe("a family of reads", () => {
  it("keeps one Read per pair of texts: a PostgreSQL text may vary where SQLite's does not", () => {
    const family = reads("check.family", (_n: number) => "SELECT id FROM courses", { id: "text" }, [], {
      postgres: (n) => `SELECT id FROM courses LIMIT ${n}`,
    });
    expect(family(1).postgres).toBe("SELECT id FROM courses LIMIT 1");
    expect(family(2).postgres).toBe("SELECT id FROM courses LIMIT 2");
    expect(family(1)).toBe(family(1));
  });
});

describe("row types", () => {
  it("come from the declared kinds", () => {
    const row = {
      id: "text",
      n: "int",
      note: "text?",
      role: oneOf(["admin", "user"]),
      mode: oneOf(["a", "b"], { nullable: true }),
    } as const;
    expectTypeOf<RowOf<typeof row>>().toEqualTypeOf<{
      id: string;
      n: number;
      note: string | null;
      role: "admin" | "user";
      mode: "a" | "b" | null;
    }>();
    expect(Object.values(row).map(kindOf)).toEqual(["text", "int", "text?", "text", "text?"]);
  });
});

/** Production source files (no tests, fixtures, bench or scripts). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === "testing" || f === "node_modules" ? [] : sources(p);
    return /\.tsx?$/.test(f) && !/(\.test\.tsx?|test-helpers\.ts)$/.test(f) ? [p] : [];
  });
}

describe("SQL texts outside the registry", () => {
  // Allowed: db/sql.ts (which prepares the registered texts), the connection's set-up and pragmas
  // (db/client.ts, db/checkpointer.ts), the copy between engines (db/engine/copy.ts: one generic
  // SELECT and INSERT per table of the schema, built from its columns) and transaction control.
  const ALLOWED = new Set(["db/sql.ts", "db/client.ts", "db/checkpointer.ts", "db/engine/copy.ts"]);
  const TRANSACTION_CONTROL = /\.exec\(\s*"(BEGIN IMMEDIATE|BEGIN|COMMIT|ROLLBACK)"\s*\)/g;

  it("are none: every production SQL text is a registered definition", () => {
    const found: string[] = [];
    for (const file of ["app", "components", "db", "lib", "bin"].flatMap((d) => sources(path.join(ROOT, d)))) {
      const rel = path.relative(ROOT, file);
      if (ALLOWED.has(rel)) continue;
      const text = readFileSync(file, "utf8").replace(TRANSACTION_CONTROL, "");
      for (const m of text.matchAll(/\.prepare\((?!\s*\))|\.exec\(\s*[`"']/g)) {
        const line = text.slice(0, m.index).split("\n").length;
        found.push(`${rel}:${line}`);
      }
    }
    expect(found).toEqual([]);
  });
});
