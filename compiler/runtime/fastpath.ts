/**
 * The fast path for complete facts, built at run time instead of shipped: one diagram whose leaves
 * name the decision leaf and the rules that hold, the product of an epoch's decision diagram and its
 * per-rule diagrams. It is grown lazily: a node is made the first time a case reaches it, so no
 * call pays for the whole product, and only the paths that cases take are ever built. A complete
 * decision is then one walk down a flat Int32Array. The module stays small.
 */
import type { TableEpoch, Tables } from './tables.ts';

/** A child no case has reached yet. */
export const UNBUILT = 0x7fffffff;

/**
 * A lazily grown product diagram in one Int32Array: the node at offset o tests fact `data[o]`, its
 * state is `states[data[o + 1]]` (the current node of every diagram, the decision diagram first),
 * and its child for value v is `data[o + 2 + v]` (UNBUILT until reached). A leaf is `-1 - i` into `leaves`.
 * The generated module's validator steps down `data` while it assigns facts (generate/module.ts),
 * so this layout is part of the module's contract with the runtime it embeds.
 */
export interface FastPath {
  tables: Tables;
  data: Int32Array;
  size: number;
  states: (readonly number[])[];
  root: number;
  memo: Map<string, number>;
  /** Per leaf: the leaf of the decision diagram and the rules that decide, ascending. */
  leaves: { terminal: number; rules: number[] }[];
  leafIds: Map<string, number>;
}

/** The id of the product node (or leaf) for a state. */
function nodeFor(fast: FastPath, state: readonly number[]): number {
  const key = state.join(',');
  const hit = fast.memo.get(key);
  if (hit !== undefined) return hit;
  const { tables } = fast;
  let fact = Infinity;
  for (const h of state) if (h >= 0 && tables.nodes[h]![0]! < fact) fact = tables.nodes[h]![0]!;
  let id: number;
  if (fact === Infinity) {
    const terminal = -1 - state[0]!;
    const rules: number[] = [];
    for (let i = 1; i < state.length; i++) if ((tables.terminals[-1 - state[i]!] as { v?: boolean }).v === true) rules.push(i - 1);
    const leafKey = `${terminal}:${rules.join(',')}`;
    let leaf = fast.leafIds.get(leafKey);
    if (leaf === undefined) {
      leaf = fast.leaves.push({ terminal, rules }) - 1;
      fast.leafIds.set(leafKey, leaf);
    }
    id = -1 - leaf;
  } else {
    const width = 2 + tables.facts[fact]!.values.length;
    if (fast.size + width > fast.data.length) {
      const grown = new Int32Array(Math.max(fast.data.length * 2, fast.size + width));
      grown.set(fast.data);
      fast.data = grown;
    }
    id = fast.size;
    fast.data[id] = fact;
    fast.data[id + 1] = fast.states.push(state) - 1;
    fast.data.fill(UNBUILT, id + 2, id + width);
    fast.size += width;
  }
  fast.memo.set(key, id);
  return id;
}

/** An empty fast path of one epoch: `newFastPath(tables, tables.epochs[0])`. */
export function newFastPath(tables: Tables, epoch: TableEpoch): FastPath {
  const fast: FastPath = { tables, data: new Int32Array(1024), size: 0, states: [], root: 0, memo: new Map(), leaves: [], leafIds: new Map() };
  fast.root = nodeFor(fast, [epoch.decision, ...epoch.decides]);
  return fast;
}

/** Builds the child of node `h` for value `v`, which no case reached before. */
function grow(fast: FastPath, h: number, v: number): number {
  const nodes = fast.tables.nodes;
  const fact = fast.data[h]!;
  const state = fast.states[fast.data[h + 1]!]!;
  const next = nodeFor(fast, state.map((k) => (k >= 0 && nodes[k]![0] === fact ? nodes[k]![1 + v]! : k)));
  fast.data[h + 2 + v] = next;
  return next;
}

/**
 * The leaf a complete assignment reaches from node `from` (the root, or a node that the facts'
 * own values lead to), building the nodes on its way that no case reached before.
 */
export function followFast(fast: FastPath, assignment: Int32Array, from: number = fast.root): number {
  let h = from;
  let data = fast.data;
  while (h >= 0) {
    const v = assignment[data[h]!]!;
    const next = data[h + 2 + v]!;
    if (next === UNBUILT) {
      h = grow(fast, h, v);
      data = fast.data;
    } else h = next;
  }
  return -1 - h;
}
