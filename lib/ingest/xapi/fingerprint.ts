import { createHash } from "node:crypto";
import { parseTimestamp } from "../iso8601";
import type { XapiStatement } from "./schema";

/**
 * What decides "same id, equivalent content" (xAPI 1.0.3 statement comparison): the normalised
 * statement without the properties an LRS assigns or may rewrite (`id`, `stored`, `authority`,
 * `version`), with the timestamp compared as an instant and object members in any order: a
 * SHA-256 of that canonical JSON.
 */
export function statementFingerprint(statement: XapiStatement): string {
  const { id: _id, stored: _stored, authority: _authority, version: _version, ...rest } = statement;
  const comparable: Record<string, unknown> = { ...rest };
  if (rest.timestamp !== undefined) comparable.timestamp = parseTimestamp(rest.timestamp);
  return createHash("sha256").update(canonicalJson(comparable)).digest("hex");
}

/** JSON with object keys sorted at every level, so member order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = "{";
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}
