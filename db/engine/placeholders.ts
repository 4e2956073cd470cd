/**
 * One SQL text for both engines (docs/postgres.md § One text): Lantern's texts bind parameters as
 * SQLite does, by position (`?`) or by name (`@name`); PostgreSQL numbers them (`$1`, `$2`…). This
 * rewrites a text for PostgreSQL and says how to order its parameters. A `?` or `@` inside a
 * string literal, a quoted identifier or a comment is left alone, and so are PostgreSQL's own
 * operators that contain them (`?|`, `?&`, `@>`, `<@`, `@@`).
 */

export interface NumberedText {
  /** The text with `$n` placeholders. */
  text: string;
  /** For a named text: the parameter names in `$n` order (a name used twice is one `$n`). Null for a positional text. */
  names: readonly string[] | null;
  /** How many parameters the text takes. */
  count: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

export function numberPlaceholders(sql: string): NumberedText {
  let out = "";
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  const copyUntil = (end: string, from: number): number => {
    const j = sql.indexOf(end, from);
    const stop = j < 0 ? sql.length : j + end.length;
    out += sql.slice(i, stop);
    return stop;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'") i = copyQuoted("'");
    else if (c === '"') i = copyQuoted('"');
    else if (c === "-" && next === "-") i = copyUntil("\n", i);
    else if (c === "/" && next === "*") i = copyUntil("*/", i + 2);
    else if (c === "?" && next !== "|" && next !== "&" && next !== "?") {
      if (names.length) throw new Error("A text mixes ? and @name parameters");
      out += `$${++positional}`;
      i++;
    } else if (c === "@" && next !== ">" && next !== "@" && sql[i - 1] !== "<" && sql[i - 1] !== "@") {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(sql);
      if (!m) {
        out += c;
        i++;
        continue;
      }
      if (positional) throw new Error("A text mixes ? and @name parameters");
      let k = names.indexOf(m[0]);
      if (k < 0) k = names.push(m[0]) - 1;
      out += `$${k + 1}`;
      i += 1 + m[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, names: names.length ? names : null, count: names.length || positional };

  /** Copies a quoted run (a doubled quote inside it is part of it) and returns where it ends. */
  function copyQuoted(q: string): number {
    let j = i + 1;
    for (;;) {
      const k = sql.indexOf(q, j);
      if (k < 0) {
        j = sql.length;
        break;
      }
      if (sql[k + 1] === q) j = k + 2;
      else {
        j = k + 1;
        break;
      }
    }
    out += sql.slice(i, j);
    return j;
  }
}

/**
 * The values for a numbered text, from parameters given the better-sqlite3 way: positional
 * values, or one object of named values (a name the text uses but the object lacks is an error,
 * as in better-sqlite3).
 */
export function orderedValues(numbered: NumberedText, params: readonly unknown[]): unknown[] {
  if (!numbered.names) {
    if (params.length !== numbered.count)
      throw new RangeError(`The text takes ${numbered.count} parameters, ${params.length} given`);
    return [...params];
  }
  const named = params[0];
  if (params.length !== 1 || typeof named !== "object" || named === null)
    throw new TypeError("A text with @name parameters takes one object of values");
  return numbered.names.map((name) => {
    if (!(name in named)) throw new RangeError(`Missing named parameter "${name}"`);
    return (named as Record<string, unknown>)[name];
  });
}
