import type Database from "better-sqlite3";

/**
 * Typed SQL for the queries drizzle's builder does not express as well (CTEs, window functions,
 * upserts built from column lists, FTS5, index hints): docs/architecture.md § Typed rows.
 *
 * A statement is defined once, at module level, with its name, its SQL text and — for a read —
 * the columns of its rows and the kind of each. The row type comes from that declaration, so no
 * caller writes `as {…}`; and every definition lands in a registry that `db/sql.test.ts` walks:
 * it prepares each text against a freshly migrated database (a renamed table or column fails
 * there) and checks that the columns SQLite reports are the declared ones, with the declared
 * kind where a column is read straight from a table (a renamed alias or a changed type fails).
 */

type Sqlite = Database.Database;

/** What a column holds as SQLite hands it back; `?` when it may be NULL. */
export type Kind = "text" | "int" | "real" | "any" | "text?" | "int?" | "real?";

/** A text column holding one of a few values (a role, a status): `oneOf(USER_ROLES)`. */
export interface OneOf<T extends string, K extends "text" | "text?" = "text" | "text?"> {
  readonly kind: K;
  readonly values: readonly T[];
}

export function oneOf<const T extends string>(values: readonly T[]): OneOf<T, "text">;
export function oneOf<const T extends string>(values: readonly T[], opts: { nullable: true }): OneOf<T, "text?">;
export function oneOf<const T extends string>(values: readonly T[], opts: { nullable?: boolean } = {}): OneOf<T> {
  return { kind: opts.nullable ? "text?" : "text", values };
}

export type RowSpec = Readonly<Record<string, Kind | OneOf<string>>>;

/** The kind a column of a spec is checked as. */
export function kindOf(spec: Kind | OneOf<string>): Kind {
  return typeof spec === "string" ? spec : spec.kind;
}

type KindType<K extends Kind | OneOf<string>> =
  K extends OneOf<infer T, "text?"> ? T | null : K extends OneOf<infer T> ? T : K extends Kind ? PlainType<K> : never;

type PlainType<K extends Kind> = K extends "text"
  ? string
  : K extends "int" | "real"
    ? number
    : K extends "text?"
      ? string | null
      : K extends "int?" | "real?"
        ? number | null
        : unknown;

/** The row a spec describes. */
export type RowOf<S extends RowSpec> = { -readonly [K in keyof S]: KindType<S[K]> };

/** Positional (`?`) or named (`@name`) parameters, as better-sqlite3 binds them. */
export type Params = readonly unknown[] | [Readonly<Record<string, unknown>>];

/** One registered SQL text: what the prepare test needs. */
export interface Definition {
  /** Where it is used, e.g. `course-list.cards`; unique. */
  name: string;
  text: string;
  /** The declared columns of a read; null for a write. */
  row: RowSpec | null;
  /** Statements the prepare test runs first (temporary tables a text reads). */
  setup?: readonly string[];
  /** The text on PostgreSQL, where it differs (docs/postgres.md § One text); else `text` serves both. */
  postgres?: string;
}

const registry = new Map<string, Definition>();

/** Every SQL text defined so far (the modules that define them must have been imported). */
export function definitions(): Definition[] {
  return [...registry.values()];
}

function register(def: Definition): void {
  const seen = registry.get(def.name);
  if (seen && seen.text !== def.text) throw new Error(`Two SQL definitions are named ${def.name}`);
  registry.set(def.name, def);
}

interface Options {
  setup?: readonly string[];
  /** The PostgreSQL text, when SQLite's does not serve. */
  postgres?: string;
}

interface FamilyOptions<C> {
  setup?: readonly string[];
  /** The PostgreSQL text for a choice, when SQLite's does not serve. */
  postgres?: (choice: C) => string;
}

