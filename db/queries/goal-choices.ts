import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { itemObjectives, items, objectives } from "../schema";

export interface GoalChoice {
  id: string;
  /** The objective's name or the item's title; the id when it has none. */
  name: string;
  /** An item's kind ("problem", "video"…); null for an objective. */
  kind: string | null;
}

/**
 * What a goal of the course may target (docs/knewton-api.md § Scoped goals): the objectives the
 * course's own items assess, by name, and the course's items, in course order. The same rule the
 * API checks, so the goal editor offers nothing the API would refuse.
 */
export async function goalChoices(
  db: Db,
  courseId: string,
): Promise<{ objectives: GoalChoice[]; items: GoalChoice[] }> {
  const assessed = db
    .select({ id: itemObjectives.objectiveId })
    .from(itemObjectives)
    .where(eq(itemObjectives.courseId, courseId));
  const objectiveRows = db
    .select({ id: objectives.id, name: objectives.name })
    .from(objectives)
    .where(inArray(objectives.id, assessed))
    .orderBy(sql`lower(coalesce(nullif(trim(${objectives.name}), ''), ${objectives.id}))`, asc(objectives.id))
    .all();
  const itemRows = db
    .select({ id: items.id, title: items.title, kind: items.kind })
    .from(items)
    .where(eq(items.courseId, courseId))
    .orderBy(sql`${items.position} IS NULL`, asc(items.position), asc(items.id))
    .all();
  return {
    objectives: objectiveRows.map((o) => ({ id: o.id, name: o.name.trim() || o.id, kind: null })),
    items: itemRows.map((i) => ({ id: i.id, name: i.title.trim() || i.id, kind: i.kind })),
  };
}
