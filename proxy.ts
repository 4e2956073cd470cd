import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sessionSecret } from "@/lib/auth/secret";
import { contentSecurityPolicy, newNonce } from "@/lib/web/csp";

/**
 * Every page gets its Content-Security-Policy here, with a nonce of its own (lib/web/csp.ts).
 * Signed out, every page but the sign-in page redirects to /sign-in and comes back afterwards. API
 * routes answer 401 themselves (lib/api), so they are not matched here.
 */
export async function proxy(req: NextRequest) {
  // Lantern's front (lib/server/front.ts) has settled the scheme: the socket's, or a trusted proxy's word.
  const https = req.headers.get("x-forwarded-proto") === "https";
  if (req.nextUrl.pathname !== "/sign-in") {
    // next-auth names its cookie __Secure-… when the sign-in came over HTTPS.
    const token = await getToken({ req, secret: sessionSecret(), secureCookie: https });
    if (!token) {
      const signIn = new URL("/sign-in", req.url);
      const back = req.nextUrl.pathname + req.nextUrl.search;
      if (back !== "/") signIn.searchParams.set("callbackUrl", back);
      return NextResponse.redirect(signIn);
    }
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, https);
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  matcher: ["/((?!api/|api$|xapi|_next/static|_next/image|icon|favicon).*)"],
};
