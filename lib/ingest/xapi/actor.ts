import { randomUUID } from "node:crypto";
import { newUserRow } from "../new-user";
import type { IngestSession } from "../session";
import type { XapiActor } from "./schema";

type Agent = Extract<XapiActor, { objectType: "Agent" }>;

/**
 * The user an Agent stands for (`docs/import-format.md` § xAPI statements): `account.name` matches a user's id, username
 * or one of its external ids; `mbox` the email; `mbox_sha1sum` the SHA-1 of `mailto:<email>`;
 * `openid` an external id. Unknown actors are created when `create` is set (and null is returned
 * otherwise), with the identifier as an external id so that later statements and a later `user`
 * record naming it find the same user.
 */
export function resolveActor(session: IngestSession, agent: Agent, create = true): string | null {
  const key = actorKey(agent);
  const cached = session.userIds.get(key);
  if (cached) return cached;
  let id = findActor(session, agent);
  if (!id && create) id = createActorUser(session, agent);
  if (id) session.userIds.set(key, id);
  return id ?? null;
}

function actorKey(agent: Agent): string {
  if (agent.account) return `account:${agent.account.name}`;
  if (agent.mbox) return `mbox:${agent.mbox.slice("mailto:".length).toLowerCase()}`;
  if (agent.mbox_sha1sum) return `sha1:${agent.mbox_sha1sum.toLowerCase()}`;
  return `openid:${agent.openid}`;
}

function findActor(session: IngestSession, agent: Agent): string | undefined {
  const users = session.users;
  if (agent.account) {
    const name = agent.account.name;
    return users.byId(name)?.id ?? users.byUsername(name)?.id ?? users.idByExternalId(name);
  }
  if (agent.mbox) return users.byEmail(agent.mbox.slice("mailto:".length))?.id;
  if (agent.mbox_sha1sum) {
    const sha1 = agent.mbox_sha1sum.toLowerCase();
    return users.idByEmailSha1(sha1) ?? users.idByExternalId(sha1);
  }
  return agent.openid ? users.idByExternalId(agent.openid) : undefined;
}

function createActorUser(session: IngestSession, agent: Agent): string {
  const { base, email, externalId } = identityOf(agent);
  const user = newUserRow(randomUUID(), uniqueUsername(session, base), { name: agent.name ?? "", email });
  session.users.insert(user);
  if (externalId) session.users.addExternalId(user.id, externalId);
  return user.id;
}

function identityOf(agent: Agent): { base: string; email: string | null; externalId: string | null } {
  if (agent.account) return { base: agent.account.name, email: null, externalId: agent.account.name };
  if (agent.mbox) {
    const email = agent.mbox.slice("mailto:".length);
    return { base: email.split("@")[0] ?? "", email, externalId: null };
  }
  if (agent.mbox_sha1sum) {
    const sha1 = agent.mbox_sha1sum.toLowerCase();
    return { base: `learner-${sha1.slice(0, 12)}`, email: null, externalId: sha1 };
  }
  const openid = agent.openid ?? "";
  return { base: openid.replace(/\/+$/, "").split("/").pop() ?? "", email: null, externalId: openid };
}

/** A username (`[\w.+-]{1,150}`, unique) made from `base`: other characters become `_`, clashes get `-2`, `-3`, … */
function uniqueUsername(session: IngestSession, base: string): string {
  const clean = base.replace(/[^\w.+-]/g, "_").slice(0, 140) || "learner";
  if (!session.users.byUsername(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!session.users.byUsername(candidate)) return candidate;
  }
}
