// DELETE /api/v0/api-keys/{key_id} — revoke one of the caller's own keys.
import { z } from "zod";
import { revokeApiKey } from "@/db/queries/api-keys";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";

const params = z.object({ key_id: z.string().describe("The key id, `lk_…`.") });

export const DELETE = apiRoute(
  {
    family: "lantern",
    params,
    doc: {
      summary: "Revoke an API key",
      description: "Revokes one of the caller's own keys; it stops working at once.",
      responses: {
        204: { description: "Revoked." },
        404: { description: "`key_not_found`: the caller has no such key (another user's key is not found either)." },
      },
    },
  },
  async ({ db, caller, params }) => {
    // Only the caller's own keys are found, so another user's key id is indistinguishable from none.
    if (!(await revokeApiKey(db, caller.userId, params.key_id)))
      throw new ApiError(404, "key_not_found", "You have no API key with that id.");
    return new Response(null, { status: 204 });
  },
);
