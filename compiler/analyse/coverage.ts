/**
 * Example coverage: which rules (and reasons) no example decides by, and which named conditions no example shows
 * to hold (or to fail). Conditions are evaluated three-valued on the example's facts, so a condition
 * that an example leaves open counts for neither side.
 */
import type { IRExpr, IRPack } from '../ir/types.ts';
import { decideAssignment, today } from '../runtime/engine.ts';
import type { Tables } from '../runtime/tables.ts';

export interface Coverage {
  rules: { id: string; covered: boolean }[];
  conditions: { name: string; shownTrue: boolean; shownFalse: boolean }[];
  /** Percentages, rounded down. */
  rulePercent: number;
  conditionPercent: number;
}

/** Evaluates a condition on partial facts (-1 = unknown): true, false or undefined (open). */
export function evalPartial(e: IRExpr, values: ArrayLike<number>): boolean | undefined {
  switch (e.k) {
    case 'const':
      return e.v;
    case 'in': {
      const v = values[e.fact]!;
      return v < 0 ? undefined : ((e.mask >> v) & 1) === 1;
    }
    case 'not': {
      const x = evalPartial(e.e, values);
      return x === undefined ? undefined : !x;
    }
    case 'and':
    case 'or': {
      const decisive = e.k === 'or';
      let open = false;
      for (const sub of e.es) {
        const x = evalPartial(sub, values);
        if (x === decisive) return decisive;
        if (x === undefined) open = true;
      }
      return open ? undefined : !decisive;
    }
  }
}

/** Measures which rules and conditions the pack's examples reach: `coverage(ir, tables)`. */
export function coverage(ir: IRPack, tables: Tables): Coverage {
  const coveredRules = new Set<string>();
  const shown = ir.conditions.map(() => ({ t: false, f: false }));
  for (const ex of ir.examples) {
    const values = new Int32Array(ir.facts.length).fill(-1);
    for (const g of ex.given) values[g.fact] = g.value;
    const decision = decideAssignment(tables, values, ex.on ?? today(), 'en');
    if (!('error' in decision)) decision.reasons.forEach((r) => coveredRules.add(r.rule));
    ir.conditions.forEach((c, i) => {
      const x = evalPartial(c.expr, values);
      if (x === true) shown[i]!.t = true;
      if (x === false) shown[i]!.f = true;
    });
  }
  // A rule whose reasons are named in its place was exercised too; each reason counts on its own.
  const rules = ir.rules.map((r) => ({ id: r.id, covered: coveredRules.has(r.id) || (r.reasons ?? []).some((x) => coveredRules.has(ir.rules[x]!.id)) }));
  const conditions = ir.conditions.map((c, i) => ({ name: c.name, shownTrue: shown[i]!.t, shownFalse: shown[i]!.f }));
  const percent = (n: number, d: number) => (d === 0 ? 100 : Math.floor((100 * n) / d));
  return {
    rules,
    conditions,
    rulePercent: percent(rules.filter((r) => r.covered).length, rules.length),
    conditionPercent: percent(conditions.filter((c) => c.shownTrue && c.shownFalse).length, conditions.length),
  };
}
