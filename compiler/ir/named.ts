/**
 * Where the leaves of one diagram name a rule, for many rules at once: for each rule r, the truth
 * diagram of `mapLeaves(root, leaf => rulesOf(leaf).includes(r) ? T : F)`, exactly (the same reduced diagram),
 * without walking all of `root` once per rule. One bottom-up pass per block of 32 rules marks, for
 * every node, the rules named by some leaf below it and those named by every leaf below it; a rule's
 * walk then stops at once where it is named nowhere below (F) or everywhere below (T).
 */
import type { Handle, MddBuilder } from './mdd.ts';

/** The nodes reachable from `root`, children before parents. */
function postOrder<T>(builder: MddBuilder<T>, root: Handle): number[] {
  const order: number[] = [];
  if (root < 0) return order;
  const seen = new Uint8Array(builder.size);
  const stack: number[] = [root, 0];
  seen[root] = 1;
  while (stack.length > 0) {
    const h = stack[stack.length - 2]!;
    const i = stack[stack.length - 1]!;
    if (i === builder.domains[builder.variable(h)]!) {
      stack.length -= 2;
      order.push(h);
      continue;
    }
    stack[stack.length - 1] = i + 1;
    const c = builder.child(h, i);
    if (c >= 0 && seen[c] === 0) {
      seen[c] = 1;
      stack.push(c, 0);
    }
  }
  return order;
}

/** Per rule of `rules`: the diagram that is T where a leaf of `root` names it (`rulesOf(leaf)` has it), else F. */
export function namedDiagrams<T>(builder: MddBuilder<T>, root: Handle, rules: readonly number[], rulesOf: (leaf: Handle) => readonly number[], T: Handle, F: Handle): Handle[] {
  const order = postOrder(builder, root);
  const local = new Int32Array(builder.size).fill(-1);
  order.forEach((h, k) => (local[h] = k));
  const may = new Int32Array(order.length);
  const must = new Int32Array(order.length);
  const memo = new Int32Array(order.length);
  const stamp = new Int32Array(order.length);
  const buffers: Handle[][] = [];
  const out: Handle[] = [];
  for (let first = 0; first < rules.length; first += 32) {
    const block = rules.slice(first, first + 32);
    const bitOf = new Map(block.map((r, j) => [r, 1 << j]));
    // Per leaf (by terminal index): its mask of the block's rules, valid where the stamp is this block's.
    const leafMasks = new Int32Array(builder.leaves.length);
    const leafStamps = new Uint8Array(builder.leaves.length);
    const leafMask = (leaf: Handle): number => {
      const t = -1 - leaf;
      if (leafStamps[t] === 1) return leafMasks[t]!;
      let m = 0;
      for (const r of rulesOf(leaf)) m |= bitOf.get(r) ?? 0;
      leafMasks[t] = m;
      leafStamps[t] = 1;
      return m;
    };
    for (let k = 0; k < order.length; k++) {
      const h = order[k]!;
      const size = builder.domains[builder.variable(h)]!;
      let any = 0;
      let all = -1;
      for (let i = 0; i < size; i++) {
        const c = builder.child(h, i);
        const m = c < 0 ? leafMask(c) : may[local[c]!]!;
        any |= m;
        all &= c < 0 ? m : must[local[c]!]!;
      }
      may[k] = any;
      must[k] = all;
    }
    for (let j = 0; j < block.length; j++) {
      const bit = 1 << j;
      const pass = first + j + 1;
      const walk = (h: Handle): Handle => {
        if (h < 0) return leafMask(h) & bit ? T : F;
        const k = local[h]!;
        if ((may[k]! & bit) === 0) return F;
        if ((must[k]! & bit) !== 0) return T;
        if (stamp[k] === pass) return memo[k]!;
        const v = builder.variable(h);
        const size = builder.domains[v]!;
        // One buffer per variable: the walk below only meets later variables.
        const children = (buffers[v] ??= new Array<Handle>(size));
        for (let i = 0; i < size; i++) children[i] = walk(builder.child(h, i));
        const result = builder.node(v, children);
        stamp[k] = pass;
        memo[k] = result;
        return result;
      };
      out.push(walk(root));
    }
  }
  return out;
}
