/**
 * A small seeded PRNG, for the demo data and the mastery fit's random restarts: sfc32 (Chris
 * Doty-Humphrey's "small fast counting" generator), seeded through splitmix32. It is ours rather
 * than Math.random because the demo must be byte-identical for the same seed, and cheap because it
 * runs ~50 times per statement.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex8(x: number): string {
  return (HEX[(x >>> 24) & 255] as string) + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

function hex4(x: number): string {
  return (HEX[(x >>> 8) & 255] as string) + HEX[x & 255];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the 128-bit state, so seeds 1 and 2 diverge at once.
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32 random bits as an unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error("pick from an empty list");
    return values[Math.floor(this.float() * values.length)] as T;
  }

  /** A key of `weights` drawn with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k];
    let x = this.float() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1] as K;
  }

  /** Roughly normal (Irwin–Hall of 4), clamped to [min, max]; enough for scores and durations. */
  normal(mean: number, sd: number, min: number, max: number): number {
    const z = (this.float() + this.float() + this.float() + this.float() - 2) * 1.732;
    return Math.min(max, Math.max(min, mean + z * sd));
  }

  /** `n` random lowercase hex digits (n ≤ 32), e.g. an Open edX block hash or session id. */
  hex(n: number): string {
    let out = "";
    while (out.length < n) out += hex8(this.uint32());
    return out.slice(0, n);
  }

  /** A version-4 UUID made of PRNG bits, so ids are reproducible. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const variant = (8 | (c >>> 30)).toString(16);
    return `${hex8(a)}-${hex4(b >>> 16)}-4${hex4(b & 0xfff).slice(1)}-${variant}${hex4((c >>> 16) & 0xfff).slice(1)}-${hex4(c & 0xffff)}${hex8(d)}`;
  }
}
