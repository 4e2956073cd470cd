import type { ZodType } from "zod";
import { ERROR_BODY_SCHEMAS, type Family } from "./errors";
import type { ApiHandler, RouteSpec } from "./handler";
import { named, SchemaBook, type JsonSchema } from "./openapi-schema";
import { SECURITY_SCHEMES, type OperationDoc, type ResponseDoc, type SecuritySchemeName } from "./operation-doc";

/**
 * The OpenAPI 3.1 document of the API, generated from the routes themselves: each `apiRoute`
 * spec's zod schemas (path, query, body) and its `doc`. Which routes exist is
 * `app/api/openapi.json/routes.ts`; this module only turns them into the document.
 */

export { named, type JsonSchema, type OperationDoc, type ResponseDoc };

/** One route file in the document: its path in OpenAPI form and the module exporting its methods. */
export interface RouteEntry {
  path: string;
  module: object;
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const FAMILY_TAGS: Record<Family, { name: string; description: string }> = {
  lantern: { name: "Lantern", description: "Lantern's own routes: API keys, the JSON Lines import, this document." },
  xapi: {
    name: "xAPI",
    description:
      "A Learning Record Store endpoint (xAPI 1.0.3) for the statements an LMS sends, Open edX's event-routing-backends included.",
  },
  edx: {
    name: "Open edX Learner Analytics",
    description:
      "Compatible with Open edX Insights' Learner Analytics API v0; served under `/api/v0/` and, identically, `/api/learner_analytics/v0/`.",
  },
  knewton: {
    name: "Knewton",
    description: "Knewton's status and progress API v0: scoped goals, graded events, status and progress.",
  },
  ispring: {
    name: "iSpring Learn",
    description: "iSpring Learn's learners' results, under the base URL `/api/ispring`.",
  },
  "360learning": {
    name: "360Learning",
    description: "360Learning's path session statistics v1, under the base URL `/api/360learning`.",
  },
};

/** The 503 of routes that write: another write (an import) held the database too long. */
export const BUSY: ResponseDoc = {
  description:
    "`busy`: another write (an import) held the database for 30 s; nothing was changed. Retry after `Retry-After`.",
  headers: { "Retry-After": "Seconds to wait." },
};

named("Error", ERROR_BODY_SCHEMAS.lantern);
named("ISpringError", ERROR_BODY_SCHEMAS.ispring);
named("Error360Learning", ERROR_BODY_SCHEMAS["360learning"]);

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
export interface OpenApiMediaType {
  schema: JsonSchema;
  example?: unknown;
}
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, OpenApiMediaType>;
}
export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; description?: string; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
  security?: Record<string, string[]>[];
}
export type PathItem = Partial<Record<Lowercase<HttpMethod>, OpenApiOperation>>;
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers?: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: typeof SECURITY_SCHEMES };
  security: Record<string, string[]>[];
}

const DESCRIPTION = `Lantern's learner analytics API: its own routes, an xAPI statement endpoint, and four vendors' dialects (Open edX, Knewton, iSpring, 360Learning) over one data model.

Every path answers with or without a trailing slash. Credentials: an API key, as \`Authorization: Bearer lk_<id>.<secret>\` or as HTTP Basic (key id and secret), or a signed-in browser session. Without valid credentials the answer is 401; when the caller's role does not allow the request, 403. Error bodies follow each family's vendor: \`{"error_code", "developer_message"}\` (Lantern, xAPI, Open edX, Knewton), \`{"code", "message"}\` (iSpring), \`{"error"}\` (360Learning). A 5xx never carries a stack trace.`;

const isJson = (type: string) => /[/+]json$|x-ndjson|jsonl|jsonlines/.test(type);

function operationIdOf(method: HttpMethod, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function parametersOf(
  schema: ZodType | undefined,
  where: OpenApiParameter["in"],
  book: SchemaBook,
): OpenApiParameter[] {
  if (!schema) return [];
  const json = book.resolve(book.convert(schema, "input"));
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...schema } = typeof property === "object" ? property : {};
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema,
    };
  });
}

/** The path's `{name}` parameters must be exactly the params schema's: the path in the route list matches the folder. */
function checkPathParameters(method: HttpMethod, path: string, parameters: OpenApiParameter[]): void {
  const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
  const declared = parameters
    .filter((p) => p.in === "path")
    .map((p) => p.name)
    .sort();
  if (inPath.join() !== declared.join()) {
    throw new Error(
      `${method} ${path}: the path names {${inPath.join("}, {")}} but the params schema has ${declared.join(", ") || "none"}.`,
    );
  }
}

