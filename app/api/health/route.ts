// GET /api/health — {"status":"ok"} while the server answers; public and touches no data, so a load
// balancer or uptime probe can call it often, and the benchmark uses it as the floor of HTTP cost.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";

const health = z.object({ status: z.literal("ok").describe("Always ok: an answer at all means the server is up.") });

export const GET = apiRoute(
  {
    family: "lantern",
    public: true,
    doc: {
      summary: "Whether the server is up",
      description:
        "Public, for load balancers and uptime probes. Reads nothing from the database, so it answers even while an import holds the write lock; never cached.",
      responses: { 200: { description: "The server is up.", schema: health } },
    },
  },
  async () =>
    Response.json({ status: "ok" } satisfies z.infer<typeof health>, { headers: { "Cache-Control": "no-store" } }),
);
