// GET /api/v0/api-keys — the caller's API keys (never their secrets).
// POST /api/v0/api-keys — create one: {"name"} → 201 with the key, shown this once.
import { z } from "zod";
import { createApiKey, listApiKeys } from "@/db/queries/api-keys";
import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute({ family: "lantern" }, async ({ db, caller }) => Response.json({ results: await listApiKeys(db, caller.userId) }));

const createBody = z.strictObject({ name: z.string().trim().min(1, "must not be empty").max(100) });

export const POST = apiRoute({ family: "lantern", body: createBody }, async ({ db, caller, body }) =>
  Response.json(await createApiKey(db, caller.userId, body.name), { status: 201 }),
);
