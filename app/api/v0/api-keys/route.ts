// GET /api/v0/api-keys — the caller's API keys (never their secrets).
// POST /api/v0/api-keys — create one: {"name"} → 201 with the key, shown this once.
import { z } from "zod";
import { createApiKey, listApiKeys } from "@/db/queries/api-keys";
import { apiRoute } from "@/lib/api/handler";
import { named } from "@/lib/api/openapi";

const apiKey = named(
  "ApiKey",
  z.object({
    id: z.string().describe("The key id, `lk_…`: shown in lists, and the user name of HTTP Basic."),
    name: z.string().describe("What the key is for."),
    createdAt: z.string().describe("When it was created (ISO 8601, UTC)."),
    lastUsedAt: z
      .string()
      .nullable()
      .describe("When it was last used (ISO 8601, UTC, to the minute); null when never."),
  }),
);
const keyList = z.object({ results: z.array(apiKey).describe("Newest first; revoked keys are left out.") });
const newKey = apiKey.extend({
  key: z.string().describe("The whole key, `lk_<id>.<secret>`. Shown this once: only a hash of the secret is kept."),
});

export const GET = apiRoute(
  {
    family: "lantern",
    doc: {
      summary: "List your API keys",
      description: "The caller's own keys that are not revoked, without their secrets.",
      responses: { 200: { description: "The caller's keys.", schema: keyList } },
    },
  },
  async ({ db, caller }) =>
    Response.json({ results: await listApiKeys(db, caller.userId) } satisfies z.infer<typeof keyList>),
);

const createBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(100)
    .describe("What the key is for, e.g. “Open edX production”."),
});

export const POST = apiRoute(
  {
    family: "lantern",
    body: createBody,
    doc: {
      summary: "Create an API key",
      description:
        "A key for the caller, acting with the caller's rights. The answer holds the whole key; it cannot be shown again.",
      requestBody: { example: { name: "Open edX production" } },
      responses: { 201: { description: "The new key, with its secret.", schema: newKey } },
    },
  },
  async ({ db, caller, body }) =>
    Response.json((await createApiKey(db, caller.userId, body.name)) satisfies z.infer<typeof newKey>, { status: 201 }),
);
