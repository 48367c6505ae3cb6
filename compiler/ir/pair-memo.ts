/**
 * A memo from ordered pairs of handles to a handle, as an open-addressing hash table in one typed
 * array. Building diagrams looks pairs up millions of times; a Map keyed by a combined number would
 * box every key above 2^31 and keep the garbage collector busy. Each slot is four words (stamp, a,
 * b, value), so a probe reads one cache line. `clear()` is O(1) (a generation stamp), so one memo
 * can serve every top-level `apply` of a builder.
 */
import type { Handle } from './mdd.ts';

export class PairMemo {
  /** Slot i is words 4i..4i+3: its generation stamp, key a, key b and value. */
  private table: Int32Array;
  private mask: number;
  private generation = 1;
  private size = 0;

  /** `new PairMemo(1024)`: an empty memo; its capacity (a power of two) doubles when half full. */
  constructor(capacity = 1024) {
    this.table = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  /** Forgets every pair. */
  clear(): void {
    this.generation++;
    this.size = 0;
  }

  /** The word index of the slot of (a, b): where it is stored, or the free slot where it would go. */
  private slot(a: Handle, b: Handle): number {
    const { table, mask, generation } = this;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
    while (table[i * 4] === generation && (table[i * 4 + 1] !== a || table[i * 4 + 2] !== b)) i = (i + 1) & mask;
    return i * 4;
  }

  /** The handle stored for (a, b), or undefined. */
  get(a: Handle, b: Handle): Handle | undefined {
    const at = this.slot(a, b);
    return this.table[at] === this.generation ? this.table[at + 3] : undefined;
  }

  /** Stores the handle for (a, b). */
  set(a: Handle, b: Handle, value: Handle): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const at = this.slot(a, b);
    const { table } = this;
    if (table[at] !== this.generation) this.size++;
    table[at] = this.generation;
    table[at + 1] = a;
    table[at + 2] = b;
    table[at + 3] = value;
  }

  /** Doubles the capacity and re-inserts the pairs of the current generation. */
  private grow(): void {
    const old = this.table;
    const generation = this.generation;
    this.table = new Int32Array(old.length * 2);
    this.mask = old.length / 2 - 1;
    this.generation = 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] !== generation) continue;
      const to = this.slot(old[at + 1]!, old[at + 2]!);
      this.table[to] = 1;
      this.table[to + 1] = old[at + 1]!;
      this.table[to + 2] = old[at + 2]!;
      this.table[to + 3] = old[at + 3]!;
    }
  }
}
