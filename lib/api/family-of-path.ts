import type { Family } from "./errors";

/**
 * The API family a path belongs to, for the shape of its error body: used by the server's front
 * (lib/server/front.ts) before Next sees a request and by the 404 of a path no route serves.
 */
export function familyOfPath(pathname: string): Family | null {
  if (pathname === "/xapi" || pathname.startsWith("/xapi/")) return "xapi";
  if (pathname.startsWith("/api/ispring/")) return "ispring";
  if (pathname.startsWith("/api/360learning/")) return "360learning";
  if (pathname.startsWith("/api/v0/learning-instances/") || pathname.startsWith("/api/v0/registrations/"))
    return "knewton";
  if (pathname.startsWith("/api/v0/") || pathname.startsWith("/api/learner_analytics/")) return "edx";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "lantern";
  return null;
}
