// GET /api/openapi.json — the OpenAPI 3.1 document of every route; public (it holds no data) and
// readable cross-origin, so integrators' tools (code generators, Swagger UI) can load it directly.
// Defined in ./routes.ts, the list of routes the document describes, which includes this one.
export { GET } from "./routes";
