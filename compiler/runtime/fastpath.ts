/**
 * The fast path for complete facts, built at run time instead of shipped: one diagram whose leaves
 * name the decision leaf and the rules that hold, made from the decision diagram and the per-rule
 * diagrams of one epoch (their product, reduced). A complete decision is then one walk down a flat
 * Int32Array. The module stays small; a process that decides many cases pays the build once.
 */
import type { TableEpoch, Tables } from './tables.ts';

/** A flat diagram: node ids are offsets into `nodes` ([fact, child per value…]); a leaf is `-1 - i`. */
export interface FastPath {
  nodes: Int32Array;
  root: number;
  /** Per leaf: the leaf of the decision diagram and the rules that decide, ascending. */
  leaves: { terminal: number; rules: number[] }[];
}

/** Builds the fast path of one epoch: `buildFastPath(tables, tables.epochs[0])`. */
export function buildFastPath(tables: Tables, epoch: TableEpoch): FastPath {
  const nodes: number[] = [];
  const leaves: FastPath['leaves'] = [];
  const leafIds = new Map<string, number>();
  const unique = new Map<string, number>();
  const memo = new Map<string, number>();
  const holds = (h: number): boolean => (tables.terminals[-1 - h] as { v?: boolean }).v === true;
  const leaf = (state: readonly number[]): number => {
    const terminal = -1 - state[0]!;
    const rules: number[] = [];
    for (let i = 1; i < state.length; i++) if (holds(state[i]!)) rules.push(i - 1);
    const key = `${terminal}:${rules.join(',')}`;
    let id = leafIds.get(key);
    if (id === undefined) {
      id = leaves.push({ terminal, rules }) - 1;
      leafIds.set(key, id);
    }
    return -1 - id;
  };
  // A state is the current node of every diagram (the decision diagram first); facts are tested in order.
  const go = (state: readonly number[]): number => {
    const key = state.join(',');
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let fact = Infinity;
    for (const h of state) if (h >= 0 && tables.nodes[h]![0]! < fact) fact = tables.nodes[h]![0]!;
    let result: number;
    if (fact === Infinity) result = leaf(state);
    else {
      const kids = tables.facts[fact]!.values.map((_, v) => go(state.map((h) => (h >= 0 && tables.nodes[h]![0] === fact ? tables.nodes[h]![1 + v]! : h))));
      if (kids.every((k) => k === kids[0])) result = kids[0]!;
      else {
        const nodeKey = `${fact}:${kids.join(',')}`;
        const id = unique.get(nodeKey);
        if (id !== undefined) result = id;
        else {
          result = nodes.length;
          nodes.push(fact, ...kids);
          unique.set(nodeKey, result);
        }
      }
    }
    memo.set(key, result);
    return result;
  };
  const root = go([epoch.decision, ...epoch.decides]);
  return { nodes: Int32Array.from(nodes), root, leaves };
}

/** The leaf index a complete assignment reaches: `followFast(fast, assignment)`. */
export function followFast(fast: FastPath, assignment: Int32Array): number {
  const nodes = fast.nodes;
  let h = fast.root;
  while (h >= 0) h = nodes[h + 1 + assignment[nodes[h]!]!]!;
  return -1 - h;
}
