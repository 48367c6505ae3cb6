/**
 * A reduced, ordered multi-valued decision diagram (MDD) builder with hash-consing.
 *
 * Variables are fact indices, tested in index order. A handle >= 0 is an inner node; a handle < 0
 * is a terminal, `-1 - t`. Terminals are interned by a key, so equal leaves are one handle, and
 * `node()` never creates a node whose children are all equal or a duplicate of an existing node.
 * Under these two rules each function has exactly one diagram, which is what makes the engine exact:
 * two handles are equal exactly when the functions are, and every variable in a diagram matters.
 */

import { PairMemo } from './pair-memo.ts';

export type Handle = number;

/** Encodes terminal index t as a handle. */
export const terminalHandle = (t: number): Handle => -1 - t;
/** Decodes a terminal handle back to its index. */
export const terminalIndex = (h: Handle): number => -1 - h;

/** A typed array twice as long, with the old contents. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** What mapLeaves keeps between calls with one leaf function: its result per node and per leaf. */
export class MapMemo {
  /** Per node handle: 1 once its result is known, and the result. */
  known = new Uint8Array(0);
  results = new Int32Array(0);
  readonly leaves = new Map<Handle, Handle>();

  /** Makes room for `size` node handles, keeping what is known. */
  grow(size: number): void {
    const known = new Uint8Array(size);
    const results = new Int32Array(size);
    known.set(this.known);
    results.set(this.results);
    this.known = known;
    this.results = results;
  }
}

export class MddBuilder<T> {
  /** Per node: the variable it tests, the start of its children in `childData`, and its hash. */
  private varData = new Int32Array(1024);
  private childStart = new Int32Array(1024);
  private hashData = new Int32Array(1024);
  /** The children of every node, one run of `domains[v]` handles per node, in node order. */
  private childData = new Int32Array(4096);
  private childEnd = 0;
  private count = 0;
  readonly leaves: T[] = [];
  /** The unique table: open addressing over node handles + 1 (0 = empty slot). */
  private unique = new Int32Array(2048);
  private readonly leafKeys = new Map<string, Handle>();
  private readonly memo = new PairMemo();
  private applying = false;
  private readonly buffers: Handle[][] = [];
  /** mapLeaves' memo: the result per node, valid where the stamp is the current pass. */
  private mapStamp = new Int32Array(0);
  private mapMemo = new Int32Array(0);
  private mapPass = 0;
  /** mapLeaves' child buffers when it keeps its memo (see mapLeavesWith). */
  private readonly keptBuffers: Handle[][] = [];
  /** reachableLeaves' visited marks: the stamp of the walk that last visited each node. */
  private reachStamp = new Int32Array(0);
  private reachPass = 0;
  /** reachableLeaves' answers without `allowed`, by handle. */
  private readonly leavesBelow = new Map<Handle, ReadonlySet<Handle>>();

  /** `new MddBuilder(domainSizes, keyOf)`: one domain size per variable, and a key for leaf equality. */
  constructor(
    readonly domains: readonly number[],
    private readonly keyOf: (leaf: T) => string,
  ) {}

  /** The number of inner nodes built so far. */
  get size(): number {
    return this.count;
  }

  /** The variable a node tests. */
  variable(h: Handle): number {
    return this.varData[h]!;
  }

  /** Child `i` of a node (for value index i of its variable). */
  child(h: Handle, i: number): Handle {
    return this.childData[this.childStart[h]! + i]!;
  }

  /** The children of a node, as a fresh array. */
  children(h: Handle): Handle[] {
    const start = this.childStart[h]!;
    return Array.from(this.childData.subarray(start, start + this.domains[this.varData[h]!]!));
  }

  /** The handle of a leaf value (interned by key). */
  leaf(value: T): Handle {
    const key = this.keyOf(value);
    let h = this.leafKeys.get(key);
    if (h === undefined) {
      this.leaves.push(value);
      h = terminalHandle(this.leaves.length - 1);
      this.leafKeys.set(key, h);
    }
    return h;
  }

  /** The leaf value of a terminal handle. */
  value(h: Handle): T {
    return this.leaves[terminalIndex(h)]!;
  }

