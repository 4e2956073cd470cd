import type { Db } from "../../client";
import { read } from "../../sql";

/**
 * The roster's `text_search` (docs/edx-api.md): every whitespace-separated term must occur, case-insensitively,
 * as a substring of the learner's name, username or email.
 *
 * Terms go to the FTS5 trigram index `user_search` (one document per user, case folded by the
 * tokenizer, Unicode included), so a search does not read the whole roster: a term of three
 * characters or more is a phrase of its trigrams; a two-character term is any of the indexed
 * trigrams that start with it (from `user_search_vocab`; each field is indexed with a trailing
 * space, so this holds at a field's end too). A one-character term cannot use the index: it is
 * checked on the rows the other terms found or, alone, on every row of the course through the
 * covering username index; it folds case with SQLite's `lower()`, which is ASCII only.
 */

export interface TextSearch {
  /** FTS5 query for the terms of two characters or more (all required), or null when there are none. */
  match: string | null;
  /**
   * The same terms as LIKE patterns (`%term%`, lower-cased, `%`, `_` and `\` escaped), for
   * PostgreSQL's trigram indexes (docs/postgres.md § Search); empty exactly when `match` is null.
   */
  patterns: string[];
  /** Lower-cased one-character terms. */
  single: string[];
  /** A two-character term that no indexed text contains: nothing can match. */
  impossible: boolean;
}

const quote = (phrase: string) => `"${phrase.replaceAll('"', '""')}"`;
const LAST_CODE_POINT = "\u{10FFFF}";

/**
 * Control characters separate terms like whitespace: no name holds one, and a NUL would end the
 * FTS5 query inside SQLite's C code, leaving an unterminated phrase (a syntax error).
 */
const SEPARATORS = /[\s\p{Cc}]+/u;

/** A field of `users u` as PostgreSQL's trigram indexes hold it: Unicode case folded, as FTS5 folds it. */
const foldedField = (field: string) => `(lower(${field} COLLATE "und-x-icu") COLLATE "C")`;

/**
 * The indexed trigrams in [from, to). PostgreSQL has no such vocabulary: its text cuts the users'
 * fields, folded and with the trailing space SQLite's index adds, into trigrams. The range is
 * always the strings that start with `from` (to = from + the last code point), so only the fields
 * holding `from` are cut — a scan of users, as any one- or two-character term is on PostgreSQL
 * (docs/postgres.md § Search).
 */
const VOCAB = read(
  "learners/text-search.vocab",
  `SELECT term FROM user_search_vocab WHERE term >= ? AND term < ?`,
  { term: "text" },
  {
    postgres: `SELECT DISTINCT g.term FROM (SELECT CAST(? AS text) AS low, CAST(? AS text) AS high) AS r
  CROSS JOIN users u
  CROSS JOIN LATERAL (VALUES (${foldedField("u.username")} || ' '), (${foldedField("u.name")} || ' '), (${foldedField("coalesce(u.email, '')")} || ' ')) AS f(field)
  CROSS JOIN LATERAL generate_series(1, length(f.field) - 2) AS i(at)
  CROSS JOIN LATERAL (SELECT substr(f.field, i.at, 3) AS term) AS g
  WHERE strpos(f.field, r.low) > 0 AND g.term >= r.low AND g.term < r.high
  ORDER BY g.term`,
  },
);

/** The search for `text`, or null when it has no terms (no filter). */
export function textSearchOf(s: Db["$client"], text: string | null | undefined): TextSearch | null {
  const terms = [...new Set((text ?? "").split(SEPARATORS).filter(Boolean))];
  if (terms.length === 0) return null;
  const groups: string[] = [];
  const patterns: string[] = [];
  const single: string[] = [];
  let impossible = false;
  for (const term of terms) {
    const length = [...term].length;
    if (length === 1) {
      single.push(term.toLowerCase());
      continue;
    }
    if (length >= 3) groups.push(quote(term));
    else {
      const folded = term.toLowerCase();
      const trigrams = VOCAB.column(s, "term", folded, folded + LAST_CODE_POINT);
      if (trigrams.length === 0) {
        impossible = true;
        continue;
      }
      groups.push(`(${trigrams.map(quote).join(" OR ")})`);
    }
    patterns.push(`%${term.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`);
  }
  return { match: groups.length ? groups.join(" AND ") : null, patterns, single, impossible };
}

/** Users whose name, username or email hold every term of `@match`. */
export const MATCHING_USERS_SQL = `SELECT k.user_id FROM user_search f JOIN user_search_key k ON k.id = f.rowid WHERE user_search MATCH @match`;

/**
 * `MATCHING_USERS_SQL` on PostgreSQL (docs/postgres.md § Search): the users any of whose three
 * folded fields is LIKE each pattern of `@patterns` (a JSON array), each pattern looked up in each
 * field's own trigram index, a user kept when found by every pattern. One text whatever the number
 * of terms, as SQLite's, so the two texts of a shape always go together.
 */
export const POSTGRES_MATCHING_USERS_SQL = `SELECT m.id FROM jsonb_array_elements_text(CAST(@patterns AS jsonb)) AS p(pattern)
  CROSS JOIN LATERAL (SELECT u.id FROM users u WHERE ${["username", "name", "email"].map((f) => `${foldedField(`u.${f}`)} LIKE p.pattern`).join(" OR ")}) AS m
  GROUP BY m.id HAVING count(*) = jsonb_array_length(CAST(@patterns AS jsonb))`;

/**
 * One SQL condition per one-character term, on `learner_summary s`; parameters `@single0`,
 * `@single1`, …. PostgreSQL's (`postgres`) is the same test: its `lower()` under the columns'
 * `C` collation is ASCII only, as SQLite's is, so both find the same rows.
 */
export function singleTermConditions(single: readonly string[]): {
  conditions: string[];
  postgres: string[];
  params: Record<string, string>;
} {
  const params: Record<string, string> = {};
  const test = (fn: "instr" | "strpos", i: number) =>
    `(${fn}(lower(s.username), @single${i}) > 0 OR ${fn}(lower(s.name), @single${i}) > 0 OR ${fn}(lower(coalesce(s.email, '')), @single${i}) > 0)`;
  const conditions = single.map((term, i) => {
    params[`single${i}`] = term;
    return test("instr", i);
  });
  return { conditions, postgres: single.map((_, i) => test("strpos", i)), params };
}
