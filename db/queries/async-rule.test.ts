import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// docs/architecture.md § Sync and async in db/queries: what other layers call to read is async;
// the write side inside one transaction, the building blocks used only here, and pure functions are sync.

const ROOT = path.resolve(__dirname, "../..");
const QUERIES = path.join(ROOT, "db/queries");

/** The jobs that run inside one SQLite transaction (the store classes are classes, not checked). */
const TRANSACTION_JOBS = new Set(["rebuildCourse", "ensureCourseFresh", "refitMastery"]);
/** How a parameter that is a connection is typed. */
const CONNECTION = /^(Db|Sqlite|Database\.Database|Db\["\$client"\])$/;

function files(dir: string, skip: (p: string) => boolean = () => false): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (skip(p)) return [];
    if (statSync(p).isDirectory()) return f === "node_modules" ? [] : files(p, skip);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

interface Exported {
  name: string;
  file: string;
  takesConnection: boolean;
  async: boolean;
}

/** Exported function declarations of a db/queries module, as written. */
function exportedFunctions(file: string): Exported[] {
  const src = parse(file);
  const out: Exported[] = [];
  for (const node of src.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const returns = node.type?.getText(src) ?? "";
    out.push({
      name: node.name.text,
      file: path.relative(ROOT, file),
      takesConnection: node.parameters.some((p) => CONNECTION.test(p.type?.getText(src) ?? "")),
      async:
        Boolean(node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) ||
        /^(Promise|AsyncGenerator|AsyncIterable)</.test(returns),
    });
  }
  return out;
}

/** Names imported (as values) from db/queries by the modules of the other layers. */
function importedFromOutside(): Set<string> {
  const names = new Set<string>();
  const outside = ["app", "components", "lib", "bin"].flatMap((d) => files(path.join(ROOT, d)));
  for (const file of outside) {
    const src = parse(file);
    for (const node of src.statements) {
      if (!ts.isImportDeclaration(node) || node.importClause?.isTypeOnly) continue;
      const from = (node.moduleSpecifier as ts.StringLiteral).text;
      if (!/^@\/db\/queries\//.test(from)) continue;
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) if (!el.isTypeOnly) names.add((el.propertyName ?? el.name).text);
    }
  }
  return names;
}

describe("sync and async in db/queries", () => {
  const exported = files(QUERIES).flatMap(exportedFunctions);
  const used = importedFromOutside();

  it("finds the modules and their callers", () => {
    expect(exported.length).toBeGreaterThan(40);
    expect(used.size).toBeGreaterThan(20);
  });

  it("makes every read other layers call async", () => {
    const wrong = exported
      .filter((f) => f.takesConnection && !f.async && used.has(f.name) && !TRANSACTION_JOBS.has(f.name))
      .map((f) => `${f.file}: ${f.name}`);
    expect(wrong).toEqual([]);
  });

  it("tells a sync read from an async one (the check itself)", () => {
    const probe = path.join(mkdtempSync(path.join(tmpdir(), "async-rule-")), "probe.ts");
    writeFileSync(
      probe,
      `export function a(db: Db): number { return 1; }\nexport async function b(db: Db) { return 1; }\nexport function c(x: number) { return x; }\n`,
    );
    expect(exportedFunctions(probe).map((f) => [f.name, f.takesConnection, f.async])).toEqual([
      ["a", true, false],
      ["b", true, true],
      ["c", false, false],
    ]);
  });
});
