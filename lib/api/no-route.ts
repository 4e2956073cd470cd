import { ApiError, errorResponse } from "./errors";
import { familyOfPath } from "./family-of-path";

/**
 * Every method of a path under /api/ or /xapi/ that no route serves: a 404 in the family's error
 * format (never the HTML page, never cached, no conditional 304), naming the path and where the
 * routes are listed.
 */
export function noRoute(req: Request): Response {
  const path = new URL(req.url).pathname;
  const family = familyOfPath(path) ?? "lantern";
  const err = new ApiError(
    404,
    "not_found",
    `No ${family === "xapi" ? "xAPI resource" : "API route"} at ${path}. Every route is listed at /api/openapi.json.`,
  );
  const res = errorResponse(family, err, { "Cache-Control": "no-store" });
  if (family === "xapi") res.headers.set("X-Experience-API-Version", "1.0.3");
  return req.method === "HEAD" ? new Response(null, { status: res.status, headers: res.headers }) : res;
}
