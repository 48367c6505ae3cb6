/**
 * «What would change the answer» is sound and minimal: every route it proposes really leads to an
 * allowed outcome, no route is a superset of another, and a single action that would be enough is
 * always found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, freeze } from '../compiler/ir/compile.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import { whatWouldChange } from '../compiler/runtime/counterfactual.ts';
import type { IRPack } from '../compiler/ir/types.ts';
import { completions, irPackArb } from './support/ir-packs.ts';

const DATE = '2026-11-29';
const allowed = (pack: IRPack, values: number[]) => {
  const r = interpret(pack, values, DATE);
  return r.kind === 'decision' && (r.outcome === 'allowed' || r.outcome === 'allowed_with_conditions');
};

const caseArb = irPackArb.chain((pack) =>
  fc.tuple(
    fc.constant(pack),
    fc.tuple(...pack.facts.map((f) => fc.subarray(f.values.map((_, i) => i)))),
    fc.tuple(...pack.facts.map((f) => fc.integer({ min: -1, max: f.values.length - 1 }))),
  ),
).map(([pack, actionable, partial]) => {
  const withActions: IRPack = { ...pack, facts: pack.facts.map((f, i) => ({ ...f, actions: actionable[i]!.map((value) => ({ value, text: { nb: `gjør ${value}`, en: `do ${value}` } })) })) };
  return { pack: withActions, partial };
});

describe('what would change the answer', () => {
  it('proposes only routes that lead to an allowed outcome, none a superset of another', () => {
    fc.assert(
      fc.property(caseArb, ({ pack, partial }) => {
        const tables = freeze(pack, build(pack));
        const routes = whatWouldChange(tables, Int32Array.from(partial), DATE, 'en');
        const index = (name: string) => pack.facts.findIndex((f) => f.name === name);
        const valueOf = (f: number, v: string | boolean) => (typeof v === 'boolean' ? Number(v) : pack.facts[f]!.values.indexOf(v));
        for (const r of routes) {
          const changed = [...partial];
          for (const a of [...r.actions, ...r.assuming]) changed[index(a.fact)] = valueOf(index(a.fact), a.value);
          for (const a of r.actions) expect(pack.facts[index(a.fact)]!.actions!.some((x) => x.value === valueOf(index(a.fact), a.value))).toBe(true);
          for (const values of completions(pack, changed)) expect(allowed(pack, values)).toBe(true);
        }
        const keys = routes.map((r) => new Set(r.actions.map((a) => `${a.fact}=${a.value}`)));
        keys.forEach((a, i) => keys.forEach((b, j) => {
          if (i !== j) expect([...a].every((x) => b.has(x)) && a.size === b.size).toBe(false);
        }));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a single action whenever one is enough on total facts', () => {
    fc.assert(
      fc.property(caseArb, ({ pack, partial }) => {
        const total = partial.map((v) => Math.max(v, 0));
        if (allowed(pack, total)) return;
        const tables = freeze(pack, build(pack));
        const routes = whatWouldChange(tables, Int32Array.from(total), DATE, 'en');
        const single = pack.facts.some((f, i) => (f.actions ?? []).some((a) => a.value !== total[i] && allowed(pack, total.map((x, j) => (j === i ? a.value : x)))));
        expect(routes.some((r) => r.actions.length === 1)).toBe(single);
      }),
      { numRuns: 300 },
    );
  });
});
