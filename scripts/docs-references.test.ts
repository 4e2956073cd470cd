import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The repository is self-contained: code and docs point at the product's own docs/, and every
// `docs/<page>.md § <section>` they cite exists.
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx|mjs|js|md|css)$/.test(f) && existsSync(f));
const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));

/** A page's sections: its headings, and its bold-led bullets (`- **Every role has a home**`). */
function headings(page: string): string[] {
  return [...(text.get(page) ?? "").matchAll(/^(?:#{1,4} (.+)|- \*\*(.+?)\*\*)/gm)].map((m) =>
    (m[1] ?? m[2])!.replace(/`/g, ""),
  );
}

describe("docs references", () => {
  it("never point outside the repository or at the old spec's pages", () => {
    const bad: string[] = [];
    for (const [file, body] of text) {
      if (file === "scripts/docs-references.test.ts") continue;
      body.split("\n").forEach((line, i) => {
        const here = `${file}:${i + 1}: ${line.trim()}`;
        if (/shared\/spec/.test(line)) bad.push(here);
        if (/(?<![\w/-])(domain|ui|ingest|quality)\.md\b/.test(line)) bad.push(here);
        if (!file.startsWith("docs/") && /(?<![\w/-])api\.md\b/.test(line)) bad.push(here);
      });
    }
    expect(bad).toEqual([]);
  });

  it("name pages and sections that exist", () => {
    const bad: string[] = [];
    for (const [file, body] of text) {
      for (const m of body.matchAll(/docs\/([\w-]+\.md)(?:`)?(?: § ([^,;:()`\n*\]]+))?/g)) {
        const page = `docs/${m[1]}`;
        if (!existsSync(page)) {
          bad.push(`${file}: ${m[0]} (no such page)`);
          continue;
        }
        const section = m[2]?.trim().replace(/\.$/, "");
        if (section && !headings(page).some((h) => h.startsWith(section) || section.startsWith(h)))
          bad.push(`${file}: ${m[0]} (no such section)`);
      }
    }
    expect(bad).toEqual([]);
  });
});
