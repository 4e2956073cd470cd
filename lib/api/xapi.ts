import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import type { EnvRecord } from "@/lib/env";
import { uuid } from "@/lib/ingest/xapi/schema";
import { ApiError } from "./errors";
import { publicOrigin } from "./origin";

/**
 * What the `/xapi` routes share (xAPI 1.0.3, Communication §2.1 and §3.3): the version header
 * checked on requests and set on responses, the statement query parameters, and the authority
 * recorded for a caller.
 */

export const XAPI_VERSION = "1.0.3";
// "1.0" is to be read as 1.0.0; any 1.0.x is accepted; 0.9x and 1.1+ are refused.
const ACCEPTED_VERSION = /^1\.0(\.\d+)?$/;

/** `precheck` of every xAPI route but `/about`: 400 without `X-Experience-API-Version: 1.0.x`. */
export function requireXapiVersion(req: Request): void {
  const version = req.headers.get("x-experience-api-version")?.trim();
  if (!version) {
    throw new ApiError(
      400,
      "missing_version",
      `The X-Experience-API-Version header is required (1.0.x; Lantern speaks ${XAPI_VERSION}).`,
    );
  }
  if (!ACCEPTED_VERSION.test(version)) {
    throw new ApiError(
      400,
      "unsupported_version",
      `X-Experience-API-Version ${version} is not supported: send 1.0.x (Lantern speaks ${XAPI_VERSION}).`,
    );
  }
}

/** The version header of every xAPI request but `/about`, for the OpenAPI document (`requireXapiVersion` checks it). */
export const xapiVersionHeader = z.object({
  "X-Experience-API-Version": z
    .string()
    .regex(ACCEPTED_VERSION)
    .meta({
      description: `The xAPI version of the request: 1.0.x (Lantern speaks ${XAPI_VERSION}).`,
      examples: [XAPI_VERSION],
    }),
});

export const xapiHeaders = (): Record<string, string> => ({ "X-Experience-API-Version": XAPI_VERSION });

/**
 * Headers of every statement response, errors included. Writes are committed before the answer
 * and reads see every commit, so everything stored up to now is retrievable: "now" is consistent.
 */
export const statementHeaders = (): Record<string, string> => ({
  ...xapiHeaders(),
  "X-Experience-API-Consistent-Through": new Date().toISOString(),
});

/**
 * The `authority` stored with what a caller writes: the key's (or session's) user as an Agent
 * whose account lives on this Lantern — `NEXTAUTH_URL` when set (the canonical address), else the
 * address the request came to.
 */
export function authorityOf(caller: Caller, req: Request, source: EnvRecord = process.env): Record<string, unknown> {
  const homePage = publicOrigin(req, source);
  return { objectType: "Agent", name: caller.name, account: { homePage, name: caller.username } };
}

export interface StatementLookup {
  id: string;
  /** True for `voidedStatementId`: only a voided statement is found. */
  voided: boolean;
}

/**
 * The query of `GET /xapi/statements` as parsed: every parameter is taken, so that `statementLookup`
 * can name what is wrong with it; the named ones are those it accepts.
 */
export const statementQuery = z
  .object({
    statementId: z.string().optional().describe("The id (a UUID) of the statement to fetch; it must not be voided."),
    voidedStatementId: z.string().optional().describe("The id of a voided statement to fetch, instead of statementId."),
    format: z.string().optional().describe("`exact` only: statements are served as they were received."),
    attachments: z.string().optional().describe("`false` only: Lantern keeps no attachment data."),
  })
  .catchall(z.string());

/**
 * The query of `GET /xapi/statements`: exactly one of `statementId` and `voidedStatementId`, plus
 * optionally `format=exact` and `attachments=false` (what Lantern serves); anything else is a 400,
 * as xAPI asks of an LRS for parameters it does not recognise.
 */
export function statementLookup(query: Record<string, string | undefined>): StatementLookup {
  const { statementId, voidedStatementId, format, attachments, ...rest } = query;
  if (statementId === undefined && voidedStatementId === undefined) {
    throw new ApiError(
      400,
      "invalid_request",
      "Lantern does not implement statement queries (agent, verb, activity, since, …): fetch one statement with ?statementId= or ?voidedStatementId=.",
    );
  }
  if (statementId !== undefined && voidedStatementId !== undefined) {
    throw new ApiError(400, "invalid_request", "Send statementId or voidedStatementId, not both.");
  }
  const others = Object.keys(rest);
  if (others.length > 0) {
    throw new ApiError(
      400,
      "invalid_request",
      `With statementId or voidedStatementId only format and attachments may be sent; got ${others.join(", ")}.`,
    );
  }
  if (format !== undefined && format !== "exact") {
    throw new ApiError(
      400,
      "invalid_request",
      `format: Lantern serves statements as received (format=exact) only; got ${format}.`,
    );
  }
  if (attachments !== undefined && attachments !== "false") {
    throw new ApiError(
      400,
      "invalid_request",
      `attachments: Lantern keeps no attachment data (attachments=false only); got ${attachments}.`,
    );
  }
  const [name, id] =
    statementId !== undefined ? ["statementId", statementId] : ["voidedStatementId", voidedStatementId!];
  if (!uuid.safeParse(id).success) throw new ApiError(400, "invalid_request", `${name}: must be a UUID.`);
  return { id, voided: name === "voidedStatementId" };
}
