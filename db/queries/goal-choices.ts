import type { Db } from "../client";

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
export function goalChoices(db: Db, courseId: string): { objectives: GoalChoice[]; items: GoalChoice[] } {
  const s = db.$client;
  const objectives = s
    .prepare(
      `SELECT o.id, o.name FROM objectives o WHERE o.id IN (SELECT objective_id FROM item_objectives WHERE course_id = ?) ORDER BY lower(coalesce(nullif(trim(o.name), ''), o.id)), o.id`,
    )
    .all(courseId) as { id: string; name: string }[];
  const items = s
    .prepare(`SELECT id, title, kind FROM items WHERE course_id = ? ORDER BY position IS NULL, position, id`)
    .all(courseId) as { id: string; title: string; kind: string }[];
  return {
    objectives: objectives.map((o) => ({ id: o.id, name: o.name.trim() || o.id, kind: null })),
    items: items.map((i) => ({ id: i.id, name: i.title.trim() || i.id, kind: i.kind })),
  };
}
