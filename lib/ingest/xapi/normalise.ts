import { isPlainObject } from "./schema";

/**
 * Rewrites what real senders emit into what the schema checks, without touching the input (the
 * original is what gets stored):
 * - a single object in `context.contextActivities.*` becomes a one-element array;
 * - Open edX's `"objectType": "GroupActivity"` (multi-question problems) is read as an Activity;
 * - default `objectType`s are spelled out (`Agent` for actors, `Activity` for objects), so the
 *   schema can dispatch on them and two statements differing only by an omitted default compare equal.
 */
export function normaliseStatement(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = { ...input };
  if ("actor" in input) out.actor = normaliseActor(input.actor);
  if ("object" in input) out.object = normaliseObject(input.object, true);
  if ("context" in input) out.context = normaliseContext(input.context);
  if ("authority" in input) out.authority = normaliseActor(input.authority);
  return out;
}

function normaliseActor(actor: unknown): unknown {
  if (!isPlainObject(actor)) return actor;
  const out: Record<string, unknown> = { ...actor };
  if (out.objectType === undefined) out.objectType = "Agent";
  if (Array.isArray(actor.member)) out.member = actor.member.map(normaliseActor);
  return out;
}

function normaliseActivity(activity: unknown): unknown {
  if (!isPlainObject(activity)) return activity;
  if (activity.objectType === undefined || activity.objectType === "GroupActivity")
    return { ...activity, objectType: "Activity" };
  return activity;
}

function normaliseObject(object: unknown, allowSubStatement: boolean): unknown {
  if (!isPlainObject(object)) return object;
  switch (object.objectType) {
    case "Agent":
    case "Group":
      return normaliseActor(object);
    case "StatementRef":
      return object;
    case "SubStatement": {
      if (!allowSubStatement) return object;
      const out: Record<string, unknown> = { ...object };
      if ("actor" in object) out.actor = normaliseActor(object.actor);
      if ("object" in object) out.object = normaliseObject(object.object, false);
      if ("context" in object) out.context = normaliseContext(object.context);
      return out;
    }
    default:
      return normaliseActivity(object);
  }
}

function normaliseContext(context: unknown): unknown {
  if (!isPlainObject(context)) return context;
  const out: Record<string, unknown> = { ...context };
  if ("instructor" in context) out.instructor = normaliseActor(context.instructor);
  if ("team" in context) out.team = normaliseActor(context.team);
  const ca = context.contextActivities;
  if (isPlainObject(ca)) {
    const lists: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(ca)) {
      lists[key] = Array.isArray(value)
        ? value.map(normaliseActivity)
        : isPlainObject(value)
          ? [normaliseActivity(value)]
          : value;
    }
    out.contextActivities = lists;
  }
  return out;
}
