import { Random } from "@/lib/random";
import type { BktParams } from "./params";

/**
 * Attempt sequences drawn from the BKT model itself, from a seed: data whose true parameters are
 * known, for checking that a fit recovers them.
 */
export function simulateSequences(p: BktParams, users: number, attempts: number, seed: number): boolean[][] {
  const random = new Random(seed);
  return Array.from({ length: users }, () => {
    let learned = random.chance(p.prior);
    return Array.from({ length: attempts }, () => {
      const correct = random.chance(learned ? 1 - p.slip : p.guess);
      learned = learned ? !random.chance(p.forget) : random.chance(p.learn);
      return correct;
    });
  });
}
