import type { ZodObject, ZodType } from "zod";

/*
 * What a route says about itself for the OpenAPI document: the `doc` of its `apiRoute` spec
 * (lib/api/handler.ts), read by the builder (lib/api/openapi.ts). Apart from both, which import it,
 * so that the handler and the builder do not import each other.
 */

export interface ResponseDoc {
  description: string;
  /** The body's schema; an error status (≥ 400) without one gets the family's error body. */
  schema?: ZodType;
  /** Media type(s) of the body, default `application/json`; a non-JSON type is documented as text. */
  contentType?: string | readonly string[];
  /** Response headers worth knowing, name → description. */
  headers?: Record<string, string>;
}

export interface OperationDoc {
  summary: string;
  /** Markdown: what it does beyond the summary, who may call it. */
  description?: string;
  /** Default: the family's tag (`FAMILY_TAGS`). */
  tags?: readonly string[];
  /** Request headers the route reads, as a zod object (xAPI's version header). */
  headers?: ZodObject;
  /**
   * The body, when `spec.body` does not describe it: a streamed body (the import), or one parsed
   * loosely with `z.unknown()` and validated further in (give that schema here).
   */
  requestBody?: { description?: string; schema?: ZodType; example?: unknown };
  /** By status. 400, 401, 403 and 413 are added from the spec (schemas, auth, `authorize`, body) unless given here. */
  responses: Record<number, ResponseDoc>;
  /** Credentials, when not the default (an API key as Bearer or Basic, or the session). */
  security?: readonly SecuritySchemeName[];
  /** Default: method and path in camel case (`getApiV0ApiKeys`). */
  operationId?: string;
}

export const SECURITY_SCHEMES = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "lk_<id>.<secret>",
    description:
      "An API key (Settings → API keys, or `npx lantern key create`) as `Authorization: Bearer lk_<id>.<secret>`. It acts with its user's rights.",
  },
  basicAuth: {
    type: "http",
    scheme: "basic",
    description:
      "An API key as HTTP Basic: the key id `lk_<id>` as user name, the secret as password (what xAPI senders use).",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "A signed-in browser session, as the dashboard uses (`__Secure-next-auth.session-token` over HTTPS).",
  },
} as const;
export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES;
