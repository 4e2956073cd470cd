/**
 * Arithmetic on distributions of remaining attempts (a pmf over 0…30, the last entry "30 or
 * more"): a goal's remaining work is the sum over its open targets, each target's drawn
 * independently given its model, so the goal's distribution is their convolution, capped at 30.
 */

/** Quantile levels of `work_remaining_range` (docs/knewton-api.md). */
export const RANGE_LOW = 0.1;
export const RANGE_HIGH = 0.9;

/** All the probability at `k` (capped at `cap`). */
export function pointMass(k: number, cap: number): Float64Array {
  const pmf = new Float64Array(cap + 1);
  pmf[Math.min(cap, k)] = 1;
  return pmf;
}

/** The distribution of max(N, floor): at least `floor` attempts whatever the model says. */
export function atLeast(pmf: Float64Array, floor: number): Float64Array {
  if (floor <= 0) return pmf;
  const out = new Float64Array(pmf.length);
  const f = Math.min(floor, pmf.length - 1);
  for (let k = 0; k < pmf.length; k++) out[Math.max(k, f)]! += pmf[k]!;
  return out;
}

/** The distribution of N₁ + … + Nₙ for independent Nᵢ, capped at the pmfs' cap (0 for none). */
export function sumCapped(pmfs: readonly Float64Array[], cap: number): Float64Array {
  let acc = pointMass(0, cap);
  for (const pmf of pmfs) {
    const next = new Float64Array(cap + 1);
    for (let a = 0; a <= cap; a++) {
      const wa = acc[a]!;
      if (wa === 0) continue;
      for (let b = 0; b < pmf.length; b++) {
        const w = pmf[b]!;
        if (w !== 0) next[Math.min(cap, a + b)]! += wa * w;
      }
    }
    acc = next;
  }
  return acc;
}

/** E[N] (with the cap: E[min(N, 30)]). */
export function meanOf(pmf: Float64Array): number {
  return pmf.reduce((a, w, k) => a + w * k, 0);
}
