import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { callerForKey, callerForKeyId } from "@/db/queries/api-keys";
import { isAccessToken, verifyAccessToken } from "@/lib/auth/access-tokens";
import { splitKey } from "@/lib/auth/api-keys";
import { sessionSecret } from "@/lib/auth/secret";
import { resolveCaller } from "../caller";
import { unauthorized } from "../errors";

/**
 * iSpring's credential forms: `Authorization: Bearer <token>`, or the token alone as iSpring's own
 * samples send it; a Lantern API key works in either place too. Anything else (HTTP Basic, a
 * signed-in session) is resolved as on every route.
 */
export async function ispringCaller(db: Db, req: Request): Promise<Caller> {
  const parts = (req.headers.get("authorization") ?? "").trim().split(/\s+/);
  const bare = parts.length === 1 && parts[0] !== "" ? parts[0]! : null;
  const credential = parts.length === 2 && /^bearer$/i.test(parts[0]!) ? parts[1]! : bare;
  if (credential !== null && isAccessToken(credential)) {
    const keyId = verifyAccessToken(credential, sessionSecret());
    const caller = keyId === null ? null : await callerForKeyId(db, keyId);
    if (!caller)
      throw unauthorized(
        "The access token is not valid: it expired, was altered, or its API key was revoked. Get a new one from POST /api/ispring/api/v3/token.",
      );
    return caller;
  }
  if (bare !== null) {
    const key = splitKey(bare);
    if (!key) throw unauthorized("The Authorization header holds neither an access token nor an API key.");
    const caller = await callerForKey(db, key.id, key.secret);
    if (!caller) throw unauthorized("Unknown or revoked API key.");
    return caller;
  }
  return resolveCaller(db, req);
}
