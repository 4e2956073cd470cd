/**
 * Who is enrolled where, computed from a learner's index so the generator keeps no roster in
 * memory. Courses are indexed as in the catalog: 0 small (40), 1 medium (500), 2 large (`learners`).
 * Part of each smaller course also takes the large one, spread evenly over it; learner 0 (and
 * every learner at a multiple of both strides) takes all three.
 */

export const SMALL_SIZE = 40;
export const MEDIUM_SIZE = 500;

export interface Population {
  /** Learners per course, in catalog order. */
  sizes: readonly [small: number, medium: number, large: number];
  /** Distinct learners. */
  total: number;
  /** Catalog indexes of the courses learner `i` is enrolled in. */
  coursesOf(i: number): number[];
}

export function population(learners: number): Population {
  const large = learners;
  const medium = Math.min(MEDIUM_SIZE, large);
  const small = Math.min(SMALL_SIZE, large);
  const shared = (size: number, share: number): { count: number; stride: number } => {
    const count = Math.min(Math.floor(size * share), large);
    return { count, stride: count > 0 ? Math.floor(large / count) : 0 };
  };
  const m = shared(medium, 0.6);
  const s = shared(small, 0.5);
  const inShared = (i: number, x: { count: number; stride: number }): boolean =>
    x.count > 0 && i % x.stride === 0 && i / x.stride < x.count;
  const mediumOnly = medium - m.count;
  const smallOnly = small - s.count;
  return {
    sizes: [small, medium, large],
    total: large + mediumOnly + smallOnly,
    coursesOf(i: number): number[] {
      if (i < large) {
        const out: number[] = [];
        if (inShared(i, s)) out.push(0);
        if (inShared(i, m)) out.push(1);
        out.push(2);
        return out;
      }
      return i < large + mediumOnly ? [1] : [0];
    },
  };
}
