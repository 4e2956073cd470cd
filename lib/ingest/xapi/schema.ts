import { z } from "zod";
import { parseDuration, parseTimestamp } from "../iso8601";

/**
 * xAPI 1.0.3 statements, as much of the spec as it takes to reject bad input with a message
 * naming the field. Objects are strict (an unknown property is an error, as the spec asks of an
 * LRS) except inside `extensions`. The schemas expect the output of `normaliseStatement`, which
 * spells out the default `objectType`s so that actors and objects can be told apart by it.
 */

const IRI_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/;
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const iri = z.string().regex(IRI_RE, "must be an absolute IRI");
// Activity ids should be IRIs, but Open edX sends a bare UUID as the id of an exam attempt's
// grouping activity (and old versions sent `block-v1:…` keys); any id without spaces is taken.
const activityId = z.string().regex(/^\S+$/, "must be a non-empty IRI without spaces");
export const uuid = z.string().regex(UUID_RE, "must be a UUID");
const languageMap = z.record(z.string(), z.string());
// Extension keys should be IRIs; old Open edX statements use keys like `eventVersion`, so any key is taken.
const extensions = z.record(z.string(), z.unknown());
export const timestamp = z.string().refine((v) => parseTimestamp(v) !== null, "must be an ISO 8601 date-time");
const duration = z.string().refine((v) => parseDuration(v) !== null, "must be an ISO 8601 duration");

const account = z.strictObject({ homePage: iri, name: z.string().min(1, "must not be empty") });
const ifis = {
  mbox: z
    .string()
    .regex(/^mailto:[^\s@]+@[^\s@]+$/, "must be mailto:<email address>")
    .optional(),
  mbox_sha1sum: z
    .string()
    .regex(/^[0-9a-fA-F]{40}$/, "must be 40 hexadecimal digits")
    .optional(),
  openid: iri.optional(),
  account: account.optional(),
};
type WithIfis = { mbox?: string; mbox_sha1sum?: string; openid?: string; account?: unknown };

function ifiCount(v: WithIfis): number {
  return (v.mbox ? 1 : 0) + (v.mbox_sha1sum ? 1 : 0) + (v.openid ? 1 : 0) + (v.account ? 1 : 0);
}

const agent = z
  .strictObject({ objectType: z.literal("Agent"), name: z.string().optional(), ...ifis })
  .superRefine((v, ctx) => {
    if (ifiCount(v) !== 1) {
      ctx.addIssue({ code: "custom", message: "an Agent needs exactly one of mbox, mbox_sha1sum, openid, account" });
    }
  });

const group = z
  .strictObject({
    objectType: z.literal("Group"),
    name: z.string().optional(),
    member: z.array(agent).optional(),
    ...ifis,
  })
  .superRefine((v, ctx) => {
    const n = ifiCount(v);
    if (n > 1)
      ctx.addIssue({ code: "custom", message: "a Group has at most one of mbox, mbox_sha1sum, openid, account" });
    if (n === 0 && !v.member?.length)
      ctx.addIssue({ code: "custom", path: ["member"], message: "an anonymous Group needs members" });
  });

export const actorSchema = z.discriminatedUnion("objectType", [agent, group]);

const interactionComponent = z.strictObject({ id: z.string().min(1), description: languageMap.optional() });
const components = z.array(interactionComponent).optional();

const definition = z.strictObject({
  name: languageMap.optional(),
  description: languageMap.optional(),
  type: iri.optional(),
  moreInfo: iri.optional(),
  interactionType: z
    .enum([
      "true-false",
      "choice",
      "fill-in",
      "long-fill-in",
      "matching",
      "performance",
      "sequencing",
      "likert",
      "numeric",
      "other",
    ])
    .optional(),
  correctResponsesPattern: z.array(z.string()).optional(),
  choices: components,
  scale: components,
  source: components,
  target: components,
  steps: components,
  extensions: extensions.optional(),
});

export const activitySchema = z.strictObject({
  objectType: z.literal("Activity"),
  id: activityId,
  definition: definition.optional(),
});

const statementRef = z.strictObject({ objectType: z.literal("StatementRef"), id: uuid });

const verb = z.strictObject({ id: iri, display: languageMap.optional() });

const score = z
  .strictObject({
    scaled: z.number().min(-1).max(1).optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.min !== undefined && s.max !== undefined && s.min >= s.max)
      ctx.addIssue({ code: "custom", path: ["min"], message: "must be below max" });
    if (s.raw !== undefined && s.min !== undefined && s.raw < s.min)
      ctx.addIssue({ code: "custom", path: ["raw"], message: "must not be below min" });
    if (s.raw !== undefined && s.max !== undefined && s.raw > s.max)
      ctx.addIssue({ code: "custom", path: ["raw"], message: "must not be above max" });
  });

const result = z.strictObject({
  score: score.optional(),
  success: z.boolean().optional(),
  completion: z.boolean().optional(),
  response: z.string().optional(),
  duration: duration.optional(),
  extensions: extensions.optional(),
});

const activities = z.array(activitySchema).optional();
const context = z.strictObject({
  registration: uuid.optional(),
  instructor: actorSchema.optional(),
  team: group.optional(),
  contextActivities: z
    .strictObject({ parent: activities, grouping: activities, category: activities, other: activities })
    .optional(),
  revision: z.string().optional(),
  platform: z.string().optional(),
  language: z.string().optional(),
  statement: statementRef.optional(),
  extensions: extensions.optional(),
});

const attachment = z.strictObject({
  usageType: iri,
  display: languageMap,
  description: languageMap.optional(),
  contentType: z.string().min(1),
  length: z.number().int().min(0),
  sha2: z.string().min(1),
  fileUrl: iri.optional(),
});

const subStatement = z.strictObject({
  objectType: z.literal("SubStatement"),
  actor: actorSchema,
  verb,
  object: z.discriminatedUnion("objectType", [activitySchema, agent, group, statementRef]),
  result: result.optional(),
  context: context.optional(),
  timestamp: timestamp.optional(),
  attachments: z.array(attachment).optional(),
});

export const statementSchema = z.strictObject({
  id: uuid.optional(),
  actor: actorSchema,
  verb,
  object: z.discriminatedUnion("objectType", [activitySchema, agent, group, statementRef, subStatement]),
  result: result.optional(),
  context: context.optional(),
  timestamp: timestamp.optional(),
  stored: timestamp.optional(),
  authority: actorSchema.optional(),
  version: z
    .string()
    .regex(/^1\.0(\.\d+)?$/, "must be 1.0.x")
    .optional(),
  attachments: z.array(attachment).optional(),
});

export type XapiStatement = z.infer<typeof statementSchema>;
export type XapiActor = z.infer<typeof actorSchema>;
export type XapiActivity = z.infer<typeof activitySchema>;
export type XapiObject = XapiStatement["object"];

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
