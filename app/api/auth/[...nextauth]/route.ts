// GET|POST /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints.
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { authOptions } from "@/lib/auth/options";

const nextAuth = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

// What next-auth accepts as a callback URL; anything else makes it throw (a 500) before any callback of ours runs.
function acceptable(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://x.invalid" : undefined).protocol);
  } catch {
    return false;
  }
}

/** next-auth, refusing with a 400 the callback URLs it would otherwise answer with a 500. */
async function handler(req: Request, ctx: Context): Promise<Response> {
  const given = new URL(req.url).searchParams.get("callbackUrl");
  if (given !== null && given !== "" && !acceptable(given)) {
    return errorResponse(
      "lantern",
      new ApiError(400, "invalid_request", "callbackUrl must be a path on this site (or a URL)."),
    );
  }
  const jar = await cookies();
  const bad = CALLBACK_COOKIES.filter((name) => {
    const v = jar.get(name)?.value;
    return v !== undefined && v !== "" && !acceptable(v);
  });
  if (bad.length > 0) {
    const res = errorResponse(
      "lantern",
      new ApiError(
        400,
        "invalid_request",
        "The callback-URL cookie does not hold a URL; it has been cleared. Try again.",
      ),
    );
    for (const name of bad) res.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    return res;
  }
  return nextAuth(req, ctx) as Promise<Response>;
}

export { handler as GET, handler as POST };
