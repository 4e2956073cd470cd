// Any method of a path under /api/ that no route serves — a 404 in the family's JSON error format.
import { noRoute } from "@/lib/api/no-route";

export {
  noRoute as GET,
  noRoute as HEAD,
  noRoute as POST,
  noRoute as PUT,
  noRoute as PATCH,
  noRoute as DELETE,
  noRoute as OPTIONS,
};