  /** The reduced node testing `v` with these children (copied into the builder's store when new). */
  node(v: number, children: readonly Handle[]): Handle {
    const first = children[0]!;
    const n = children.length;
    let hash = (v + 1) | 0;
    let allEqual = true;
    for (let k = 0; k < n; k++) {
      const c = children[k]!;
      if (c !== first) allEqual = false;
      hash = (Math.imul(hash ^ c, 0x9e3779b1) + 0x7f4a7c15) | 0;
    }
    if (allEqual) return first;
    const mask = this.unique.length - 1;
    let i = hash & mask;
    for (let slot = this.unique[i]!; slot !== 0; slot = this.unique[i]!) {
      const h = slot - 1;
      if (this.varData[h] === v && this.sameChildren(h, children)) return h;
      i = (i + 1) & mask;
    }
    const h = this.count++;
    if (h === this.varData.length) {
      this.varData = grown(this.varData);
      this.childStart = grown(this.childStart);
      this.hashData = grown(this.hashData);
    }
    while (this.childEnd + n > this.childData.length) this.childData = grown(this.childData);
    this.varData[h] = v;
    this.hashData[h] = hash;
    this.childStart[h] = this.childEnd;
    for (let k = 0; k < n; k++) this.childData[this.childEnd + k] = children[k]!;
    this.childEnd += n;
    this.unique[i] = h + 1;
    if (this.count * 2 > this.unique.length) this.growUnique();
    return h;
  }

  private sameChildren(h: Handle, children: readonly Handle[]): boolean {
    const start = this.childStart[h]!;
    for (let k = 0; k < children.length; k++) if (this.childData[start + k] !== children[k]) return false;
    return true;
  }

  /** Doubles the unique table and re-inserts every node by its stored hash. */
  private growUnique(): void {
    this.unique = new Int32Array(this.unique.length * 2);
    const mask = this.unique.length - 1;
    for (let h = 0; h < this.count; h++) {
      let i = this.hashData[h]! & mask;
      while (this.unique[i] !== 0) i = (i + 1) & mask;
      this.unique[i] = h + 1;
    }
  }

  /**
   * Combines two diagrams leaf by leaf: `apply(a, b, (x, y) => leafHandle)`. `shortcut(a, b)`, when
   * given, may answer a step at once where one side is a leaf (or both sides are the same) and the
   * answer does not depend on the other side, e.g. `and(F, b) = F` or `and(T, b) = b`; it must give
   * exactly what the walk would, or undefined. It saves walking b, whose nodes all exist already.
   */
  apply(a: Handle, b: Handle, op: (x: Handle, y: Handle) => Handle, memo?: PairMemo, shortcut?: (a: Handle, b: Handle) => Handle | undefined): Handle {
    if (a < 0 && b < 0) return op(a, b);
    if (shortcut && (a < 0 || b < 0 || a === b)) {
      const known = shortcut(a, b);
      if (known !== undefined) return known;
    }
    if (!memo) {
      // A top-level call reuses the builder's memo and child buffers, so operations must not call apply.
      if (this.applying) throw new Error('internal: MddBuilder.apply called from inside an apply operation');
      this.applying = true;
      this.memo.clear();
      try {
        return this.apply(a, b, op, this.memo, shortcut);
      } finally {
        this.applying = false;
      }
    }
    const hit = memo.get(a, b);
    if (hit !== undefined) return hit;
    // A terminal tests no variable: it sorts after every one (a small integer, unlike Infinity, keeps this code on integers).
    const va = a < 0 ? 0x7fffffff : this.varData[a]!;
    const vb = b < 0 ? 0x7fffffff : this.varData[b]!;
    const v = va < vb ? va : vb;
    const size = this.domains[v]!;
    // One buffer per variable: recursive calls only visit later variables, so it is never shared.
    const children = (this.buffers[v] ??= new Array<Handle>(size));
    // Where the children start (-1: the handle stays as it is on this variable's values).
    const sa = va === v ? this.childStart[a]! : -1;
    const sb = vb === v ? this.childStart[b]! : -1;
    for (let i = 0; i < size; i++) {
      // Read the store afresh each time: a recursive call may have grown it.
      const ca = sa < 0 ? a : this.childData[sa + i]!;
      const cb = sb < 0 ? b : this.childData[sb + i]!;
      children[i] = this.apply(ca, cb, op, memo, shortcut);
    }
    const result = this.node(v, children);
    memo.set(a, b, result);
    return result;
  }

