import { expectedRemaining, minRemaining, type BktParams } from "@/lib/analytics/mastery";

// The expected-remaining recursion costs tens of thousands of steps, and a page of registrations
// asks it for the same few (model, threshold, mastery) triples again and again (learners with the
// same answers have the same mastery), so answers are kept, up to a bound.
const LIMIT = 50_000;
const cache = new Map<string, { expected: number; min: number }>();

/** Expected and fewest further attempts to reach `threshold` from `mastery` under `p` (cached). */
export function remainingTo(p: BktParams, mastery: number, threshold: number): { expected: number; min: number } {
  const key = `${p.prior},${p.learn},${p.guess},${p.slip},${p.forget}|${threshold}|${mastery}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const value = { expected: expectedRemaining(p, mastery, threshold), min: minRemaining(p, mastery, threshold) };
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}
