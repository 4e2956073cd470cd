import type { IncomingMessage } from "node:http";
import { errorBody, ApiError } from "@/lib/api/errors";
import { familyOfPath } from "@/lib/api/family-of-path";

/**
 * What every request passes before Next.js sees it (`lib/server/serve.ts`): Next answers some
 * malformed requests with a 500 of its own (an unknown method, the request target `*`, a path
 * segment that is not UTF-8 once decoded), and it passes `X-Forwarded-*` headers through from
 * whoever sends them. Both are settled here, in one place (docs/security.md).
 */

/** The methods any route of Lantern answers; anything else (TRACE, CONNECT, WebDAV's) is a 405 here. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"] as const;

export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The family's error body for an API path, plain text for a page. */
export function refusal(pathname: string, err: ApiError): Refusal {
  const family = familyOfPath(pathname);
  const headers: Record<string, string> = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...err.headers,
  };
  if (family === "xapi") headers["X-Experience-API-Version"] = "1.0.3";
  if (!family)
    return {
      status: err.status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      body: `${err.message}\n`,
    };
  return {
    status: err.status,
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify(errorBody(family, err)),
  };
}

/** The path of a request target, or null when it is neither origin-form (`/…`) nor an absolute http(s) URL. */
function targetPath(target: string): string | null {
  if (target.startsWith("/")) return target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const u = new URL(target);
      return u.pathname + u.search;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Refuses what no route could answer, before Next.js parses it: an unknown method (405), a request
 * target that is not a path (`*`, 400), a path whose percent-encoding is not UTF-8 (400). Returns
 * the path to hand on (absolute-form targets become origin-form), or the refusal.
 */
export function checkRequestLine(method: string, target: string): { path: string } | { refuse: Refusal } {
  const path = targetPath(target);
  if (path === null) {
    return {
      refuse: refusal(
        "/",
        new ApiError(
          400,
          "invalid_request",
          `The request target must be a path beginning with "/"; got "${target.slice(0, 100)}".`,
        ),
      ),
    };
  }
  const pathname = path.split("?", 1)[0]!;
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    const err = new ApiError(405, "method_not_allowed", `The method ${method.slice(0, 20)} is not supported.`, {
      Allow: ALLOWED_METHODS.join(", "),
    });
    return { refuse: refusal(pathname, err) };
  }
  try {
    decodeURIComponent(pathname);
  } catch {
    return {
      refuse: refusal(
        pathname,
        new ApiError(400, "invalid_request", "The path holds a percent-encoding that is not UTF-8 (such as %FF)."),
      ),
    };
  }
  return { path };
}

const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
] as const;

const firstValue = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v.join(",") : v;
  const first = s?.split(",")[0]?.trim();
  return first ? first : undefined;
};

/**
 * Rewrites the forwarded headers in place so everything after this (Next.js, next-auth, the
 * proxy, the routes) reads the truth from them: `X-Forwarded-For` becomes the one client address
 * (the socket's, or the one the trusted proxies saw), `X-Forwarded-Host` and `-Proto` the host and
 * scheme the client used — a trusted proxy's word for them, else the Host header and the socket.
 */
export function settleForwardedHeaders(
  req: Pick<IncomingMessage, "headers">,
  socket: { remoteAddress?: string; encrypted?: boolean },
  hops: number,
): void {
  const h = req.headers;
  const chain =
    hops > 0
      ? String(h["x-forwarded-for"] ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const host = (hops > 0 ? firstValue(h["x-forwarded-host"]) : undefined) ?? firstValue(h.host);
  const claimed = hops > 0 ? firstValue(h["x-forwarded-proto"])?.toLowerCase() : undefined;
  const proto = claimed === "http" || claimed === "https" ? claimed : socket.encrypted ? "https" : "http";
  for (const name of FORWARDED) delete h[name];
  // The addresses as the last proxy passed them on, then the proxy itself: the client is `hops` from the right.
  const addresses = [...chain, socket.remoteAddress ?? ""];
  const client = addresses[Math.max(0, addresses.length - 1 - hops)] ?? "";
  if (client) h["x-forwarded-for"] = client;
  if (host) h["x-forwarded-host"] = host;
  h["x-forwarded-proto"] = proto;
}
