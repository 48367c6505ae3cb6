/**
 * Compiles a lowered pack to decision tables: for every period in which the same rules and
 * obligations are in force, one MDD of the whole pack (the meaning of docs/language.md, exactly),
 * plus its projection onto outcome and obligations. The result is plain JSON (runtime/tables.ts).
 */
import type { Tables, TableTerminal } from '../runtime/tables.ts';
import { MapMemo, MddBuilder, terminalIndex, type Handle } from './mdd.ts';
import { NamedDiagrams } from './named.ts';
import { PairMemo } from './pair-memo.ts';
import { isGeneral, priorities, setsAside } from './priorities.ts';
import type { IRExpr, IRPack } from './types.ts';

/** The rules a leaf names (none for truth leaves and gaps). */
export function rulesOfLeaf(l: Leaf): number[] {
  return l.kind === 'decision' || l.kind === 'conflict' ? l.rules : [];
}

/** A leaf while building: a truth value (for conditions) or a result of the rules. */
export type Leaf =
  | { kind: 'bool'; v: boolean }
  | { kind: 'decision'; outcome: string; obligations: number[]; rules: number[] }
  | { kind: 'gap' }
  | { kind: 'conflict'; rules: number[]; outcomes: string[] }
  | { kind: 'pair'; before: number; after: number };

function leafKey(l: Leaf): string {
  switch (l.kind) {
    case 'bool':
      return l.v ? 'T' : 'F';
    case 'gap':
      return 'gap';
    case 'decision':
      return `d:${l.outcome}:${l.obligations.join(',')}:${l.rules.join(',')}`;
    case 'conflict':
      return `c:${l.outcomes.join(',')}:${l.rules.join(',')}`;
    case 'pair':
      return `p:${l.before}:${l.after}`;
  }
}

const ascending = (a: readonly number[]): boolean => {
  for (let i = 1; i < a.length; i++) if (a[i - 1]! >= a[i]!) return false;
  return true;
};

