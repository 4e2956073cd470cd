import type { ZodType } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { cameWithSession, resolveCaller } from "./caller";
import { publicOrigin } from "./origin";
import { ApiError, errorResponse, toApiError, type Family } from "./errors";
import { mediaType, readBody } from "./body";
import { fieldProblems, ingestErrorMap } from "@/lib/ingest/zod-issues";
import type { OperationDoc } from "./operation-doc";

export interface RouteContext<P, Q, B> {
  req: Request;
  db: Db;
  /** Null only on public routes. */
  caller: Caller;
  params: P;
  query: Q;
  body: B;
}

export interface RouteSpec<P, Q, B> {
  family: Family;
  /** No credentials needed (`/xapi/about`, and token endpoints, which check credentials in the body). */
  public?: boolean;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  /**
   * What `query` parses, from the URL (default: the first value of each parameter): for a family
   * whose clients send lists as `ids[]=a&ids[]=b`, repeated or comma-separated (iSpring).
   */
  queryInput?: (url: URL) => Record<string, unknown>;
  /** A JSON body parsed with this schema. */
  body?: ZodType<B>;
  /** Largest accepted body in bytes (default `LANTERN_MAX_BODY_BYTES`, else 10 MB); beyond it, 413. */
  maxBodyBytes?: number;
  /** The code of a 400 for bad parameters (edX: `illegal_parameter_values`). */
  invalidCode?: string;
  /** Headers on every response, errors included (xAPI's version header); a function is called per response. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /**
   * Resolves the caller instead of the default (an API key, else the session): a vendor family's
   * own credential forms. Throws a 401 ApiError for bad or missing credentials.
   */
  caller?: (db: Db, req: Request) => Promise<Caller>;
  /** Checks before credentials (e.g. xAPI's version header). */
  precheck?: (req: Request) => void;
  /**
   * Whether the caller may use the route at all (throws, e.g. 403), checked before anything of
   * the request is read or looked up, so a refusal reveals nothing about what exists.
   */
  authorize?: (caller: Caller) => void;
  /**
   * A POST that only reads (Knewton's status and progress takes its query as a body): not a write,
   * so a session cookie needs no Origin check (its JSON body still needs a CORS preflight cross-site).
   */
  readsOnly?: boolean;
  /** The body's accepted media types; any other (or none) is a 400 naming it, before the body is read. */
  contentTypes?: readonly string[];
  /**
   * The operation in the OpenAPI document (`/api/openapi.json`, `/api-docs`): summary, responses and
   * what the schemas above do not say. Parameters and body come from the schemas themselves; the
   * route is listed in `app/api/openapi.json/routes.ts`.
   */
  doc?: OperationDoc;
  /** The error response, when it depends on the request (iSpring answers XML or JSON as asked); default: the family's JSON body. */
  errorResponse?: (req: Request, err: ApiError) => Response;
}

/** A route handler made by `apiRoute`, carrying its spec so the OpenAPI document can describe it. */
export type ApiHandler = ((req: Request, ctx: NextContext) => Promise<Response>) & {
  readonly spec: RouteSpec<unknown, unknown, unknown>;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** First value of each query parameter, as a plain object for zod. */
function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** Parses `value` with `schema`, or throws the 400 `code` naming each field that is wrong (`what` for the value itself). */
export function parse<T>(schema: ZodType<T> | undefined, value: unknown, what: string, code: string): T {
  if (!schema) return value as T;
  const r = schema.safeParse(value, { error: ingestErrorMap });
  if (!r.success) {
    const problems = fieldProblems(r.error).map((p) => `${p.field === "(record)" ? what : p.field}: ${p.message}`);
    throw new ApiError(400, code, `Invalid ${what}: ${problems.join("; ")}`);
  }
  return r.data;
}

function checkContentType(req: Request, accepted: readonly string[], code: string): void {
  const type = mediaType(req);
  if (accepted.includes(type)) return;
  const got = type === "" ? "no Content-Type" : `Content-Type ${type}`;
  throw new ApiError(400, code, `The body must be sent as ${accepted.join(" or ")}; got ${got}.`);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write authorised by the session cookie must come from Lantern's own pages: its Origin is this
 * Lantern's (a page of another site — or of a sibling subdomain, which SameSite=Lax lets through —
 * cannot forge it), and its body is of the route's own media type (JSON unless the route says
 * otherwise), which a cross-site form cannot send and a cross-site script cannot send without a
 * preflight that Lantern never answers with a grant. API keys are not sent by browsers on their
 * own, so requests carrying one are not checked.
 */
function checkCookieWrite(req: Request, accepted: readonly string[] | undefined, code: string): void {
  const origin = req.headers.get("origin");
  const expected = publicOrigin(req);
  if (origin !== expected) {
    throw new ApiError(
      403,
      "cross_origin_write",
      origin
        ? `A write with a session cookie must come from ${expected}; this one came from ${origin}. Integrations send an API key instead.`
        : "A write with a session cookie must carry an Origin header (browsers send one); integrations send an API key instead.",
    );
  }
  const hasBody = req.headers.has("transfer-encoding") || Number(req.headers.get("content-length") ?? 0) > 0;
  if (hasBody || accepted) checkContentType(req, accepted ?? ["application/json"], code);
}

/**
 * The one wrapper of every route handler: resolves the caller (session or API key), parses params,
 * query and body with zod, and turns every failure into the family's error body — never a stack
 * trace. Handlers stay thin: parse, call, respond.
 */
export function apiRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<Response>,
): ApiHandler {
  const code = spec.invalidCode ?? "invalid_request";
  const handle = async (req: Request, ctx: NextContext): Promise<Response> => {
    let response: Response;
    try {
      spec.precheck?.(req);
      const db = getDb();
      const caller = spec.public ? (null as unknown as Caller) : await (spec.caller ?? resolveCaller)(db, req);
      if (!spec.public) spec.authorize?.(caller);
      if (!SAFE_METHODS.has(req.method) && !spec.readsOnly && cameWithSession(req))
        checkCookieWrite(req, spec.contentTypes, code);
      const params = parse(spec.params, await ctx.params, "path", code);
      const query = parse(spec.query, (spec.queryInput ?? queryObject)(new URL(req.url)), "query", code);
      if (spec.contentTypes) checkContentType(req, spec.contentTypes, code);
      const body = spec.body
        ? parse(spec.body, await readBody(req, spec.maxBodyBytes), "body", code)
        : (undefined as B);
      response = await handler({ req, db, caller, params, query, body });
    } catch (err) {
      const apiError = toApiError(err);
      response = spec.errorResponse ? spec.errorResponse(req, apiError) : errorResponse(spec.family, apiError);
    }
    const headers = typeof spec.headers === "function" ? spec.headers() : spec.headers;
    for (const [k, v] of Object.entries(headers ?? {})) response.headers.set(k, v);
    // Learner data must not linger in a shared or browser cache after the session ends (a route
    // with nothing private in it, the OpenAPI document, says otherwise itself).
    if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
    return response;
  };
  return Object.assign(handle, { spec: spec as RouteSpec<unknown, unknown, unknown> });
}
