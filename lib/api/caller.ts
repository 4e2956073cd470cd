import { getServerSession } from "next-auth";
import type { Db } from "@/db/client";
import { activeUserById, type Caller } from "@/db/queries/access";
import { callerForKey } from "@/db/queries/api-keys";
import { keyFromAuthorization } from "@/lib/auth/api-keys";
import { authOptions } from "@/lib/auth/options";
import { unauthorized } from "./errors";

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
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id ?? null;
  const caller = userId ? await activeUserById(db, userId) : null;
  if (!caller) throw unauthorized();
  return caller;
}

/** The signed-in user of a page request, or null. */
export async function sessionCaller(db: Db): Promise<Caller | null> {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  return userId ? activeUserById(db, userId) : null;
}
