import type { Db } from "../client";
import type { Goal } from "./status-progress";

/**
 * What to call each target of the goals: an objective's name (objectives are shared across
 * courses), or the course item's title. A target without a name is called by its id.
 */
export async function targetNames(db: Db, courseId: string, goals: readonly Goal[]): Promise<Map<string, string>> {
  const s = db.$client;
  const ids = (kind: Goal["targetKind"]) =>
    JSON.stringify([...new Set(goals.filter((g) => g.targetKind === kind).flatMap((g) => g.targets))]);
  const rows = [
    ...(s
      .prepare(`SELECT id, name FROM objectives WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(ids("objective")) as [string, string][]),
    ...(s
      .prepare(`SELECT id, title FROM items WHERE course_id = ? AND id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(courseId, ids("item")) as [string, string][]),
  ];
  const out = new Map<string, string>();
  for (const g of goals) for (const t of g.targets) out.set(t, t);
  for (const [id, name] of rows) if (name.trim()) out.set(id, name);
  return out;
}
