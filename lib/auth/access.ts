import type { Db } from "@/db/client";
import { courseExists, managedDepartmentTree, registrationOwner, staffRole } from "@/db/queries/access";
import type { Caller } from "./caller";

/**
 * The one place that knows who may read what (`docs/metrics.md` § Roles). Every route asks here.
 *
 * Answers are `"ok"`, `"forbidden"` (403) or `"not_found"` (404). Not-found is only answered to
 * someone who could read the object if it existed (an admin), so nobody learns by guessing an
 * id whether a course or registration exists.
 */
export type Access = "ok" | "forbidden" | "not_found";

export const isAdmin = (caller: Caller): boolean => caller.role === "admin";

/** Course learner data (rosters, learner pages, Knewton metrics): admin or the course's staff. */
export async function courseAccess(db: Db, caller: Caller, courseId: string): Promise<Access> {
  if (isAdmin(caller)) return (await courseExists(db, courseId)) ? "ok" : "not_found";
  return (await staffRole(db, caller.userId, courseId)) ? "ok" : "forbidden";
}

/** One registration's status and progress: admin, the course's staff, or the learner themself. */
export async function registrationAccess(db: Db, caller: Caller, registrationId: string): Promise<Access> {
  const owner = await registrationOwner(db, registrationId);
  if (isAdmin(caller)) return owner ? "ok" : "not_found";
  if (!owner) return "forbidden";
  if (owner.userId === caller.userId) return "ok";
  return (await staffRole(db, caller.userId, owner.courseId)) ? "ok" : "forbidden";
}

/** Whether a caller may list users' results (iSpring) at all: admins and department admins. */
export const mayListResults = (caller: Caller): boolean => isAdmin(caller) || caller.role === "department_admin";

/**
 * Whose users' results a caller may list (iSpring): `"all"` for an admin, the managed department
 * subtrees for a department admin, null for anyone else.
 */
export async function departmentScope(db: Db, caller: Caller): Promise<"all" | string[] | null> {
  if (isAdmin(caller)) return "all";
  if (mayListResults(caller)) return managedDepartmentTree(db, caller.userId);
  return null;
}

/** Writing data (xAPI statements, imports, graded events): admins only. */
export function mayWrite(caller: Caller): boolean {
  return isAdmin(caller);
}
