import { describe, expect, it } from "vitest";
import { definitions } from "../sql";
import { numberPlaceholders, orderedValues } from "./placeholders";

// The query modules, so that every registered text is at hand.
import.meta.glob(["../queries/**/*.ts", "!../queries/**/*.test.ts"], { eager: true });

describe("numberPlaceholders", () => {
  it("numbers positional parameters in order", () => {
    expect(numberPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)")).toEqual({
      text: "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)",
      names: null,
      count: 3,
    });
  });

  it("numbers named parameters once each, in order of first use", () => {
    const n = numberPlaceholders("SELECT * FROM t WHERE course_id = @course AND (a = @x OR b = @x) AND c = @course_2");
    expect(n.text).toBe("SELECT * FROM t WHERE course_id = $1 AND (a = $2 OR b = $2) AND c = $3");
    expect(n.names).toEqual(["course", "x", "course_2"]);
    expect(orderedValues(n, [{ x: 1, course: "c", course_2: "d", unused: 0 }])).toEqual(["c", 1, "d"]);
  });

  it("leaves ? and @ alone in literals, quoted names, comments and PostgreSQL operators", () => {
    const sql = `SELECT '?', 'it''s @me', "a?b" -- what? @x
      /* @y ? */ FROM t WHERE j ?| array['a'] AND j @> '{}' AND k <@ m AND v @@ q AND lower(x) LIKE ? ESCAPE '\\'`;
    const n = numberPlaceholders(sql);
    expect(n.count).toBe(1);
    expect(n.text).toContain("LIKE $1 ESCAPE '\\'");
    expect(n.text.replace("$1", "?")).toBe(sql);
  });

  it("refuses a text that mixes the two kinds, and wrong values", () => {
    expect(() => numberPlaceholders("SELECT ? , @a")).toThrow(/mixes/);
    expect(() => orderedValues(numberPlaceholders("SELECT ?, ?"), [1])).toThrow(/takes 2 parameters, 1 given/);
    expect(() => orderedValues(numberPlaceholders("SELECT @a"), [{ b: 1 }])).toThrow(/Missing named parameter "a"/);
    expect(() => orderedValues(numberPlaceholders("SELECT @a"), [1])).toThrow(/one object/);
  });

  it("turns every registered text into one whose every placeholder is numbered", () => {
    const defs = definitions();
    expect(defs.length).toBeGreaterThan(100);
    for (const d of defs) {
      const n = numberPlaceholders(d.text);
      const outside = n.text.replace(/'(?:[^']|'')*'/g, "''");
      expect(outside, d.name).not.toMatch(/(?<![<@])@[A-Za-z_]|\?(?![|&?])/);
      const used = new Set([...outside.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect(used.size, d.name).toBe(n.count);
    }
  });
});
