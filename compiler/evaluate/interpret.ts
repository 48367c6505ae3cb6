/**
 * A direct interpreter of the meaning in docs/language.md on TOTAL facts: walks the rules and their
 * exceptions recursively (priorities and reasons as in ir/priorities.ts), with no diagrams. It is deliberately simple: it is the oracle the compiled
 * engine is property-tested against (and the "interpreter" the benchmarks compare with).
 */
import { isGeneral, priorities, survivors } from '../ir/priorities.ts';
import type { IRExpr, IRPack } from '../ir/types.ts';

export type InterpretResult =
  | { kind: 'decision'; outcome: string; obligations: number[]; rules: number[] }
  | { kind: 'gap' }
  | { kind: 'conflict'; rules: number[]; outcomes: string[] };

/** Evaluates a condition on total facts (value indices). */
export function evalExpr(e: IRExpr, values: ArrayLike<number>): boolean {
  switch (e.k) {
    case 'const':
      return e.v;
    case 'in':
      return ((e.mask >> values[e.fact]!) & 1) === 1;
    case 'not':
      return !evalExpr(e.e, values);
    case 'and':
      return e.es.every((x) => evalExpr(x, values));
    case 'or':
      return e.es.some((x) => evalExpr(x, values));
  }
}

const sorted = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);

function combine(a: InterpretResult, b: InterpretResult): InterpretResult {
  if (a.kind === 'gap') return b;
  if (b.kind === 'gap') return a;
  if (a.kind === 'decision' && b.kind === 'decision' && a.outcome === b.outcome) {
    return { kind: 'decision', outcome: a.outcome, obligations: sorted([...a.obligations, ...b.obligations]), rules: sorted([...a.rules, ...b.rules]) };
  }
  const outcomes = [a, b].flatMap((x) => (x.kind === 'decision' ? [x.outcome] : x.outcomes));
  return { kind: 'conflict', rules: sorted([...a.rules, ...b.rules]), outcomes: [...new Set(outcomes)].sort() };
}

/** Decides total facts by walking the rules: `interpret(pack, values, '2026-11-29')`. */
export function interpret(pack: IRPack, values: ArrayLike<number>, date: string): InterpretResult {
  const order = priorities(pack);
  const together = (results: InterpretResult[]): InterpretResult => survivors(order, results).reduce(combine, { kind: 'gap' } as InterpretResult);
  const value = (i: number): InterpretResult => {
    const rule = pack.rules[i]!;
    if (!inForceOn(rule, date) || !evalExpr(rule.when, values)) return { kind: 'gap' };
    const fromExceptions = together(rule.exceptions.map(value));
    if (fromExceptions.kind !== 'gap') return fromExceptions;
    const obligations = rule.obligations
      .filter((u) => inForceOn(pack.obligations[u.obligation]!, date) && evalExpr(u.when, values))
      .map((u) => u.obligation);
    const reasons = (rule.reasons ?? []).filter((r) => evalExpr(pack.rules[r]!.when, values));
    return { kind: 'decision', outcome: rule.outcome, obligations: sorted(obligations), rules: reasons.length ? sorted(reasons) : [i] };
  };
  return together(pack.rules.map((r, i) => (isGeneral(r) ? value(i) : ({ kind: 'gap' } as InterpretResult))));
}

/** Whether something with a period is in force on a date. */
export function inForceOn(x: { from?: string; until?: string }, date: string): boolean {
  return (!x.from || x.from <= date) && (!x.until || x.until >= date);
}
