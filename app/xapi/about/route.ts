// GET /xapi/about — the xAPI versions Lantern speaks; public, and no version header needed (xAPI 1.0.3 §2.8).
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { XAPI_VERSION, xapiHeaders } from "@/lib/api/xapi";

const about = z.object({ version: z.array(z.string()).describe(`The xAPI versions spoken: ["${XAPI_VERSION}"].`) });

export const GET = apiRoute(
  {
    family: "xapi",
    public: true,
    headers: xapiHeaders,
    doc: {
      summary: "xAPI versions spoken",
      description: "What an LMS asks first (xAPI 1.0.3 Communication §2.8). Public; no version header needed.",
      responses: {
        200: {
          description: "The versions.",
          schema: about,
          headers: { "X-Experience-API-Version": `${XAPI_VERSION}` },
        },
      },
    },
  },
  async () => Response.json({ version: [XAPI_VERSION] } satisfies z.infer<typeof about>),
);
