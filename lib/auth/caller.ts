import type { UserRole } from "@/db/schema";

/**
 * Who is asking, as every route sees it. A definition, low in the layers (docs/architecture.md §
 * Layers): the queries that find a caller and the API code that checks one both import it.
 */
export interface Caller {
  userId: string;
  username: string;
  name: string;
  role: UserRole;
  /** The API key the request came with, if any. */
  keyId: string | null;
}
