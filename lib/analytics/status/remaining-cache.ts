import { minToComplete, remainingTable, type BktParams, type CompletionRule } from "@/lib/analytics/mastery";

// A page of registrations asks for the remaining work of many learners under the same few
// (model, rule) pairs: each pair's table is built once (a few milliseconds) and kept, so an answer
// costs one step of the recursion. A table holds 2,001 × (streak + 1) × 30 float32s — 240 kB for a
// threshold rule, 960 kB for "3 in a row" — so the bound is on their total size, not their count.
// Models change only with a refit.
const BUDGET_BYTES = 192 * 1024 * 1024;
const tables = new Map<string, { table: ReturnType<typeof remainingTable>; bytes: number }>();
let used = 0;

function tableOf(p: BktParams, rule: CompletionRule): ReturnType<typeof remainingTable> {
  const key = `${p.prior},${p.learn},${p.guess},${p.slip},${p.forget}|${rule.threshold}|${rule.streak}`;
  const hit = tables.get(key);
  if (hit) return hit.table;
  const bytes = 2001 * (rule.streak + 1) * 30 * 4;
  while (used + bytes > BUDGET_BYTES && tables.size > 0) {
    const [oldest, entry] = tables.entries().next().value!;
    tables.delete(oldest);
    used -= entry.bytes;
  }
  const table = remainingTable(p, rule);
  tables.set(key, { table, bytes });
  used += bytes;
  return table;
}

/**
 * The distribution of further attempts until `rule` holds from `mastery` with a run of `streak`
 * correct answers under `p`, and the fewest (all correct).
 */
export function remainingTo(
  p: BktParams,
  mastery: number,
  streak: number,
  rule: CompletionRule,
): { distribution: Float64Array; min: number } {
  return { distribution: tableOf(p, rule)(mastery, streak), min: minToComplete(p, mastery, streak, rule) };
}
