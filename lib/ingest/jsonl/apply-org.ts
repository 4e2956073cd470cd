import { randomUUID } from "node:crypto";
import type { UserRow } from "@/db/queries/users";
import { hashPasswordSync } from "@/lib/auth/password";
import { IngestError } from "../errors";
import { newUserRow } from "../new-user";
import type { IngestSession } from "../session";
import type { RecordOf } from "./records";

/** The `department` and `user` records. */

export function applyDepartment(session: IngestSession, r: RecordOf<"department">): void {
  const parentId = r.parent_id ?? null;
  if (parentId !== null) {
    if (!session.departments.byId(parentId))
      throw new IngestError("not_found", "parent_id", `no department ${parentId}`);
    if (isAncestorOrSelf(session, r.id, parentId))
      throw new IngestError("invalid", "parent_id", `${parentId} is inside ${r.id}; departments form a tree`);
  }
  session.departments.upsert({ id: r.id, name: r.name, parent_id: parentId });
}

function isAncestorOrSelf(session: IngestSession, ancestor: string, id: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at); at = session.departments.byId(at)?.parent_id ?? null) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}

/**
 * Finds the user a record is about: by `id`; else by one of its `external_ids` (so a user first
 * created by an xAPI actor is updated, not duplicated — the record's `id`, if any, then becomes
 * one more external id of that user); else by `username`.
 */
function matchUser(session: IngestSession, r: RecordOf<"user">): UserRow | undefined {
  const users = session.users;
  const byId = r.id === undefined ? undefined : users.byId(r.id);
  if (byId) return byId;
  for (const ext of r.external_ids ?? []) {
    const owner = users.idByExternalId(ext);
    if (owner) return users.byId(owner);
  }
  return r.id === undefined && r.username !== undefined ? users.byUsername(r.username) : undefined;
}

export function applyUser(session: IngestSession, r: RecordOf<"user">): void {
  const users = session.users;
  const existing = matchUser(session, r);
  if (!existing && r.username === undefined) throw new IngestError("invalid", "username", "required for a new user");
  const row: UserRow = existing ? { ...existing } : newUserRow(r.id ?? randomUUID(), r.username!);
  assignUserFields(row, r);
  if (row.department_id !== null && !session.departments.byId(row.department_id)) {
    throw new IngestError("not_found", "department_id", `no department ${row.department_id}`);
  }
  r.managed_department_ids?.forEach((d, i) => {
    if (!session.departments.byId(d))
      throw new IngestError("not_found", `managed_department_ids[${i}]`, `no department ${d}`);
  });
  const alias = existing && r.id !== undefined && existing.id !== r.id ? r.id : undefined;
  const externalIds =
    r.external_ids === undefined && alias === undefined
      ? undefined
      : [...(r.external_ids ?? users.externalIds(row.id)), ...(alias ? [alias] : [])];
  externalIds?.forEach((ext) => {
    const owner = users.idByExternalId(ext);
    if (owner !== undefined && owner !== row.id)
      throw new IngestError("invalid", "external_ids", `${ext} already belongs to another user`);
  });

  writeUser(session, row, existing);
  if (externalIds) users.setExternalIds(row.id, externalIds);
  if (r.managed_department_ids) users.setManagedDepartments(row.id, r.managed_department_ids);
  if (existing) {
    session.usersChanged();
    if (row.name !== existing.name || row.username !== existing.username || row.email !== existing.email) {
      for (const courseId of users.enrolledCourseIds(row.id)) session.sink.touchLearner(courseId, row.id);
    }
  }
  session.rememberUser(row);
}

function assignUserFields(row: UserRow, r: RecordOf<"user">): void {
  if (r.username !== undefined) row.username = r.username;
  if (r.name !== undefined) row.name = r.name;
  if (r.email !== undefined) row.email = r.email;
  if (r.status !== undefined) row.status = r.status;
  if (r.department_id !== undefined) row.department_id = r.department_id;
  if (r.role !== undefined) row.role = r.role;
  if (r.password !== undefined) row.password_hash = r.password === null ? null : hashPasswordSync(r.password);
  if (r.language !== undefined) row.language = r.language;
  if (r.country !== undefined) row.country = r.country;
  if (r.city !== undefined) row.city = r.city;
  if (r.gender !== undefined) row.gender = r.gender;
  if (r.year_of_birth !== undefined) row.year_of_birth = r.year_of_birth;
  if (r.level_of_education !== undefined) row.level_of_education = r.level_of_education;
  if (r.location !== undefined) row.location = r.location;
  if (r.mailing_address !== undefined) row.mailing_address = r.mailing_address;
  if (r.goals !== undefined) row.goals = r.goals;
}

/** Inserts or updates; the unique indexes catch a username or email that is another user's (cheaper than looking first). */
function writeUser(session: IngestSession, row: UserRow, existing: UserRow | undefined): void {
  try {
    if (existing) session.users.update(row, existing);
    else session.users.insert(row);
  } catch (err) {
    const message = err instanceof Error ? err.message : "";
    if (message.includes("UNIQUE constraint failed: users.username")) {
      throw new IngestError("invalid", "username", `${row.username} is already another user's`);
    }
    if (message.includes("UNIQUE constraint failed: users.email_lower")) {
      throw new IngestError("invalid", "email", `${row.email} is already another user's`);
    }
    throw err;
  }
}
