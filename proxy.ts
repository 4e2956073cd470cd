import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sessionSecret } from "@/lib/auth/secret";

/**
 * Signed out, every page redirects to /sign-in and comes back afterwards. API routes answer 401
 * themselves (lib/api), so they are not matched here.
 */
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: sessionSecret() });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", req.url);
  const back = req.nextUrl.pathname + req.nextUrl.search;
  if (back !== "/") signIn.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|api$|xapi|sign-in|_next/|icon|favicon).*)"],
};
