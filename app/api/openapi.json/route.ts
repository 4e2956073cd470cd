// GET /api/openapi.json — the OpenAPI 3.1 document of every route; public (it holds no data) and
// readable cross-origin, so integrators' tools (code generators, Swagger UI) can load it directly.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { publicOrigin } from "@/lib/api/origin";
import { apiDocument } from "@/lib/api/routes";

const documentShape = z.looseObject({
  openapi: z.string().describe("The OpenAPI version: 3.1.0."),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()).describe("Every route, by path and method."),
});

export const GET = apiRoute(
  {
    family: "lantern",
    public: true,
    doc: {
      summary: "This API's OpenAPI document",
      description: "The OpenAPI 3.1 document of every route, generated from the schemas the routes validate with; `servers` names this Lantern's address. Public, and served with `Access-Control-Allow-Origin: *`. Rendered for people at `/api-docs`.",
      responses: { 200: { description: "The OpenAPI 3.1 document.", schema: documentShape } },
    },
  },
  async ({ req }) => {
    const { openapi, info, ...rest } = apiDocument();
    return Response.json(
      { openapi, info, servers: [{ url: publicOrigin(req) }], ...rest },
      { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } },
    );
  },
);