/** The sorted union of two sets of indices (a merge when both are sorted already, as they mostly are). */
function union(a: readonly number[], b: readonly number[]): number[] {
  if (!ascending(a) || !ascending(b)) return [...new Set([...a, ...b])].sort((x, y) => x - y);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    out.push(x <= y ? x : y);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Adds one day to a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Subtracts one day from a YYYY-MM-DD date. */
function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The dates on which the set of rules or obligations in force changes, sorted. */
export function epochStarts(pack: IRPack): string[] {
  const starts = new Set<string>();
  for (const x of [...pack.rules, ...pack.obligations]) {
    if (x.from) starts.add(x.from);
    if (x.until) starts.add(nextDay(x.until));
  }
  return [...starts].sort();
}

/** Whether something with this period is in force throughout the epoch that starts on `start` ('' = the beginning of time). */
export function inForce(x: { from?: string; until?: string }, start: string): boolean {
  if (x.from && (start === '' || x.from > start)) return false;
  if (x.until && start !== '' && x.until < start) return false;
  return true;
}

/** The builder and roots of one pack, before freezing: what the analyses read. */
export interface BuiltPack {
  builder: MddBuilder<Leaf>;
  /** The diagram of a condition (leaves `truth(true)` / `truth(false)`). */
  condition: (e: IRExpr) => Handle;
  truth: (v: boolean) => Handle;
  epochs: {
    from?: string;
    until?: string;
    start: string;
    full: Handle;
    decision: Handle;
    /** Per rule: where it applies (condition within a parent's scope); truth leaves. */
    scopes: Handle[];
    /** Per rule: where it decides (applies, and no exception of it applies); truth leaves. */
    decides: Handle[];
  }[];
}

/** A fresh diagram builder over a pack's facts. */
export function newBuilder(pack: IRPack): MddBuilder<Leaf> {
  return new MddBuilder<Leaf>(
    pack.facts.map((f) => f.values.length),
    leafKey,
  );
}

/** Builds the decision diagrams of every epoch of a pack (optionally into a shared builder). */
export function build(pack: IRPack, builder = newBuilder(pack)): BuiltPack {
  const T = builder.leaf({ kind: 'bool', v: true });
  const F = builder.leaf({ kind: 'bool', v: false });
  const GAP = builder.leaf({ kind: 'gap' });

  /**
   * A pure leaf operation, applied with one memo for the whole build: the diagrams are canonical, so
   * a pair of handles met again (in a later epoch, or another rule) has the same result as before.
   * `shortcut` answers the steps whose result is known from one side alone (see MddBuilder.apply).
   */
  const lasting = (op: (x: Handle, y: Handle) => Handle, shortcut?: (a: Handle, b: Handle) => Handle | undefined): ((a: Handle, b: Handle) => Handle) => {
    const memo = new PairMemo(1 << 14);
    return (a, b) => builder.apply(a, b, op, memo, shortcut);
  };
  // Conjunction and disjunction of truth diagrams: F (T) decides alone, T (F) leaves the other side as it is.
  const andShortcut = (a: Handle, b: Handle): Handle | undefined => (a === F || b === F ? F : a === T ? b : b === T ? a : a === b ? a : undefined);
  const orShortcut = (a: Handle, b: Handle): Handle | undefined => (a === T || b === T ? T : a === F ? b : b === F ? a : a === b ? a : undefined);
  const andExpr = lasting((a, b) => (a === F || b === F ? F : a === b ? a : F), andShortcut);
  const orExpr = lasting((a, b) => (a === T || b === T ? T : a === b ? a : T), orShortcut);

  const exprCache = new Map<IRExpr, Handle>();
  const exprToMdd = (e: IRExpr): Handle => {
    const hit = exprCache.get(e);
    if (hit !== undefined) return hit;
    let h: Handle;
    switch (e.k) {
      case 'const':
        h = e.v ? T : F;
        break;
      case 'in': {
        const size = pack.facts[e.fact]!.values.length;
        h = builder.node(e.fact, Array.from({ length: size }, (_, i) => ((e.mask >> i) & 1 ? T : F)));
        break;
      }
      case 'not':
        h = builder.mapLeaves(exprToMdd(e.e), (x) => (x === T ? F : T));
        break;
      case 'and':
      case 'or': {
        const step = e.k === 'and' ? andExpr : orExpr;
        h = e.k === 'and' ? T : F;
        for (const sub of e.es) h = step(h, exprToMdd(sub));
        break;
      }
    }
    exprCache.set(e, h);
    return h;
  };

  const and = lasting((x, y) => (x === T && y === T ? T : F), andShortcut);
  const or = lasting((x, y) => (x === T || y === T ? T : F), orShortcut);

  const mergeCache = new PairMemo(4096);
  const merge = (a: Handle, b: Handle): Handle => {
    if (a === GAP) return b;
    if (b === GAP) return a;
    if (a === b) return a;
    let merged = mergeCache.get(a, b);
    if (merged === undefined) mergeCache.set(a, b, (merged = mergeLeaves(a, b)));
    return merged;
  };
  const mergeLeaves = (a: Handle, b: Handle): Handle => {
    const x = builder.value(a);
    const y = builder.value(b);
    if (x.kind === 'decision' && y.kind === 'decision' && x.outcome === y.outcome) {
      return builder.leaf({ kind: 'decision', outcome: x.outcome, obligations: union(x.obligations, y.obligations), rules: union(x.rules, y.rules) });
    }
    const parts = [x, y] as Leaf[];
    const rules = parts.reduce<number[]>((acc, p) => (p.kind === 'decision' || p.kind === 'conflict' ? union(acc, p.rules) : acc), []);
    const outcomes = [...new Set(parts.flatMap((p) => (p.kind === 'decision' ? [p.outcome] : p.kind === 'conflict' ? p.outcomes : [])))].sort();
    return builder.leaf({ kind: 'conflict', rules, outcomes });
  };

  /** Combines many diagrams pairwise, as a balanced tree, so each step works on diagrams of similar size. */
  const combineAll = (handles: Handle[], combine: (a: Handle, b: Handle) => Handle, none: Handle): Handle => {
    if (handles.length === 0) return none;
    let layer = handles;
    while (layer.length > 1) {
      const next: Handle[] = [];
      for (let i = 0; i < layer.length; i += 2) next.push(i + 1 < layer.length ? combine(layer[i]!, layer[i + 1]!) : layer[i]!);
      layer = next;
    }
    return layer[0]!;
  };
  const mergePair = lasting(merge, (a, b) => (a === GAP ? b : b === GAP ? a : a === b ? a : undefined));
  const mergeAll = (handles: Handle[]): Handle => combineAll(handles, mergePair, GAP);
  const anyOf = (handles: Handle[]): Handle => combineAll(handles, or, F);

  const order = priorities(pack);
  /** Whether leaf y's result sets leaf x's aside, by leaf pair (the same pairs recur on many paths). */
  const asideCache = new PairMemo(1024);
  /** The rules whose results can reach a combination through member m: m and its exceptions, transitively. */
  const below = new Map<number, Set<number>>();
  const subtree = (m: number): Set<number> => {
    let set = below.get(m);
    if (!set) {
      set = new Set([m]);
      below.set(m, set);
      for (const e of pack.rules[m]!.exceptions) subtree(e).forEach((x) => set!.add(x));
    }
    return set;
  };
  const mayPrevail = (winner: number, loser: number): boolean => {
    const losers = subtree(loser);
    for (const w of subtree(winner)) for (const l of losers) if (order.over(w, l)) return true;
    return false;
  };

  /** Where result y sets result x aside (T), leaf pair by leaf pair. */
  const setAside = lasting(
    (y, x) => {
      if (x === GAP || y === GAP) return F;
      let aside = asideCache.get(y, x);
      if (aside === undefined) asideCache.set(y, x, (aside = setsAside(order, rulesOfLeaf(builder.value(y)), rulesOfLeaf(builder.value(x))) ? T : F));
      return aside;
    },
    (y, x) => (x === GAP || y === GAP ? F : undefined),
  );
  /**
   * Whether one result sets another aside depends only on the rules they name, by owner (a reason
   * counts as its rule; see setsAside). `byOwners` replaces each leaf by the first leaf met with the
   * same owners, so the thousands of leaves of a rule with many reasons become one or two, and
   * setAside walks a small diagram instead: the same truth diagram comes out.
   */
  const firstWithOwners = new Map<string, Handle>();
  const sameOwners = (h: Handle): Handle => {
    if (h === GAP) return h;
    const key = [...new Set(rulesOfLeaf(builder.value(h)).map(order.owner))].sort((a, b) => a - b).join(',');
    let first = firstWithOwners.get(key);
    if (first === undefined) firstWithOwners.set(key, (first = h));
    return first;
  };
  const sameOwnersMemo = new MapMemo();
  const byOwners = (h: Handle): Handle => builder.mapLeaves(h, sameOwners, sameOwnersMemo);
  /** x, except a gap where `removed` (a truth diagram) is T. */
  const dropWhere = lasting(
    (removed, x) => (removed === T ? GAP : x),
    (removed, x) => (removed === F ? x : removed === T ? GAP : undefined),
  );
  /** The exceptions' result where there is one, else the rule's own. */
  const unlessExcepted = lasting(
    (ex, o) => (ex === GAP ? o : ex),
    (ex, o) => (ex === GAP ? o : ex < 0 ? ex : undefined),
  );
  /** b where the condition (a truth diagram) is T, else a gap. */
  const onlyWhere = lasting(
    (c, b) => (c === T ? b : GAP),
    (c, b) => (c === T ? b : c === F ? GAP : undefined),
  );
  /** A rule's own result by rule and the obligations in force: it is the same in every epoch with those. */
  const ownCache = new Map<string, Handle>();
  /** The decision diagram's leaves: a decision without the rules that gave it, anything else as it is. */
  const withoutRules = (h: Handle): Handle => {
    const l = builder.value(h);
    return l.kind === 'decision' ? builder.leaf({ ...l, rules: [] }) : h;
  };
  /** withoutRules by node and leaf, for every epoch: their full diagrams share most nodes. */
  const withoutRulesMemo = new MapMemo();
  /** Where a leaf names each rule that a priority can set aside (or a reason of one). */
  const namedRules = pack.rules.flatMap((rule, i) => (order.targets.has(rule.reasonOf ?? i) ? [i] : []));
  const named = new NamedDiagrams(builder, namedRules, (h) => rulesOfLeaf(builder.value(h)), T, F);

  const starts = epochStarts(pack);
  const epochBounds = ['', ...starts].map((start, i, all) => ({
    start,
    ...(start ? { from: start } : {}),
    ...(i + 1 < all.length ? { until: previousDay(all[i + 1]!) } : {}),
  }));

  /** For own's steps: where the condition is F the result is the other side, as it is. */
  const unchangedWhereFalse = (c: Handle, x: Handle): Handle | undefined => (c === F ? x : undefined);

  const epochs = epochBounds.map((bounds) => {
    const ruleCache = new Map<number, Handle>();
    const own = (i: number): Handle => {
      const rule = pack.rules[i]!;
      const unconditional: number[] = [];
      const conditional: { obligation: number; when: IRExpr }[] = [];
      for (const use of rule.obligations) {
        if (!inForce(pack.obligations[use.obligation]!, bounds.start)) continue;
        if (use.when.k === 'const' && use.when.v) unconditional.push(use.obligation);
        else conditional.push(use);
      }
      let h = builder.leaf({ kind: 'decision', outcome: rule.outcome, obligations: union(unconditional, []), rules: [i] });
      // Each step's leaf function is memoised per leaf: apply calls it once per path, not per leaf.
      for (const use of conditional) {
        const added = new Map<Handle, Handle>();
        h = builder.apply(exprToMdd(use.when), h, (c, r) => {
          if (c === F) return r;
          let out = added.get(r);
          if (out === undefined) {
            const d = builder.value(r) as Extract<Leaf, { kind: 'decision' }>;
            added.set(r, (out = builder.leaf({ ...d, obligations: union(d.obligations, [use.obligation]) })));
          }
          return out;
        }, undefined, unchangedWhereFalse);
      }
      // The reasons whose condition holds are named in place of the rule; outcome and obligations stay.
      // A leaf's reasons are a sorted set, the same in any order of steps: the conditions that test
      // earlier facts go first, which makes fewer intermediate nodes (R30: 8,751 instead of 11,407).
      const reasons = (rule.reasons ?? []).map((r) => ({ r, when: exprToMdd(pack.rules[r]!.when) }));
      const firstVariable = (h: Handle): number => (h < 0 ? pack.facts.length : builder.variable(h));
      reasons.sort((a, b) => firstVariable(a.when) - firstVariable(b.when));
      for (const { r, when } of reasons) {
        const renamed = new Map<Handle, Handle>();
        h = builder.apply(when, h, (c, x) => {
          if (c === F) return x;
          let out = renamed.get(x);
          if (out === undefined) {
            const d = builder.value(x) as Extract<Leaf, { kind: 'decision' }>;
            renamed.set(x, (out = builder.leaf({ ...d, rules: union(d.rules.filter((k) => k !== i), [r]) })));
          }
          return out;
        }, undefined, unchangedWhereFalse);
      }
      return h;
    };
    const ownOf = (i: number): Handle => {
      const key = `${i}:${pack.rules[i]!.obligations.filter((use) => inForce(pack.obligations[use.obligation]!, bounds.start)).map((use) => use.obligation).join(',')}`;
      let h = ownCache.get(key);
      if (h === undefined) ownCache.set(key, (h = own(i)));
      return h;
    };
    /** Combines sibling results (or general rules'): those set aside by a priority first drop out. */
    const combine = (members: number[]): Handle => {
      const values = members.map(ruleValue);
      if (!order.any) return mergeAll(values);
      const owners: Handle[] = [];
      const ownersOf = (k: number): Handle => (owners[k] ??= byOwners(values[k]!));
      const kept = values.map((v, a) => {
        let removed = F;
        values.forEach((_, b) => {
          if (a === b || !mayPrevail(members[b]!, members[a]!)) return;
          removed = or(removed, setAside(ownersOf(b), ownersOf(a)));
        });
        return removed === F ? v : dropWhere(removed, v);
      });
      return mergeAll(kept);
    };
    const ruleValue = (i: number): Handle => {
      const hit = ruleCache.get(i);
      if (hit !== undefined) return hit;
      const rule = pack.rules[i]!;
      let result = GAP;
      if (inForce(rule, bounds.start)) {
        const fromExceptions = combine(rule.exceptions);
        const body = unlessExcepted(fromExceptions, ownOf(i));
        result = onlyWhere(exprToMdd(rule.when), body);
      }
      ruleCache.set(i, result);
      return result;
    };
    // Exceptions before the rules they except, so a long chain never nests ruleValue calls deeply.
    for (const i of exceptionsFirst(pack.rules)) ruleValue(i);
    const full = combine(pack.rules.flatMap((r, i) => (isGeneral(r) ? [i] : [])));
    const decision = builder.mapLeaves(full, withoutRules, withoutRulesMemo);
    // Where each rule applies at all (its condition, within the scope of one of its parents), and
    // where it decides (it applies and none of its exceptions does): the reasons of any answer.
    const scopes: Handle[] = [];
    const scope = (i: number): Handle => {
      if (scopes[i] !== undefined) return scopes[i]!;
      const rule = pack.rules[i]!;
      let s = inForce(rule, bounds.start) ? exprToMdd(rule.when) : F;
      if (rule.parents.length > 0) s = and(s, anyOf(rule.parents.map(scope)));
      return (scopes[i] = s);
    };
    const not = (h: Handle): Handle => builder.mapLeaves(h, (x) => (x === T ? F : T));
    // Where a rule's own result is given (it applies, none of its exceptions does), before its reasons.
    const ownResult = (i: number): Handle => {
      const rule = pack.rules[i]!;
      const overridden = anyOf(rule.exceptions.filter((e) => inForce(pack.rules[e]!, bounds.start)).map((e) => exprToMdd(pack.rules[e]!.when)));
      return and(scope(i), not(overridden));
    };
    // Where a leaf of the full diagram names the rule: one pass for all such rules, not one walk each.
    const namedRoots = named.of(full);
    const namedIn = new Map(namedRules.map((i, k) => [i, namedRoots[k]!]));
    const decides = pack.rules.map((rule, i) => {
      const owner = rule.reasonOf ?? i;
      if (order.targets.has(owner)) return namedIn.get(i)!;
      if (rule.reasonOf !== undefined) return and(ownResult(owner), exprToMdd(rule.when));
      const reasons = anyOf((rule.reasons ?? []).map((r) => exprToMdd(pack.rules[r]!.when)));
      return and(ownResult(i), not(reasons));
    });
    const scopeOf = (i: number): Handle => {
      const owner = pack.rules[i]!.reasonOf;
      return owner === undefined ? scope(i) : and(ownResult(owner), exprToMdd(pack.rules[i]!.when));
    };
    return { ...bounds, full, decision, scopes: pack.rules.map((_, i) => scopeOf(i)), decides };
  });
  return { builder, condition: exprToMdd, truth: (v) => (v ? T : F), epochs };
}

/** Freezes built diagrams into JSON tables, keeping only reachable nodes and leaves. */
export function freeze(pack: IRPack, built: BuiltPack): Tables {
  const { builder } = built;
  // Table ids by builder handle, plus one (0: not visited yet).
  const nodeIds = new Int32Array(builder.size);
  const leafIds = new Int32Array(builder.leaves.length);
  const nodes: number[][] = [];
  const terminals: TableTerminal[] = [];
  const visit = (h: Handle): number => {
    if (h < 0) {
      const known = leafIds[terminalIndex(h)]!;
      if (known !== 0) return -known;
      const l = builder.value(h);
      if (l.kind === 'pair') throw new Error(`internal: a pair leaf reached the decision tables (${terminalIndex(h)})`);
      terminals.push(l);
      leafIds[terminalIndex(h)] = terminals.length;
      return -terminals.length;
    }
    if (nodeIds[h] !== 0) return nodeIds[h]! - 1;
    const v = builder.variable(h);
    const size = builder.domains[v]!;
    const row = [v];
    for (let i = 0; i < size; i++) row.push(visit(builder.child(h, i)));
    nodes.push(row);
    nodeIds[h] = nodes.length;
    return nodes.length - 1;
  };
  const epochs = built.epochs.map((e) => ({
    ...(e.from ? { from: e.from } : {}),
    ...(e.until ? { until: e.until } : {}),
    full: visit(e.full),
    decision: visit(e.decision),
    decides: e.decides.map(visit),
  }));
  return {
    format: 'lovkode-tables/1',
    version: pack.version,
    facts: pack.facts.map(({ range: _r, ...f }) => f),
    rules: pack.rules.map((r) => ({
      id: r.id,
      title: r.title,
      outcome: r.outcome,
      reason: r.reason,
      ...(r.judgement ? { judgement: r.judgement } : {}),
      citations: r.citations,
      ...(r.from ? { from: r.from } : {}),
      ...(r.until ? { until: r.until } : {}),
      ...(r.statutes ? { statutes: r.statutes } : {}),
    })),
    obligations: pack.obligations.map((o) => ({ code: o.code, text: o.text, citations: o.citations, ...(o.statutes ? { statutes: o.statutes } : {}) })),
    ...(pack.statutes?.length ? { statutes: pack.statutes } : {}),
    ...(pack.screens?.length ? { screens: pack.screens } : {}),
    terminals,
    nodes,
    epochs,
  };
}

/** Rule indices with every rule after its exceptions (an iterative post-order; cycles are cut). */
function exceptionsFirst(rules: readonly { exceptions: readonly number[] }[]): number[] {
  const order: number[] = [];
  const state = new Uint8Array(rules.length); // 0 new, 1 on the stack, 2 done
  for (let root = 0; root < rules.length; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = rules[top[0]]!.exceptions[top[1]++];
      if (next === undefined) {
        stack.pop();
        state[top[0]] = 2;
        order.push(top[0]);
      } else if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return order;
}
