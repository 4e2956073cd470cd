import { z } from "zod";
import { callerForKey } from "@/db/queries/api-keys";
import { ACCESS_TOKEN_TTL_S, issueAccessToken } from "@/lib/auth/access-tokens";
import { sessionSecret } from "@/lib/auth/secret";
import { readBodyText } from "../body";
import { ApiError } from "../errors";
import { apiRoute, parse } from "../handler";
import { named } from "../openapi";

/** `POST /api/ispring/api/v3/token`: an API key's id and secret, exchanged for a 30-minute access token (OAuth 2 client credentials). */

const GRANT = "client_credentials";

const tokenForm = z.object({
  client_id: z.string().min(1).describe("An API key's id: `lk_…`, the part of the key before the dot."),
  client_secret: z.string().min(1).describe("The key's secret: the part after the dot."),
  grant_type: z.literal(GRANT).describe("Always `client_credentials`."),
});

const tokenResponse = named(
  "IspringAccessToken",
  z.object({
    access_token: z
      .string()
      .describe(
        "Send it as `Authorization: Bearer <token>` (or the token alone). It acts with the key's user's rights.",
      ),
    expires_in: z.number().int().describe(`Seconds it stays valid: ${ACCESS_TOKEN_TTL_S}.`),
    token_type: z.literal("bearer"),
  }),
);

export const tokenRoute = apiRoute(
  {
    family: "ispring",
    // The credentials are in the body, checked below.
    public: true,
    contentTypes: ["application/x-www-form-urlencoded"],
    doc: {
      summary: "Get an access token",
      description: `Exchanges an API key's id and secret for an access token valid ${ACCESS_TOKEN_TTL_S / 60} minutes, as iSpring Learn's \`/api/v3/token\`. The token stops working as soon as the key is revoked or its user blocked.`,
      requestBody: { schema: tokenForm, example: { client_id: "lk_Xy3…", client_secret: "Qm9…", grant_type: GRANT } },
      responses: {
        200: {
          description: "The token.",
          schema: tokenResponse,
          headers: { "Cache-Control": "`no-store`: tokens are never cached." },
        },
        400: {
          description:
            "`invalid_request` (a field is missing, or the body is not form-encoded), `unsupported_grant_type`.",
        },
        401: { description: "`invalid_client`: no such key, a wrong secret, or a revoked key." },
      },
    },
  },
  async ({ req, db }) => {
    const form = Object.fromEntries(new URLSearchParams(await readBodyText(req)));
    if (form.grant_type && form.grant_type !== GRANT) {
      throw new ApiError(400, "unsupported_grant_type", `grant_type must be ${GRANT}, got "${form.grant_type}".`);
    }
    const { client_id, client_secret } = parse(tokenForm, form, "body", "invalid_request");
    const caller = await callerForKey(db, client_id, client_secret);
    if (!caller)
      throw new ApiError(401, "invalid_client", "Unknown client_id, wrong client_secret, or a revoked API key.");
    const body: z.infer<typeof tokenResponse> = {
      access_token: issueAccessToken(client_id, sessionSecret()),
      expires_in: ACCESS_TOKEN_TTL_S,
      token_type: "bearer",
    };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  },
);
