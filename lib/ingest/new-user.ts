import type { UserRow } from "@/db/queries/users";

/** A user that ingest creates (an import's new user, an xAPI actor seen first): an active learner with nothing else known. */
export function newUserRow(
  id: string,
  username: string,
  known: { name?: string; email?: string | null } = {},
): UserRow {
  return {
    id,
    username,
    name: known.name ?? "",
    email: known.email ?? null,
    status: "active",
    department_id: null,
    role: "user",
    password_hash: null,
    language: null,
    country: null,
    city: null,
    gender: null,
    year_of_birth: null,
    level_of_education: null,
    location: null,
    mailing_address: null,
    goals: null,
  };
}