  /**
   * Replaces every leaf through `f` (a leaf-to-handle map), re-reducing on the way up. A memo
   * (`kept`, see MapMemo) kept between calls with the same `f` makes a later call walk only new nodes.
   */
  mapLeaves(h: Handle, f: (leaf: Handle) => Handle, kept?: MapMemo): Handle {
    if (kept) return this.mapLeavesWith(h, f, kept);
    if (h < 0) return f(h);
    // A memo over the nodes that exist now (the walk only meets those), stamped per call.
    if (this.mapStamp.length < this.count) {
      this.mapStamp = new Int32Array(this.varData.length);
      this.mapMemo = new Int32Array(this.varData.length);
    }
    const pass = ++this.mapPass;
    const stamp = this.mapStamp;
    const memo = this.mapMemo;
    const leaves = new Map<Handle, Handle>();
    const buffers: Handle[][] = [];
    const walk = (x: Handle): Handle => {
      if (x < 0) {
        let y = leaves.get(x);
        if (y === undefined) leaves.set(x, (y = f(x)));
        return y;
      }
      if (stamp[x] === pass) return memo[x]!;
      const v = this.varData[x]!;
      const size = this.domains[v]!;
      const start = this.childStart[x]!;
      // One buffer per variable: the walk below only meets later variables.
      const children = (buffers[v] ??= new Array<Handle>(size));
      for (let i = 0; i < size; i++) children[i] = walk(this.childData[start + i]!);
      const result = this.node(v, children);
      stamp[x] = pass;
      memo[x] = result;
      return result;
    };
    return walk(h);
  }

  private mapLeavesWith(h: Handle, f: (leaf: Handle) => Handle, memo: MapMemo): Handle {
    if (h < 0) {
      let result = memo.leaves.get(h);
      if (result === undefined) memo.leaves.set(h, (result = f(h)));
      return result;
    }
    if (memo.known.length < this.count) memo.grow(this.varData.length);
    if (memo.known[h] === 1) return memo.results[h]!;
    const v = this.varData[h]!;
    const size = this.domains[v]!;
    // One buffer per variable: the walk below only meets later variables.
    const children = (this.keptBuffers[v] ??= new Array<Handle>(size));
    for (let i = 0; i < size; i++) children[i] = this.mapLeavesWith(this.childData[this.childStart[h]! + i]!, f, memo);
    const result = this.node(v, children);
    memo.known[h] = 1;
    memo.results[h] = result;
    return result;
  }

  /**
   * The leaves reachable from a handle, in the order a depth-first walk meets them, optionally only
   * through the values `allowed(variable)` lists. Without `allowed` the answer is kept: diagrams never change.
   */
  reachableLeaves(h: Handle, allowed?: (v: number) => ReadonlySet<number> | undefined): ReadonlySet<Handle> {
    const kept = allowed ? undefined : this.leavesBelow.get(h);
    if (kept) return kept;
    const out = new Set<Handle>();
    // Visited nodes carry this walk's stamp (the array is shared by every walk and grows with the store).
    if (this.reachStamp.length < this.count) this.reachStamp = new Int32Array(this.varData.length);
    const seen = this.reachStamp;
    const pass = ++this.reachPass;
    const walk = (x: Handle): void => {
      if (x < 0) {
        out.add(x);
        return;
      }
      if (seen[x] === pass) return;
      seen[x] = pass;
      const values = allowed?.(this.varData[x]!);
      const size = this.domains[this.varData[x]!]!;
      for (let value = 0; value < size; value++) if (!values || values.has(value)) walk(this.child(x, value));
    };
    walk(h);
    if (!allowed) this.leavesBelow.set(h, out);
    return out;
  }
}
