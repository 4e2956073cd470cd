import { errorResponse, type ApiError } from "../errors";
import { element, fieldElements, xmlDocument } from "./xml";

/**
 * iSpring answers XML unless the client asks for JSON (`Accept: application/json`), errors
 * included, so a client parses every answer the same way.
 */

/** The highest quality the Accept header gives any of `types`; 0 when it names none of them. */
function quality(accept: string, types: readonly string[]): number {
  let best = 0;
  for (const part of accept.split(",")) {
    const [type, ...params] = part
      .trim()
      .toLowerCase()
      .split(";")
      .map((s) => s.trim());
    if (!types.includes(type ?? "")) continue;
    const q = params.find((p) => p.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(value)) best = Math.max(best, value);
  }
  return best;
}

/** JSON when the client prefers `application/json` to XML; XML otherwise (also for `*\/*` or no Accept). */
function wantsJson(req: Request): boolean {
  const accept = req.headers.get("accept") ?? "";
  return quality(accept, ["application/json"]) > quality(accept, ["application/xml", "text/xml"]);
}

// Caches must keep the XML and JSON answers of one URL apart.
const VARY = { Vary: "Accept" };

function xmlResponse(body: string, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(body, {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/xml; charset=utf-8", ...VARY, ...init.headers },
  });
}

/** `{code, message}` as JSON, or `<response><code/><message/></response>`, as the request asks. */
export function ispringErrorResponse(req: Request, err: ApiError): Response {
  if (wantsJson(req)) return errorResponse("ispring", err, VARY);
  const body = xmlDocument(element("response", fieldElements({ code: err.code, message: err.message })));
  return xmlResponse(body, { status: err.status, headers: err.headers });
}

export type ResultRecord = Readonly<Record<string, string | number | undefined>>;

/** A page of results in the seed's layout, `nextPageToken` only when more rows follow. */
export function resultsResponse(
  req: Request,
  results: readonly ResultRecord[],
  nextPageToken: string | null,
): Response {
  if (wantsJson(req)) return Response.json({ results, ...(nextPageToken ? { nextPageToken } : {}) }, { headers: VARY });
  const children = [
    element(
      "results",
      results.map((r) => element("result", fieldElements(r))),
    ),
  ];
  if (nextPageToken) children.push(element("nextPageToken", nextPageToken));
  return xmlResponse(xmlDocument(element("response", children)));
}
