/**
 * The fast path for complete facts, built at run time instead of shipped: one diagram whose leaves
 * name the decision leaf and the rules that hold, the product of an epoch's decision diagram and its
 * per-rule diagrams. It is grown lazily: a node is made the first time a case reaches it, so no
 * call pays for the whole product, and only the paths that cases take are ever built. A complete
 * decision is then one walk down it. The module stays small.
 */
import type { TableEpoch, Tables } from './tables.ts';

const UNBUILT = 0x7fffffff;

/** One node of the product: the fact it tests, its children (UNBUILT until reached) and the state it stands for. */
interface ProductNode {
  fact: number;
  kids: Int32Array;
  state: readonly number[];
}

/** A lazily grown product diagram: node ids index `nodes`; a leaf is `-1 - i` into `leaves`. */
export interface FastPath {
  tables: Tables;
  nodes: ProductNode[];
  root: number;
  memo: Map<string, number>;
  /** Per leaf: the leaf of the decision diagram and the rules that decide, ascending. */
  leaves: { terminal: number; rules: number[] }[];
  leafIds: Map<string, number>;
}

/** The id of the product node (or leaf) for a state: the current node of every diagram, the decision diagram first. */
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
    id = fast.nodes.push({ fact, kids: new Int32Array(tables.facts[fact]!.values.length).fill(UNBUILT), state }) - 1;
  }
  fast.memo.set(key, id);
  return id;
}

/** An empty fast path of one epoch: `newFastPath(tables, tables.epochs[0])`. */
export function newFastPath(tables: Tables, epoch: TableEpoch): FastPath {
  const fast: FastPath = { tables, nodes: [], root: 0, memo: new Map(), leaves: [], leafIds: new Map() };
  fast.root = nodeFor(fast, [epoch.decision, ...epoch.decides]);
  return fast;
}

/** The leaf a complete assignment reaches, building the nodes on its way that no case reached before. */
export function followFast(fast: FastPath, assignment: Int32Array): number {
  let h = fast.root;
  while (h >= 0) {
    const node = fast.nodes[h]!;
    const v = assignment[node.fact]!;
    let next = node.kids[v]!;
    if (next === UNBUILT) {
      const nodes = fast.tables.nodes;
      next = node.kids[v] = nodeFor(fast, node.state.map((k) => (k >= 0 && nodes[k]![0] === node.fact ? nodes[k]![1 + v]! : k)));
    }
    h = next;
  }
  return -1 - h;
}
