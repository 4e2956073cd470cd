// GET /xapi/about — the xAPI versions Lantern speaks; public, and no version header needed (xAPI 1.0.3 §2.8).
import { apiRoute } from "@/lib/api/handler";
import { XAPI_VERSION, xapiHeaders } from "@/lib/api/xapi";

export const GET = apiRoute({ family: "xapi", public: true, headers: xapiHeaders }, async () => Response.json({ version: [XAPI_VERSION] }));
