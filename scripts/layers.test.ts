import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { cruise, type IViolation } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The rules of .dependency-cruiser.cjs (docs/architecture.md § Layers) on small trees of files laid
 * out like ours: each case writes its files in a fresh folder and cruises it with the real rules,
 * so a rule that stopped matching (a renamed folder, a bad pattern) fails here.
 */

const { forbidden } = createRequire(import.meta.url)("../.dependency-cruiser.cjs");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "lantern-layers-"));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const tops = [...new Set(Object.keys(files).map((f) => f.split("/")[0]!))];
  const result = await cruise(
    tops,
    { baseDir: dir, validate: true, ruleSet: { forbidden }, tsPreCompilationDeps: true },
    { extensions: [".ts", ".tsx"] },
  );
  if (typeof result.output === "string") throw new Error("dependency-cruiser gave no JSON");
  return result.output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const leaf = "export const x = 1;\n";

describe("the layer rules", () => {
  it("let a file import the layers below it and its own", async () => {
    expect(
      await violations({
        "db/queries/goals.ts":
          'import { x } from "../../lib/analytics/bands";\nimport { y } from "./other";\nexport const z = x + y;\n',
        "db/queries/other.ts": "export const y = 1;\n",
        "lib/analytics/bands.ts": leaf,
      }),
    ).toEqual([]);
  });

  it("fail an upward import", async () => {
    expect(
      await violations({
        "db/queries/goals.ts": 'import { x } from "../../lib/dashboard/labels";\nexport const z = x;\n',
        "lib/dashboard/labels.ts": leaf,
      }),
    ).toEqual(["layer-queries-imports-upward: db/queries/goals.ts → lib/dashboard/labels.ts"]);
  });

  it("fail an upward import of a type only", async () => {
    expect(
      await violations({
        "lib/analytics/bands.ts":
          'import type { Caller } from "../../db/queries/access";\nexport const f = (c: Caller) => c;\n',
        "db/queries/access.ts": "export interface Caller { id: string }\n",
      }),
    ).toEqual(["layer-domain-imports-upward: lib/analytics/bands.ts → db/queries/access.ts"]);
  });

  it("fail lib importing app, and components importing app", async () => {
    expect(
      await violations({
        "lib/api/routes.ts": 'import * as r from "../../app/api/health/route";\nexport const routes = [r];\n',
        "components/top-bar.tsx": 'import { GET } from "../app/api/health/route";\nexport const g = GET;\n',
        "app/api/health/route.ts": "export const GET = () => new Response();\n",
      }),
    ).toEqual([
      "layer-components-imports-upward: components/top-bar.tsx → app/api/health/route.ts",
      "layer-features-imports-upward: lib/api/routes.ts → app/api/health/route.ts",
    ]);
  });

  it("fail a cycle inside one layer", async () => {
    const found = await violations({
      "db/queries/derived.ts": 'import { b } from "./learners/course-read";\nexport const a = () => b;\n',
      "db/queries/learners/course-read.ts": 'import { a } from "../derived";\nexport const b = () => a;\n',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((v) => v.startsWith("no-circular:"))).toBe(true);
  });

  it("fail application code importing test helpers, but let tests import any layer", async () => {
    expect(
      await violations({
        "lib/api/handler.ts": 'import { seed } from "../testing/factories";\nexport const h = seed;\n',
        "lib/testing/factories.ts": "export const seed = 1;\n",
        "db/queries/goals.test.ts": 'import { x } from "../../lib/dashboard/labels";\nexport const t = x;\n',
        "lib/dashboard/labels.ts": leaf,
      }),
    ).toEqual(["not-to-tools: lib/api/handler.ts → lib/testing/factories.ts"]);
  });

  it("fail a folder that has no layer", async () => {
    expect(
      await violations({
        "lib/reports/weekly.ts": 'import { x } from "../time";\nexport const w = x;\n',
        "lib/time.ts": leaf,
      }),
    ).toEqual(["unplaced: lib/reports/weekly.ts → lib/time.ts"]);
  });
});
