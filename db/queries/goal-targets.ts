import type { Db } from "../client";
import { read } from "../sql";
import type { Goal } from "./status-progress";

const OBJECTIVE_NAMES = read(
  "goal-targets.objective-names",
  `SELECT id, name FROM objectives WHERE id IN (SELECT value FROM json_each(?))`,
  { id: "text", name: "text" },
);
const ITEM_TITLES = read(
  "goal-targets.item-titles",
  `SELECT id, title AS name FROM items WHERE course_id = ? AND id IN (SELECT value FROM json_each(?))`,
  { id: "text", name: "text" },
);

/**
 * What to call each target of the goals: an objective's name (objectives are shared across
 * courses), or the course item's title. A target without a name is called by its id.
 */
export async function targetNames(db: Db, courseId: string, goals: readonly Goal[]): Promise<Map<string, string>> {
  const s = db.$client;
  const ids = (kind: Goal["targetKind"]) =>
    JSON.stringify([...new Set(goals.filter((g) => g.targetKind === kind).flatMap((g) => g.targets))]);
  const rows = [...OBJECTIVE_NAMES.all(s, ids("objective")), ...ITEM_TITLES.all(s, courseId, ids("item"))];
  const out = new Map<string, string>();
  for (const g of goals) for (const t of g.targets) out.set(t, t);
  for (const { id, name } of rows) if (name.trim()) out.set(id, name);
  return out;
}
