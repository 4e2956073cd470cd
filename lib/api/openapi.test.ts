import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, ERROR_BODY_SCHEMAS, errorBody, type Family } from "./errors";
import { apiRoute } from "./handler";
import {
  buildOpenApiDocument,
  HTTP_METHODS,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
} from "./openapi";
import { apiDocument } from "@/app/api/openapi.json/routes";

const doc = apiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method, op: op! })),
);
const op = (method: string, path: string): OpenApiOperation => {
  const found = doc.paths[path]?.[method as "get"];
  if (!found) throw new Error(`no ${method} ${path} in the document`);
  return found;
};
const component = (ref: JsonSchema) => doc.components.schemas[ref.$ref!.replace("#/components/schemas/", "")]!;

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refsIn(v)));
}

describe("the OpenAPI document", () => {
  it("has the shape of OpenAPI 3.1", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: "Lantern API", version: expect.any(String) });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["basicAuth", "bearerAuth", "sessionCookie"]);
    expect(doc.security).toEqual([{ bearerAuth: [] }, { basicAuth: [] }, { sessionCookie: [] }]);
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\/[\w\-./{}]*$/);
    const tagNames = doc.tags.map((t) => t.name);
    for (const { method, path, op } of operations) {
      expect(
        HTTP_METHODS.map((m) => m.toLowerCase()),
        `${method} ${path}`,
      ).toContain(method);
      expect(op.summary.length, `${method} ${path} summary`).toBeGreaterThan(3);
      for (const tag of op.tags) expect(tagNames).toContain(tag);
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      for (const [status, r] of Object.entries(op.responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(r.description.length).toBeGreaterThan(0);
      }
    }
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length);
  });

  it("points every $ref at a schema of its own components, none at a $defs", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain("$defs");
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it("takes path, query and header parameters from the routes' zod schemas", () => {
    const revoke = op("delete", "/api/v0/api-keys/{key_id}");
    expect(revoke.parameters).toEqual([
      expect.objectContaining({ name: "key_id", in: "path", required: true, schema: { type: "string" } }),
    ]);

    const fetchStatement = op("get", "/xapi/statements");
    const byName = Object.fromEntries(fetchStatement.parameters!.map((p) => [p.name, p]));
    expect(byName.statementId).toMatchObject({ in: "query", required: false, schema: { type: "string" } });
    expect(byName.voidedStatementId).toMatchObject({ in: "query", required: false });
    expect(byName["X-Experience-API-Version"]).toMatchObject({
      in: "header",
      required: true,
      schema: { type: "string", pattern: "^1\\.0(\\.\\d+)?$" },
    });

    // PUT's statementId is required: its query schema says so.
    expect(op("put", "/xapi/statements").parameters).toContainEqual(
      expect.objectContaining({ name: "statementId", in: "query", required: true }),
    );
  });

  it("takes request bodies from the routes' zod schemas, as they are sent (before transforms)", () => {
    const create = op("post", "/api/v0/api-keys").requestBody!;
    expect(create.required).toBe(true);
    expect(create.content["application/json"]!.schema).toEqual({
      type: "object",
      properties: { name: { type: "string", minLength: 1, maxLength: 100, description: expect.any(String) } },
      required: ["name"],
      additionalProperties: false,
    });

    const graded = op("post", "/api/v0/registrations/{reg_id}/graded-events").requestBody!.content["application/json"]!
      .schema;
    expect(graded.anyOf![0]).toEqual({ $ref: "#/components/schemas/GradedEvent" });
    const event = doc.components.schemas.GradedEvent!;
    expect(event.properties!.is_correct).toEqual({ type: "boolean" });
    expect(event.required).toEqual(expect.arrayContaining(["module_id", "interaction_end_time", "is_correct"]));

    const imported = op("post", "/api/v0/import").requestBody!;
    expect(Object.keys(imported.content)).toEqual([
      "application/x-ndjson",
      "application/jsonl",
      "application/x-jsonlines",
    ]);
    expect(imported.content["application/x-ndjson"]!.example).toMatch(/^\{"type":"course"/);
  });

  it("documents responses: success bodies, and each family's error body", () => {
    const list = op("get", "/api/v0/api-keys").responses["200"]!.content!["application/json"]!.schema;
    const items = (list.properties!.results as JsonSchema).items as JsonSchema;
    expect(component(items).properties!.lastUsedAt).toEqual({
      description: expect.any(String),
      type: ["string", "null"],
    });
    expect(op("post", "/api/v0/api-keys").responses["201"]!.content!["application/json"]!.schema.required).toContain(
      "key",
    );
    expect(op("delete", "/api/v0/api-keys/{key_id}").responses["204"]!.content).toBeUndefined();
    const notFound = op("delete", "/api/v0/api-keys/{key_id}").responses["404"]!;
    expect(notFound.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(doc.components.schemas.Error!.required).toEqual(["error_code", "developer_message"]);
  });

  it("adds 400, 401, 403, 408 and 413 from what a route's spec checks", () => {
    expect(Object.keys(op("get", "/api/v0/api-keys").responses)).toEqual(["200", "401"]);
    expect(Object.keys(op("post", "/xapi/statements").responses)).toEqual([
      "200",
      "400",
      "401",
      "403",
      "408",
      "409",
      "413",
      "503",
    ]);
    expect(op("post", "/api/v0/import").responses["413"]!.description).toContain("LANTERN_MAX_IMPORT_BYTES");
  });

  it("marks public routes as needing no credentials", () => {
    expect(op("get", "/xapi/about").security).toEqual([]);
    expect(op("get", "/api/openapi.json").security).toEqual([]);
    expect(op("get", "/api/v0/api-keys").security).toBeUndefined();
    expect(op("get", "/xapi/about").responses["401"]).toBeUndefined();
  });
});

describe("buildOpenApiDocument", () => {
  const build = (module: object, path = "/api/test/{id}") => buildOpenApiDocument([{ path, module }], { version: "0" });
  const handler = async () => new Response(null);

  it("gives each family's errors its own body", () => {
    const families: Record<Family, string> = {
      lantern: "Error",
      edx: "Error",
      knewton: "Error",
      xapi: "Error",
      ispring: "ISpringError",
      "360learning": "Error360Learning",
    };
    for (const [family, name] of Object.entries(families) as [Family, string][]) {
      const GET = apiRoute(
        {
          family,
          params: z.object({ id: z.string() }),
          doc: { summary: "Test", responses: { 200: { description: "ok" } } },
        },
        handler,
      );
      const d: OpenApiDocument = build({ GET });
      expect(d.paths["/api/test/{id}"]!.get!.responses["401"]!.content!["application/json"]!.schema).toEqual({
        $ref: `#/components/schemas/${name}`,
      });
      expect(d.components.schemas[name]).toBeDefined();
    }
  });

  it("refuses a method without a doc, and a path that disagrees with the params schema", () => {
    const bare = apiRoute({ family: "lantern", params: z.object({ id: z.string() }) }, handler);
    expect(() => build({ GET: bare })).toThrow(/no `doc`/);
    const documented = apiRoute(
      { family: "lantern", params: z.object({ key: z.string() }), doc: { summary: "Test", responses: {} } },
      handler,
    );
    expect(() => build({ GET: documented })).toThrow(/the path names \{id\} but the params schema has key/);
    expect(() => build({ GET: handler })).toThrow(/not made with apiRoute/);
  });
});

describe("error bodies", () => {
  it("are what ERROR_BODY_SCHEMAS documents, for every family", () => {
    const err = new ApiError(404, "not_found", "No such thing.");
    for (const family of Object.keys(ERROR_BODY_SCHEMAS) as Family[]) {
      expect(ERROR_BODY_SCHEMAS[family].strict().safeParse(errorBody(family, err)).success, family).toBe(true);
    }
  });
});
