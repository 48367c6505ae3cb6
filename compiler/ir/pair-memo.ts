/**
 * A memo from ordered pairs of handles to a handle, as an open-addressing hash table in typed
 * arrays. Building diagrams looks pairs up millions of times; a Map keyed by a combined number would
 * box every key above 2^31 and keep the garbage collector busy. `clear()` is O(1) (a generation
 * stamp), so one memo can serve every top-level `apply` of a builder.
 */
import type { Handle } from './mdd.ts';

export class PairMemo {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private stamps: Int32Array;
  private generation = 1;
  private size = 0;

  /** `new PairMemo(1024)`: an empty memo; its capacity (a power of two) doubles when half full. */
  constructor(capacity = 1024) {
    this.keysA = new Int32Array(capacity);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.stamps = new Int32Array(capacity);
  }

  /** Forgets every pair. */
  clear(): void {
    this.generation++;
    this.size = 0;
  }

  private slot(a: Handle, b: Handle): number {
    const mask = this.keysA.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
    while (this.stamps[i] === this.generation && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** The handle stored for (a, b), or undefined. */
  get(a: Handle, b: Handle): Handle | undefined {
    const i = this.slot(a, b);
    return this.stamps[i] === this.generation ? this.values[i] : undefined;
  }

  /** Stores the handle for (a, b). */
  set(a: Handle, b: Handle, value: Handle): void {
    if ((this.size + 1) * 2 > this.keysA.length) this.grow();
    const i = this.slot(a, b);
    if (this.stamps[i] !== this.generation) this.size++;
    this.stamps[i] = this.generation;
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.values[i] = value;
  }

  private grow(): void {
    const { keysA, keysB, values, stamps, generation } = this;
    const capacity = keysA.length * 2;
    this.keysA = new Int32Array(capacity);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.stamps = new Int32Array(capacity);
    this.generation = 1;
    this.size = 0;
    for (let i = 0; i < keysA.length; i++) if (stamps[i] === generation) this.set(keysA[i]!, keysB[i]!, values[i]!);
  }
}
