import type { Caller } from "@/db/queries/access";
import { isAdmin, mayWrite } from "@/lib/auth/access";
import { forbidden } from "./errors";

/** `authorize` of the doors that write data (xAPI statements, imports, graded events). */
export function requireWriter(caller: Caller): void {
  if (!mayWrite(caller)) throw forbidden("Writing data needs an administrator's API key or session.");
}

/**
 * `authorize` of reads of raw ingested records (stored xAPI statements): admins only. A statement
 * names a learner and what they did in any course, so no narrower role may read them one by one.
 */
export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw forbidden("Reading stored statements needs an administrator's API key or session.");
}
