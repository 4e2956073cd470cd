import { env, type EnvRecord } from "@/lib/env";

/**
 * The address clients reach this Lantern at: `LANTERN_PUBLIC_URL` (or next-auth's `NEXTAUTH_URL`)
 * when set — the canonical address behind a proxy —, else the origin the request came to: its
 * Host and scheme, which Lantern's front (lib/server/front.ts) has settled (a trusted proxy's
 * `X-Forwarded-Host`/`-Proto`, otherwise the Host header and the socket). Next.js's own `req.url`
 * names the host the server listens on, not the one the client asked for.
 */
export function publicOrigin(req: Request, source: EnvRecord = process.env): string {
  const { LANTERN_PUBLIC_URL, NEXTAUTH_URL } = env(source);
  const configured = LANTERN_PUBLIC_URL ?? NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const scheme = req.headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  if (host && /^[a-z0-9.\-[\]:]+$/i.test(host)) {
    try {
      return new URL(`${scheme}://${host}`).origin;
    } catch {
      // Not a host: fall back to the address the server listens on.
    }
  }
  return new URL(req.url).origin;
}
