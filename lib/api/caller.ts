import { getServerSession } from "next-auth";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { sessionUser } from "@/db/queries/sessions";
import { callerForKey } from "@/db/queries/api-keys";
import { keyFromAuthorization } from "@/lib/auth/api-keys";
import { authOptions } from "@/lib/auth/options";
import { unauthorized } from "./errors";

/** Requests whose caller came from the session cookie (not a key): their writes must prove they come from Lantern's own pages. */
const bySession = new WeakSet<Request>();

/** Whether `req`'s caller was found through the browser session (so a cross-site page could have sent it). */
export const cameWithSession = (req: Request): boolean => bySession.has(req);

/**
 * Who is asking: an API key in the Authorization header (Bearer `<id>.<secret>`, or Basic with the
 * key id and secret), else the signed-in browser session. Throws 401 for a bad key or nobody.
 */
export async function resolveCaller(db: Db, req: Request): Promise<Caller> {
  const key = keyFromAuthorization(req.headers.get("authorization"));
  if (key === null) throw unauthorized("The Authorization header does not hold a valid API key.");
  if (key) {
    const caller = await callerForKey(db, key.id, key.secret);
    if (!caller) throw unauthorized("Unknown or revoked API key.");
    return caller;
  }
  const caller = await sessionCaller(db);
  if (!caller) throw unauthorized();
  bySession.add(req);
  return caller;
}

/**
 * The signed-in user of a request, or null: the cookie's signature is not enough, its session row
 * must still be there (not signed out, no new password, not blocked) and unexpired.
 */
export async function sessionCaller(db: Db): Promise<Caller | null> {
  const session = (await getServerSession(authOptions)) as { user?: { id?: string }; sid?: string } | null;
  const userId = session?.user?.id;
  return userId && session.sid ? sessionUser(db, session.sid, userId) : null;
}
