import pg from "pg";
import type { Definition } from "../sql";
import { numberPlaceholders, orderedValues, type NumberedText } from "./placeholders";

/**
 * PostgreSQL's side of a registered SQL text (docs/postgres.md § One text): the definition's
 * `postgres` text where it has one, else its SQLite text, with its placeholders numbered.
 */

const numbered = new Map<string, NumberedText>();

/** The numbered PostgreSQL text of a definition (kept per text). */
export function postgresText(def: Pick<Definition, "text" | "postgres">): NumberedText {
  const source = def.postgres ?? def.text;
  let n = numbered.get(source);
  if (!n) {
    n = numberPlaceholders(source);
    if (numbered.size < 2000) numbered.set(source, n);
  }
  return n;
}

/** The query node-postgres runs for a definition and better-sqlite3-style parameters. */
export function postgresQuery(
  def: Pick<Definition, "text" | "postgres">,
  params: readonly unknown[],
): { text: string; values: unknown[] } {
  const n = postgresText(def);
  return { text: n.text, values: orderedValues(n, params) };
}

/**
 * A pool on `url` that reads bigint (int8: `count(*)`, `events.ts`) as a JS number, as
 * better-sqlite3 does for integers: every such value in Lantern is below 2^53.
 */
export function openPool(url: string, max = 4): pg.Pool {
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === pg.types.builtins.INT8
        ? (v: string) => Number(v)
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  return new pg.Pool({ connectionString: url, max, types });
}

/**
 * PostgreSQL folds unquoted names to lower case (`AS courseId` comes back as `courseid`); a
 * read's declared columns say the names its rows carry, so the rows are given those, and the
 * texts need no quoted aliases.
 */
export function namesOnPostgres(row: Readonly<Record<string, unknown>>): Map<string, string> {
  const names = new Map<string, string>();
  for (const name of Object.keys(row)) {
    const folded = name.toLowerCase();
    if (names.has(folded)) throw new Error(`Columns ${names.get(folded)} and ${name} differ only by case`);
    names.set(folded, name);
  }
  return names;
}

/** A PostgreSQL result's column names as the read declares them (a name it does not declare is kept). */
export function declaredNames(fields: readonly { name: string }[], row: Readonly<Record<string, unknown>>): string[] {
  const names = namesOnPostgres(row);
  return fields.map((f) => names.get(f.name) ?? f.name);
}

/**
 * Runs a registered read on PostgreSQL with better-sqlite3-style parameters; its rows carry the
 * declared column names. (The queries run on SQLite today; this is the PostgreSQL side the engine
 * work builds on, and what the differential test runs.)
 */
export async function postgresAll(
  client: pg.ClientBase,
  def: Pick<Definition, "text" | "postgres" | "row">,
  ...params: unknown[]
): Promise<Record<string, unknown>[]> {
  const result = await client.query(postgresQuery(def, params));
  if (!def.row) return [];
  const names = namesOnPostgres(def.row);
  return result.rows.map((r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [names.get(k) ?? k, v])),
  );
}
