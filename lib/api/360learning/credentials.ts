import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { callerForKey } from "@/db/queries/api-keys";
import { splitKey } from "@/lib/auth/api-keys";
import { env, type EnvRecord } from "@/lib/env";
import { resolveCaller } from "../caller";
import { unauthorized } from "../errors";

/**
 * 360Learning's credential forms (docs/360learning-api.md): the query parameters `company` and
 * `apiKey`, or the headers `X-company-id` and `X-apiKey`; else what every route takes (Bearer or
 * Basic API key, or the session). The company is the deployment's `LANTERN_COMPANY_ID`; the key
 * a Lantern API key.
 */

export function companyId(source: EnvRecord = process.env): string {
  return env(source).LANTERN_COMPANY_ID;
}

export async function resolve360Caller(db: Db, req: Request): Promise<Caller> {
  const query = new URL(req.url).searchParams;
  const company = query.get("company") ?? req.headers.get("x-company-id");
  const apiKey = query.get("apiKey") ?? req.headers.get("x-apiKey");
  if (company !== null && company !== companyId()) {
    throw unauthorized(
      "Unknown company: send this deployment's company id (LANTERN_COMPANY_ID) as company or X-company-id.",
    );
  }
  if (apiKey === null) return resolveCaller(db, req);
  if (company === null) throw unauthorized("An API key needs the company id: send company or X-company-id.");
  const key = splitKey(apiKey);
  const caller = key ? await callerForKey(db, key.id, key.secret) : null;
  if (!caller) throw unauthorized("Unknown or revoked API key.");
  return caller;
}
