/**
 * The address clients reach this Lantern at: `NEXTAUTH_URL`'s origin when set (the canonical
 * address behind a proxy), else the origin the request came to.
 */
export function publicOrigin(req: Request, env: Record<string, string | undefined> = process.env): string {
  if (env.NEXTAUTH_URL) {
    try {
      return new URL(env.NEXTAUTH_URL).origin;
    } catch {
      // An unparsable NEXTAUTH_URL is ignored rather than failing every request.
    }
  }
  return new URL(req.url).origin;
}
