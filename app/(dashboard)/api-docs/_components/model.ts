import type { JsonSchema, OpenApiDocument, OpenApiOperation } from "@/lib/api/openapi";

/** The OpenAPI document arranged for the page: operations grouped by tag, and what "Try it" needs of each. */

export interface DocOperation {
  method: string;
  path: string;
  op: OpenApiOperation;
}

export interface TagGroup {
  name: string;
  description: string;
  slug: string;
  operations: DocOperation[];
}

export const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function groupsOf(doc: OpenApiDocument): TagGroup[] {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op: op! })),
  );
  return doc.tags
    .map((tag) => ({
      ...tag,
      slug: `tag-${slugOf(tag.name)}`,
      operations: operations.filter((o) => o.op.tags[0] === tag.name),
    }))
    .filter((g) => g.operations.length > 0);
}

export interface TryItParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  /** Pre-filled value: the schema's first example or its default. */
  value: string;
}

export interface TryItOperation {
  id: string;
  method: string;
  path: string;
  parameters: TryItParameter[];
  /** Media types the body may be sent as, and a starting body. */
  body: { contentTypes: string[]; example: string } | null;
  /** A public route: no credentials are sent. */
  public: boolean;
}

function firstValue(schema: JsonSchema): string {
  const value = schema.examples?.[0] ?? schema.default;
  return value === undefined ? "" : String(value);
}

export function tryItOf({ method, path, op }: DocOperation): TryItOperation {
  const content = op.requestBody?.content;
  const types = Object.keys(content ?? {});
  const example = types.length ? content![types[0]!]!.example : undefined;
  return {
    id: op.operationId,
    method: method.toUpperCase(),
    path,
    parameters: (op.parameters ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      value: firstValue(p.schema),
    })),
    body: types.length
      ? { contentTypes: types, example: typeof example === "string" ? example : JSON.stringify(example ?? {}, null, 2) }
      : null,
    public: op.security?.length === 0,
  };
}
