/**
 * Where the leaves of a diagram name a rule, for many rules at once: for each rule r, the truth
 * diagram of `mapLeaves(root, leaf => rulesOf(leaf).includes(r) ? T : F)`, exactly (the same reduced diagram),
 * without walking all of `root` once per rule. One bottom-up pass marks, for every node and every
 * block of 32 rules, the rules named by some leaf below it and those named by every leaf below it; a
 * rule's walk then stops at once where it is named nowhere below (F) or everywhere below (T).
 *
 * The marks and each rule's result depend on the node alone, not on the root, so they are kept
 * between calls: the diagram of a later epoch, which shares most nodes with the one before, only
 * costs its new nodes.
 */
import type { Handle, MddBuilder } from './mdd.ts';
import { PairMemo } from './pair-memo.ts';

/** A typed array at least `size` long (doubling), with the old contents. */
function atLeast<A extends Int32Array | Uint8Array>(a: A, size: number, make: (n: number) => A): A {
  if (a.length >= size) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** The diagrams where leaves name each of a fixed list of rules, over one builder, for any number of roots. */
export class NamedDiagrams<T> {
  private readonly blocks: number;
  /** Per node and block (index `node * blocks + block`): the block's rules named by some leaf below, and by every leaf below. */
  private may = new Int32Array(0);
  private must = new Int32Array(0);
  /** Per node: 1 once its marks are known. */
  private marked = new Uint8Array(0);
  /** Per leaf (terminal index) and block: the block's rules it names; `leafKnown` says which are computed. */
  private leafMasks = new Int32Array(0);
  private leafKnown = new Uint8Array(0);
  private readonly positions: Map<number, number>;
  /** A rule's result per node: (node, position of the rule in `rules`) → handle. */
  private readonly results = new PairMemo(4096);
  private readonly buffers: Handle[][] = [];

  /** `new NamedDiagrams(builder, rules, rulesOf, T, F)`: `rulesOf(leaf)` lists the rules a leaf names. */
  constructor(
    private readonly builder: MddBuilder<T>,
    private readonly rules: readonly number[],
    private readonly rulesOf: (leaf: Handle) => readonly number[],
    private readonly T: Handle,
    private readonly F: Handle,
  ) {
    this.blocks = Math.ceil(rules.length / 32);
    this.positions = new Map(rules.map((r, k) => [r, k]));
  }

  /** Per rule of the list: the diagram that is T where a leaf of `root` names it, else F. */
  of(root: Handle): Handle[] {
    this.mark(root);
    return this.rules.map((_, k) => this.walk(root, k));
  }

  /** The marks of leaf `h` for block `block`. */
  private leafMask(h: Handle, block: number): number {
    const t = -1 - h;
    if (t >= this.leafKnown.length) {
      const size = this.builder.leaves.length;
      this.leafKnown = atLeast(this.leafKnown, size, (n) => new Uint8Array(n));
      this.leafMasks = atLeast(this.leafMasks, size * this.blocks, (n) => new Int32Array(n));
    }
    if (this.leafKnown[t] === 0) {
      for (const r of this.rulesOf(h)) {
        const k = this.positions.get(r);
        if (k !== undefined) this.leafMasks[t * this.blocks + (k >> 5)]! |= 1 << (k & 31);
      }
      this.leafKnown[t] = 1;
    }
    return this.leafMasks[t * this.blocks + block]!;
  }

  /** Computes the marks of every node below `root` that has none yet, children before parents. */
  private mark(root: Handle): void {
    if (root < 0) return;
    const { builder, blocks } = this;
    const size = builder.size;
    this.marked = atLeast(this.marked, size, (n) => new Uint8Array(n));
    this.may = atLeast(this.may, size * blocks, (n) => new Int32Array(n));
    this.must = atLeast(this.must, size * blocks, (n) => new Int32Array(n));
    const { marked, may, must } = this;
    if (marked[root] === 1) return;
    // An iterative post-order over unmarked nodes: (node, next child) pairs; a marked child is done already.
    const stack: number[] = [root, 0];
    while (stack.length > 0) {
      const h = stack[stack.length - 2]!;
      const i = stack[stack.length - 1]!;
      const width = builder.domains[builder.variable(h)]!;
      if (i < width) {
        stack[stack.length - 1] = i + 1;
        const c = builder.child(h, i);
        if (c >= 0 && marked[c] === 0) stack.push(c, 0);
        continue;
      }
      stack.length -= 2;
      for (let block = 0; block < blocks; block++) {
        let any = 0;
        let all = -1;
        for (let k = 0; k < width; k++) {
          const c = builder.child(h, k);
          const m = c < 0 ? this.leafMask(c, block) : may[c * blocks + block]!;
          any |= m;
          all &= c < 0 ? m : must[c * blocks + block]!;
        }
        may[h * blocks + block] = any;
        must[h * blocks + block] = all;
      }
      marked[h] = 1;
    }
  }

  /** Rule k's diagram below node or leaf h (whose marks are known). */
  private walk(h: Handle, k: number): Handle {
    const block = k >> 5;
    const bit = 1 << (k & 31);
    if (h < 0) return this.leafMask(h, block) & bit ? this.T : this.F;
    const at = h * this.blocks + block;
    if ((this.may[at]! & bit) === 0) return this.F;
    if ((this.must[at]! & bit) !== 0) return this.T;
    const known = this.results.get(h, k);
    if (known !== undefined) return known;
    const { builder } = this;
    const v = builder.variable(h);
    const width = builder.domains[v]!;
    // One buffer per variable: the walk below only meets later variables.
    const children = (this.buffers[v] ??= new Array<Handle>(width));
    for (let i = 0; i < width; i++) children[i] = this.walk(builder.child(h, i), k);
    const result = builder.node(v, children);
    this.results.set(h, k, result);
    return result;
  }
}
