import type { ZodType } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Caller } from "@/db/queries/access";
import { resolveCaller } from "./caller";
import { ApiError, errorResponse, toApiError, type Family } from "./errors";
import { mediaType, readBody } from "./body";
import { fieldProblems, ingestErrorMap } from "@/lib/ingest/zod-issues";
import type { OperationDoc } from "./openapi";

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
  /** No credentials needed (only `/xapi/about`). */
  public?: boolean;
  params?: ZodType<P>;
  query?: ZodType<Q>;
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
  /** The body's accepted media types; any other (or none) is a 400 naming it, before the body is read. */
  contentTypes?: readonly string[];
  /**
   * The operation in the OpenAPI document (`/api/openapi.json`, `/api-docs`): summary, responses and
   * what the schemas above do not say. Parameters and body come from the schemas themselves; the
   * route is listed in `lib/api/routes.ts`.
   */
  doc?: OperationDoc;
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
      const params = parse(spec.params, await ctx.params, "path", code);
      const query = parse(spec.query, queryObject(new URL(req.url)), "query", code);
      if (spec.contentTypes) checkContentType(req, spec.contentTypes, code);
      const body = spec.body ? parse(spec.body, await readBody(req, spec.maxBodyBytes), "body", code) : (undefined as B);
      response = await handler({ req, db, caller, params, query, body });
    } catch (err) {
      response = errorResponse(spec.family, toApiError(err));
    }
    const headers = typeof spec.headers === "function" ? spec.headers() : spec.headers;
    for (const [k, v] of Object.entries(headers ?? {})) response.headers.set(k, v);
    return response;
  };
  return Object.assign(handle, { spec: spec as RouteSpec<unknown, unknown, unknown> });
}
