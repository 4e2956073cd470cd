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

const VOCAB = read("learners/text-search.vocab", `SELECT term FROM user_search_vocab WHERE term >= ? AND term < ?`, {
  term: "text",
});

/** The search for `text`, or null when it has no terms (no filter). */
export function textSearchOf(s: Db["$client"], text: string | null | undefined): TextSearch | null {
  const terms = [...new Set((text ?? "").split(SEPARATORS).filter(Boolean))];
  if (terms.length === 0) return null;
  const groups: string[] = [];
  const single: string[] = [];
  let impossible = false;
  for (const term of terms) {
    const length = [...term].length;
    if (length >= 3) groups.push(quote(term));
    else if (length === 1) single.push(term.toLowerCase());
    else {
      const folded = term.toLowerCase();
      const trigrams = VOCAB.column(s, "term", folded, folded + LAST_CODE_POINT);
      if (trigrams.length === 0) impossible = true;
      else groups.push(`(${trigrams.map(quote).join(" OR ")})`);
    }
  }
  return { match: groups.length ? groups.join(" AND ") : null, single, impossible };
}

/** Users whose name, username or email hold every term of `@match`. */
export const MATCHING_USERS_SQL = `SELECT k.user_id FROM user_search f JOIN user_search_key k ON k.id = f.rowid WHERE user_search MATCH @match`;

/** One SQL condition per one-character term, on `learner_summary s`; parameters `@single0`, `@single1`, …. */
export function singleTermConditions(single: readonly string[]): {
  conditions: string[];
  params: Record<string, string>;
} {
  const params: Record<string, string> = {};
  const conditions = single.map((term, i) => {
    params[`single${i}`] = term;
    return `(instr(lower(s.username), @single${i}) > 0 OR instr(lower(s.name), @single${i}) > 0 OR instr(lower(coalesce(s.email, '')), @single${i}) > 0)`;
  });
  return { conditions, params };
}
