import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { userForSignIn } from "@/db/queries/access";
import { env, type EnvRecord } from "@/lib/env";
import { createSession, endSession } from "@/db/queries/sessions";
import { hashPasswordSync, verifyPassword } from "./password";
import { sessionSecret } from "./secret";
import { SignInThrottle } from "./throttle";

const throttle = new SignInThrottle();
// Verified when the login matches nobody, so a wrong username takes as long as a wrong password.
const DUMMY_HASH = hashPasswordSync("lantern-no-such-user");

/**
 * The client's address. Lantern's front (lib/server/front.ts) has replaced X-Forwarded-For with the
 * one address it trusts: the socket's, or what a configured proxy saw (LANTERN_TRUST_PROXY).
 */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? forwarded.trim() : "";
}

/** Checks a username-or-email and password; null for any failure (one message, no hint). */
export async function authorizeCredentials(
  login: string,
  password: string,
  address = "",
): Promise<{ id: string; name: string } | null> {
  const user = login.trim() ? await userForSignIn(getDb(), login.trim()) : null;
  // One counter per account, whether it was named by username or by email, in any case.
  const account = user ? `user:${user.id}` : `login:${login.trim().toLowerCase()}`;
  const ok = await throttle.attempt({ account, address: address || undefined }, async () => {
    const right = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    return right && user !== null && user.status === "active";
  });
  return ok && user ? { id: user.id, name: user.name || user.username } : null;
}

/**
 * How long a session lasts from sign-in: `LANTERN_SESSION_HOURS` (default 12, at most a year).
 * Read per process start.
 */
export function sessionMaxAgeS(source: EnvRecord = process.env): number {
  return Math.round(env(source).LANTERN_SESSION_HOURS * 3600);
}

const MAX_AGE_S = sessionMaxAgeS();

export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  // The cookie is a signed JWT naming a row of `sessions` (sid); the row is what makes it valid,
  // so signing out, a new password or a block ends it on the server (lib/api/caller.ts checks).
  session: { strategy: "jwt", maxAge: MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Lantern",
      credentials: {
        login: { label: "Username or email", type: "text" },
        password: { label: "Password", type: "password" },
      },
      authorize: async (credentials, req) =>
        authorizeCredentials(credentials?.login ?? "", credentials?.password ?? "", clientAddress(req?.headers)),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await createSession(getDb(), user.id, MAX_AGE_S);
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub },
        sid: typeof token.sid === "string" ? token.sid : undefined,
      };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(getDb(), token.sid);
    },
  },
};
