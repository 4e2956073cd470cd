import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS } from "@/lib/api/openapi";
import { apiDocument, ROUTES, UNDOCUMENTED_ROUTE_FILES } from "./routes";

/**
 * The document cannot silently miss a route: every route file under app/ is listed in
 * app/api/openapi.json/routes.ts (or set aside with a reason), under the path its folders give, and every
 * method it exports is in the document.
 */

const root = path.resolve(import.meta.dirname, "../../..");

function routeFiles(dir = "app"): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return routeFiles(rel);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? [rel] : [];
  });
}

/** `app/api/v0/api-keys/[key_id]/route.ts` → `/api/v0/api-keys/{key_id}`: route groups dropped, segments as parameters. */
function openApiPath(file: string): string {
  const segments = path
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segments.map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
}

const files = routeFiles();
const documented = files.filter((f) => !(f in UNDOCUMENTED_ROUTE_FILES));

describe("the route list (app/api/openapi.json/routes.ts)", () => {
  it("finds the route files", () => {
    expect(files).toContain("app/api/v0/api-keys/[key_id]/route.ts");
    expect(openApiPath("app/api/v0/api-keys/[key_id]/route.ts")).toBe("/api/v0/api-keys/{key_id}");
    expect(openApiPath("app/(group)/api/[...slug]/route.ts")).toBe("/api/{slug}");
  });

  it.each(documented)("lists %s with every method it exports, each in the document", async (file) => {
    const expected = openApiPath(file);
    const entry = ROUTES.find((r) => r.path === expected);
    expect(
      entry,
      `${file} is not in app/api/openapi.json/routes.ts: add { path: "${expected}", module }`,
    ).toBeDefined();
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((m) => mod[m] !== undefined);
    expect(methods.length, `${file} exports no method`).toBeGreaterThan(0);
    const item = apiDocument().paths[expected]!;
    for (const method of methods) {
      expect(
        (entry!.module as Record<string, unknown>)[method],
        `${expected}'s entry imports another module than ${file}`,
      ).toBe(mod[method]);
      expect(item[method.toLowerCase() as "get"], `${method} ${expected} is not in the document`).toBeDefined();
    }
    expect(Object.keys(item).sort()).toEqual(methods.map((m) => m.toLowerCase()).sort());
  });

  it("has no entry without a route file, and sets aside only files that exist", () => {
    const paths = new Set(documented.map(openApiPath));
    for (const { path: p } of ROUTES)
      expect(paths, `${p} is in app/api/openapi.json/routes.ts but no route file has that path`).toContain(p);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
    for (const file of Object.keys(UNDOCUMENTED_ROUTE_FILES))
      expect(existsSync(path.join(root, file)), file).toBe(true);
  });
});
