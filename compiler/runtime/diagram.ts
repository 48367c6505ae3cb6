/**
 * Queries on a frozen decision diagram (tables.ts): follow total facts, restrict to partial facts,
 * and read the support (the facts that still matter) and the reachable leaves. Browser-safe, no
 * dependencies. Restriction never changes the tables: new nodes live in a scratch store that is
 * dropped after the query, and are first looked up among the frozen nodes so that the result stays
 * canonical (reduced), which is what makes `support` exact.
 */
import type { Tables } from './tables.ts';

/** A restricted diagram: a root plus the scratch nodes it may point to (ids >= tables.nodes.length). */
export interface Restricted {
  root: number;
  node(id: number): readonly number[];
  /** The facts the restricted diagram depends on, in fact order. */
  support(): number[];
}

const UNKNOWN = -1;

/** Follows a total assignment from `root` to its terminal index. */
export function follow(tables: Tables, root: number, assignment: Int32Array): number {
  let h = root;
  while (h >= 0) {
    const n = tables.nodes[h]!;
    h = n[1 + assignment[n[0]!]!]!;
  }
  return -1 - h;
}

/** A hash of a node (its fact and children), for finding equal nodes without building string keys. */
function hashNode(n: readonly number[]): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n.length; i++) h = (Math.imul(h ^ n[i]!, 0x9e3779b1) + 0x7f4a7c15) | 0;
  return h;
}

function sameNode(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const uniqueIndexes = new WeakMap<Tables, Map<number, number[]>>();

/** The frozen nodes by hash: equal nodes are looked up here first, so restricted diagrams stay canonical. */
function uniqueIndex(tables: Tables): Map<number, number[]> {
  let index = uniqueIndexes.get(tables);
  if (!index) {
    index = new Map();
    tables.nodes.forEach((n, i) => {
      const h = hashNode(n);
      const bucket = index!.get(h);
      if (bucket) bucket.push(i);
      else index!.set(h, [i]);
    });
    uniqueIndexes.set(tables, index);
  }
  return index;
}

/** Per pack, a memo of restricted nodes reused by every call: valid where `stamp` holds the call's number. */
interface RestrictScratch {
  memo: Int32Array;
  stamp: Uint32Array;
  call: number;
}

const restrictScratch = new WeakMap<Tables, RestrictScratch>();

/** Restricts the diagram at `root` to the known facts of `assignment` (-1 = unknown). */
export function restrict(tables: Tables, root: number, assignment: Int32Array): Restricted {
  const base = tables.nodes.length;
  const global = uniqueIndex(tables);
  let memoed = restrictScratch.get(tables);
  if (!memoed) restrictScratch.set(tables, (memoed = { memo: new Int32Array(base), stamp: new Uint32Array(base), call: 0 }));
  const { memo, stamp } = memoed;
  // A new call number invalidates every memo entry at once (wrapping: clear the stamps).
  if (++memoed.call === 0xffffffff) {
    stamp.fill(0);
    memoed.call = 1;
  }
  const call = memoed.call;
  const scratch: number[][] = [];
  let scratchIndex: Map<number, number[]> | undefined;
  const node = (id: number): readonly number[] => (id < base ? tables.nodes[id]! : scratch[id - base]!);
  const make = (candidate: number[]): number => {
    const first = candidate[1]!;
    let same = true;
    for (let i = 2; i < candidate.length && same; i++) same = candidate[i] === first;
    if (same) return first;
    const h = hashNode(candidate);
    const found = global.get(h);
    if (found) for (const id of found) if (sameNode(tables.nodes[id]!, candidate)) return id;
    scratchIndex ??= new Map();
    const bucket = scratchIndex.get(h);
    if (bucket) for (const id of bucket) if (sameNode(scratch[id - base]!, candidate)) return id;
    const id = base + scratch.push(candidate) - 1;
    if (bucket) bucket.push(id);
    else scratchIndex.set(h, [id]);
    return id;
  };
  const go = (h: number): number => {
    if (h < 0) return h;
    if (stamp[h] === call) return memo[h]!;
    const n = tables.nodes[h]!;
    const value = assignment[n[0]!]!;
    let result: number;
    if (value !== UNKNOWN) result = go(n[1 + value]!);
    else {
      const candidate = [n[0]!];
      let unchanged = true;
      for (let i = 1; i < n.length; i++) {
        const c = go(n[i]!);
        candidate.push(c);
        if (c !== n[i]) unchanged = false;
      }
      // Unchanged children: the frozen node itself (it is reduced and unique already).
      result = unchanged ? h : make(candidate);
    }
    // Restriction is not re-entrant (no callbacks), so the memo cannot be reused under a live call.
    stamp[h] = call;
    memo[h] = result;
    return result;
  };
  const result = go(root);
  /** The facts the result depends on (every fact on a reduced diagram's paths matters), in fact order. */
  const facts = (): number[] => {
    const vars = new Set<number>();
    const seen = new Set<number>();
    const walk = (h: number): void => {
      if (h < 0 || seen.has(h)) return;
      seen.add(h);
      const n = node(h);
      vars.add(n[0]!);
      for (let i = 1; i < n.length; i++) walk(n[i]!);
    };
    walk(result);
    return [...vars].sort((x, y) => x - y);
  };
  return { root: result, node, support: facts };
}

/** The facts a restricted diagram depends on (exactly: the diagram is reduced), in fact order. */
export function support(r: Restricted): number[] {
  return r.support();
}

/** The terminal indices reachable in a restricted diagram, in ascending order. */
export function reachableTerminals(r: Restricted): number[] {
  const out = new Set<number>();
  const seen = new Set<number>();
  const walk = (h: number): void => {
    if (h < 0) {
      out.add(-1 - h);
      return;
    }
    if (seen.has(h)) return;
    seen.add(h);
    const n = r.node(h);
    for (let i = 1; i < n.length; i++) walk(n[i]!);
  };
  walk(r.root);
  return [...out].sort((a, b) => a - b);
}

/** Which epoch of the tables covers a date (YYYY-MM-DD). */
export function epochFor(tables: Tables, date: string): number {
  for (let i = tables.epochs.length - 1; i > 0; i--) {
    const from = tables.epochs[i]!.from;
    if (from !== undefined && from <= date) return i;
  }
  return 0;
}
