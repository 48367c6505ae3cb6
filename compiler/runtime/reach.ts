/**
 * Which outcomes a rule's truth diagram can still reach under partial facts: the walks behind a
 * decision's reasons and «why we ask». Browser-safe, no dependencies.
 */
import type { TableEpoch, Tables } from './tables.ts';

/** reachUnder's answer: the diagram can still come out true. */
export const CAN_TRUE = 1;
/** reachUnder's answer: the diagram can still come out false. */
export const CAN_FALSE = 2;

/** Per pack, rulesInPlay's memo, reused by every call (valid where `stamp` holds the call's number). */
const reachScratch = new WeakMap<Tables, ReachMemo>();

/** A memo for reachUnder: `memo[h]` is valid where `stamp[h]` equals `call`. */
export interface ReachMemo { memo: Uint8Array; stamp: Uint32Array; call: number }

/** A fresh memo for one walk over `tables`. */
export const freshMemo = (tables: Tables): ReachMemo => ({ memo: new Uint8Array(tables.nodes.length), stamp: new Uint32Array(tables.nodes.length), call: 1 });

/**
 * Whether a truth diagram can still come out true (CAN_TRUE) and false (CAN_FALSE) under an
 * assignment: a walk memoised per node (valid where the stamp is the memo's call), so diagrams that
 * share nodes visit each once.
 */
export function reachUnder(tables: Tables, assignment: Int32Array, m: ReachMemo): (h: number) => number {
  const { memo, stamp, call } = m;
  const reach = (h: number): number => {
    if (h < 0) return (tables.terminals[-1 - h] as { v?: boolean }).v ? CAN_TRUE : CAN_FALSE;
    if (stamp[h] === call) return memo[h]!;
    const n = tables.nodes[h]!;
    const known = assignment[n[0]!]!;
    let r = 0;
    if (known >= 0) r = reach(n[1 + known]!);
    else for (let i = 1; i < n.length && r !== (CAN_TRUE | CAN_FALSE); i++) r |= reach(n[i]!);
    memo[h] = r;
    stamp[h] = call;
    return r;
  };
  return reach;
}

/**
 * The rules that may still decide, and those that decide whatever the unknown facts are. One walk
 * over the rules' truth diagrams, which share nodes, so each node is visited once per call; the memo
 * is kept per pack and reused (a new call number instead of clearing it).
 */
export function rulesInPlay(tables: Tables, epoch: TableEpoch, assignment: Int32Array): { always: number[]; possible: number[] } {
  let scratch = reachScratch.get(tables);
  if (!scratch) reachScratch.set(tables, (scratch = { ...freshMemo(tables), call: 0 }));
  if (++scratch.call === 0xffffffff) {
    scratch.stamp.fill(0);
    scratch.call = 1;
  }
  const reach = reachUnder(tables, assignment, scratch);
  const always: number[] = [];
  const possible: number[] = [];
  epoch.decides.forEach((root, rule) => {
    const r = reach(root);
    if (!(r & CAN_TRUE)) return;
    possible.push(rule);
    if (!(r & CAN_FALSE)) always.push(rule);
  });
  return { always, possible };
}

/** The rules that decide in every completion (or, failing that, in some). */
export function reasonRules(tables: Tables, epoch: TableEpoch, assignment: Int32Array): number[] {
  const { always, possible } = rulesInPlay(tables, epoch, assignment);
  return always.length > 0 ? always : possible;
}
