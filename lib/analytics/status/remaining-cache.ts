import { expectedRemainingCurve, minRemaining, type BktParams } from "@/lib/analytics/mastery";

// A page of registrations asks for the remaining work of many learners under the same few
// (model, threshold) pairs: each pair's expected-remaining curve is built once (a millisecond)
// and kept, up to a bound, so an answer costs a lookup. Models change only with a refit.
const LIMIT = 2_000;
const curves = new Map<string, (mastery: number) => number>();

function curveOf(p: BktParams, threshold: number): (mastery: number) => number {
  const key = `${p.prior},${p.learn},${p.guess},${p.slip},${p.forget}|${threshold}`;
  let curve = curves.get(key);
  if (!curve) {
    if (curves.size >= LIMIT) curves.delete(curves.keys().next().value!);
    curves.set(key, (curve = expectedRemainingCurve(p, threshold)));
  }
  return curve;
}

/** Expected and fewest further attempts to reach `threshold` from `mastery` under `p`. */
export function remainingTo(p: BktParams, mastery: number, threshold: number): { expected: number; min: number } {
  return { expected: curveOf(p, threshold)(mastery), min: minRemaining(p, mastery, threshold) };
}
