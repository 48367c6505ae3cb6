/**
 * The meaning of `prevails over` and of reasons, shared by the compiler and the interpreter. A
 * result names the rules that gave it (a reason counts as its rule). When results are combined, a
 * result is set aside when another result of the same combination names, for every rule it names,
 * a rule that prevails over that rule or over a rule it is an exception to (further up, too), directly
 * or through a chain of priorities — unless the winner's `except` names that rule or a rule it is an
 * exception to; only what remains is combined.
 */
import type { IRPack, IRRule } from './types.ts';

/** Whether a rule is general (no exception, and not a reason of a rule). */
export function isGeneral(rule: IRRule): boolean {
  return rule.parents.length === 0 && rule.reasonOf === undefined;
}

/** The priority order of a pack: `over(a, b)` when rule a prevails over rule b (transitively). */
export interface Priorities {
  /** Whether the pack has any priority at all. */
  any: boolean;
  /** Whether rule a's result sets aside rule b's: a prevails over b or over a rule b is an exception to, and a's `except` names neither. */
  over: (a: number, b: number) => boolean;
  /** The rule a result tag stands for (a reason stands for its rule). */
  owner: (r: number) => number;
  /** The rules whose results some rule's result can set aside. */
  targets: ReadonlySet<number>;
}

const cache = new WeakMap<IRPack, Priorities>();

/** The transitive priority relation of a pack (cycles are refused by the checker; here they are harmless). */
export function priorities(pack: IRPack): Priorities {
  const hit = cache.get(pack);
  if (hit) return hit;
  const n = pack.rules.length;
  const below: Set<number>[] = pack.rules.map(() => new Set<number>());
  const reach = (from: number, seen: Set<number>): void => {
    for (const b of pack.rules[from]!.prevailsOver ?? []) {
      if (seen.has(b)) continue;
      seen.add(b);
      reach(b, seen);
    }
  };
  for (let a = 0; a < n; a++) reach(a, below[a]!);
  // The exceptions of each rule, to walk down from a rule to every rule under it.
  const children: number[][] = pack.rules.map(() => []);
  pack.rules.forEach((r, i) => {
    for (const parent of r.parents) children[parent]!.push(i);
  });
  /** The given rules and every rule that is an exception to one of them (further down, too). */
  const under = (from: Iterable<number>): Set<number> => {
    const found = new Set<number>();
    const stack = [...from];
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (found.has(r)) continue;
      found.add(r);
      for (const c of children[r]!) stack.push(c);
    }
    return found;
  };
  // Per rule that prevails over some rule, the rules whose results its result sets aside: those under
  // a rule it prevails over, less those under a rule its `except` names. Only prevailing rules have a
  // row, so a pack without priorities costs nothing here (a full table was quadratic in the rules).
  const rows: (Set<number> | undefined)[] = pack.rules.map((r, a) => {
    if (below[a]!.size === 0) return undefined;
    const row = under(below[a]!);
    for (const spared of under(r.prevailsExcept ?? [])) row.delete(spared);
    return row;
  });
  const targets = new Set<number>();
  for (const row of rows) for (const b of row ?? []) targets.add(b);
  const p: Priorities = {
    any: targets.size > 0,
    over: (a, b) => rows[a]?.has(b) === true,
    owner: (r) => pack.rules[r]!.reasonOf ?? r,
    targets,
  };
  cache.set(pack, p);
  return p;
}

/** Whether a result naming `winner` sets aside a result naming `loser` (see the module comment). */
export function setsAside(p: Priorities, winner: readonly number[], loser: readonly number[]): boolean {
  if (!p.any || loser.length === 0 || winner.length === 0) return false;
  return loser.every((l) => winner.some((w) => p.over(p.owner(w), p.owner(l))));
}

/** The results of one combination that are not set aside (gaps are kept: they combine as nothing). */
export function survivors<R extends { kind: string; rules?: readonly number[] }>(p: Priorities, results: R[]): R[] {
  if (!p.any) return results;
  return results.filter((x, i) => !(x.rules && results.some((y, j) => j !== i && y.rules && setsAside(p, y.rules, x.rules!))));
}
