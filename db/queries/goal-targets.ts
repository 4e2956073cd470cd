import type { Db } from "../client";
import { jsonValues, read } from "../sql";
import type { Goal } from "./status-progress";

// The ids come as a JSON array: SQLite's json_each, PostgreSQL's jsonb_array_elements_text.
const SQLITE_IDS = "SELECT value FROM json_each(?)";
const POSTGRES_IDS = jsonValues("?");
const objectiveNamesSql = (ids: string) => `SELECT id, name FROM objectives WHERE id IN (${ids})`;
const OBJECTIVE_NAMES = read(
  "goal-targets.objective-names",
  objectiveNamesSql(SQLITE_IDS),
  { id: "text", name: "text" },
  { postgres: objectiveNamesSql(POSTGRES_IDS) },
);
const itemTitlesSql = (ids: string) => `SELECT id, title AS name FROM items WHERE course_id = ? AND id IN (${ids})`;
const ITEM_TITLES = read(
  "goal-targets.item-titles",
  itemTitlesSql(SQLITE_IDS),
  { id: "text", name: "text" },
  { postgres: itemTitlesSql(POSTGRES_IDS) },
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
