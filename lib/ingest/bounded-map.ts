/**
 * A lookup cache that never holds more than `limit` entries, so an import of millions of lines
 * keeps flat memory. Two generations: when the young one is full the old one is dropped whole and
 * the young one ages, and a hit in the old generation moves back to the young. (Evicting one
 * oldest entry at a time is slow on a V8 Map: the deleted slots at its front are rescanned.)
 */
export class BoundedMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(limit: number) {
    this.half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /** Entries held, counting a key present in both generations twice; at most the limit. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