/** A read whose rows are `RowOf<S>`. */
export class Read<S extends RowSpec> {
  constructor(
    readonly name: string,
    readonly text: string,
    readonly row: S,
    /** The text on PostgreSQL where SQLite's does not serve (docs/postgres.md § One text). */
    readonly postgres?: string,
  ) {}

  all(s: Sqlite, ...params: Params): RowOf<S>[] {
    return s.prepare(this.text).all(...params) as RowOf<S>[];
  }

  get(s: Sqlite, ...params: Params): RowOf<S> | undefined {
    return s.prepare(this.text).get(...params) as RowOf<S> | undefined;
  }

  /** Rows one at a time (for reads too large to hold). */
  iterate(s: Sqlite, ...params: Params): IterableIterator<RowOf<S>> {
    return s.prepare(this.text).iterate(...params) as IterableIterator<RowOf<S>>;
  }

  /** The first column of each row. */
  column<K extends keyof S & string>(s: Sqlite, key: K, ...params: Params): RowOf<S>[K][] {
    return this.all(s, ...params).map((r) => r[key]);
  }
}

/** A statement run for its effect. */
export class Write {
  constructor(
    readonly name: string,
    readonly text: string,
    /** The text on PostgreSQL where SQLite's does not serve. */
    readonly postgres?: string,
  ) {}

  run(s: Sqlite, ...params: Params): Database.RunResult {
    return s.prepare(this.text).run(...params);
  }
}

/** Defines a read: `const COURSE = read("catalog.course", "SELECT id, title FROM courses WHERE id = ?", { id: "text", title: "text" })`. */
export function read<const S extends RowSpec>(name: string, text: string, row: S, opts: Options = {}): Read<S> {
  register({ name, text, row, ...opts });
  return new Read(name, text, row, opts.postgres);
}

/** Defines a write (INSERT, UPDATE, DELETE; a RETURNING read is a `read`). */
export function write(name: string, text: string, opts: Options = {}): Write {
  register({ name, text, row: null, ...opts });
  return new Write(name, text, opts.postgres);
}

/**
 * A family of reads whose text depends on a few choices (a scope, a filter, an ORDER BY): `build`
 * makes the text for a choice, and `examples` lists choices enough to cover every part of the
 * text, each registered (as `name[i]`) for the prepare test. The same choice gives the same `Read`.
 */
export function reads<C, const S extends RowSpec>(
  name: string,
  build: (choice: C) => string,
  row: S,
  examples: readonly C[],
  opts: FamilyOptions<C> = {},
): (choice: C) => Read<S> {
  examples.forEach((c, i) =>
    register({ name: `${name}[${i}]`, text: build(c), row, setup: opts.setup, postgres: opts.postgres?.(c) }),
  );
  const made = new Map<string, Read<S>>();
  return (choice) => {
    const text = build(choice);
    const postgres = opts.postgres?.(choice);
    // Keyed by both texts: a PostgreSQL text may vary where SQLite's does not.
    const key = postgres === undefined ? text : `${text}\u0000${postgres}`;
    let r = made.get(key);
    if (!r) {
      r = new Read(name, text, row, postgres);
      if (made.size < 256) made.set(key, r);
    }
    return r;
  };
}

/** The same for writes whose text depends on a choice (a column list). */
export function writes<C>(
  name: string,
  build: (choice: C) => string,
  examples: readonly C[],
  opts: FamilyOptions<C> = {},
): (choice: C) => Write {
  examples.forEach((c, i) =>
    register({ name: `${name}[${i}]`, text: build(c), row: null, setup: opts.setup, postgres: opts.postgres?.(c) }),
  );
  return (choice) => new Write(name, build(choice), opts.postgres?.(choice));
}

/**
 * PostgreSQL's subquery for the values of a JSON array parameter (`?` or `@name`), where SQLite's
 * texts say `SELECT value FROM json_each(…)`: docs/postgres.md § One text.
 */
export function jsonValues(param: string): string {
  return `SELECT jsonb_array_elements_text(CAST(${param} AS jsonb))`;
}