function standardResponses(spec: RouteSpec<unknown, unknown, unknown>, doc: OperationDoc): Record<number, ResponseDoc> {
  const out: Record<number, ResponseDoc> = {};
  if (spec.params || spec.query || spec.body || spec.contentTypes || spec.precheck || doc.headers) {
    out[400] = {
      description: `Invalid request: a parameter, header or the body is malformed (\`${spec.invalidCode ?? "invalid_request"}\`, naming it).`,
    };
  }
  if (!spec.public) {
    out[401] = {
      description: "No valid credentials: sign in, or send an API key.",
      headers: { "WWW-Authenticate": "The accepted schemes: Bearer and Basic." },
    };
  }
  if (spec.authorize) out[403] = { description: "The caller's role does not allow this." };
  if (spec.body || spec.contentTypes) {
    out[408] = { description: "`request_timeout`: the body stopped arriving for 30 s." };
    out[413] = {
      description:
        "`payload_too_large`: the body is larger than the limit (`LANTERN_MAX_BODY_BYTES`, 10 MB by default).",
    };
  }
  return out;
}

function responseOf(r: ResponseDoc, status: number, family: Family, book: SchemaBook): OpenApiResponse {
  const out: OpenApiResponse = { description: r.description };
  if (r.headers)
    out.headers = Object.fromEntries(
      Object.entries(r.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }]),
    );
  const schema = r.schema ?? (status >= 400 ? ERROR_BODY_SCHEMAS[family] : undefined);
  if (schema) {
    const json = book.convert(schema, "output");
    const types = typeof r.contentType === "string" ? [r.contentType] : (r.contentType ?? ["application/json"]);
    out.content = Object.fromEntries(types.map((t) => [t, { schema: isJson(t) ? json : { type: "string" } }]));
  }
  return out;
}

function requestBodyOf(
  spec: RouteSpec<unknown, unknown, unknown>,
  doc: OperationDoc,
  book: SchemaBook,
): Pick<OpenApiOperation, "requestBody"> {
  const bodySchema = doc.requestBody?.schema ?? spec.body;
  if (!bodySchema && !spec.contentTypes) return {};
  const schema: JsonSchema = bodySchema ? book.convert(bodySchema, "input") : { type: "string" };
  const example = doc.requestBody?.example;
  const media: OpenApiMediaType = example === undefined ? { schema } : { schema, example };
  const description = doc.requestBody?.description;
  const content = Object.fromEntries((spec.contentTypes ?? ["application/json"]).map((t) => [t, media]));
  return { requestBody: description ? { required: true, description, content } : { required: true, content } };
}

function operationOf(method: HttpMethod, path: string, handler: ApiHandler, book: SchemaBook): OpenApiOperation {
  const { spec } = handler;
  const doc = spec.doc;
  if (!doc)
    throw new Error(`${method} ${path}: its apiRoute spec has no \`doc\` (see app/api/openapi.json/routes.ts).`);
  const parameters = [
    ...parametersOf(spec.params, "path", book),
    ...parametersOf(spec.query, "query", book),
    ...parametersOf(doc.headers, "header", book),
  ];
  checkPathParameters(method, path, parameters);
  const op: OpenApiOperation = {
    operationId: doc.operationId ?? operationIdOf(method, path),
    tags: [...(doc.tags ?? [FAMILY_TAGS[spec.family].name])],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...requestBodyOf(spec, doc, book),
    responses: {},
  };
  const responses = { ...standardResponses(spec, doc), ...doc.responses };
  for (const status of Object.keys(responses)
    .map(Number)
    .sort((a, b) => a - b)) {
    op.responses[String(status)] = responseOf(responses[status]!, status, spec.family, book);
  }
  if (spec.public) op.security = [];
  else if (doc.security) op.security = doc.security.map((name) => ({ [name]: [] }));
  return op;
}

function isApiHandler(value: unknown): value is ApiHandler {
  return typeof value === "function" && "spec" in value;
}

/** The document of the given routes. Throws for a route method without a `doc`, or whose path and params disagree. */
export function buildOpenApiDocument(routes: readonly RouteEntry[], info: { version: string }): OpenApiDocument {
  const book = new SchemaBook();
  const paths: Record<string, PathItem> = {};
  const ids = new Set<string>();
  for (const { path, module } of routes) {
    const item: PathItem = {};
    for (const method of HTTP_METHODS) {
      const handler = (module as Record<string, unknown>)[method];
      if (handler === undefined) continue;
      if (!isApiHandler(handler))
        throw new Error(`${method} ${path} is not made with apiRoute, so it cannot be documented.`);
      const op = operationOf(method, path, handler, book);
      if (ids.has(op.operationId)) throw new Error(`Two operations have the id ${op.operationId}.`);
      ids.add(op.operationId);
      item[method.toLowerCase() as Lowercase<HttpMethod>] = op;
    }
    paths[path] = item;
  }
  const used = new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags)));
  const known = Object.values(FAMILY_TAGS);
  const tags = [
    ...known.filter((t) => used.has(t.name)),
    ...[...used].filter((t) => !known.some((k) => k.name === t)).map((name) => ({ name, description: "" })),
  ];
  return {
    openapi: "3.1.0",
    info: { title: "Lantern API", version: info.version, description: DESCRIPTION },
    tags,
    paths,
    components: { schemas: book.components, securitySchemes: SECURITY_SCHEMES },
    security: (Object.keys(SECURITY_SCHEMES) as SecuritySchemeName[]).map((name) => ({ [name]: [] })),
  };
}
