/**
 * `diffPacks` lists exactly the situations two versions of a pack decide differently: every listed
 * fact combination differs for all its completions, and every differing total situation is covered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPacks } from '../compiler/analyse/diff.ts';
import { interpret, type InterpretResult } from '../compiler/evaluate/interpret.ts';
import type { IRPack } from '../compiler/ir/types.ts';
import { completions, irPackArb } from './support/ir-packs.ts';

const DATES = ['2000-01-01', '2009-06-01', '2009-06-02', '2018-01-01', '2018-01-02', '2018-07-20', '2018-07-21'];

function summary(pack: IRPack, r: InterpretResult): string {
  if (r.kind === 'decision') return `${r.outcome}:${r.obligations.map((o) => pack.obligations[o]!.code).sort()}`;
  return r.kind === 'gap' ? 'gap' : `conflict:${r.rules.map((i) => pack.rules[i]!.id)}`;
}

/** Two packs over the same facts: the second is the first with one rule's outcome or condition edited. */
const pairArb = irPackArb.chain((a) =>
  fc.tuple(fc.nat({ max: a.rules.length - 1 }), fc.constantFrom('allowed', 'not_allowed', 'uncertain'), fc.boolean()).map(([i, outcome, negate]): [IRPack, IRPack] => {
    const rules = a.rules.map((r, j) => (j !== i ? r : negate ? { ...r, when: { k: 'not' as const, e: r.when } } : { ...r, outcome }));
    return [a, { ...a, rules }];
  }),
);

describe('diff between two versions of a pack', () => {
  it('lists exactly the situations that are decided differently', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const result = diffPacks(a, b, 10_000);
        expect(result.truncated).toBe(false);
        const covered = (values: number[], date: string) =>
          result.differences.some((d) => d.from <= date && Object.entries(d.facts).every(([name, v]) => {
            const f = a.facts.findIndex((x) => x.name === name);
            return v.includes(a.facts[f]!.values[values[f]!]!);
          }) && DATES.filter((x) => x >= d.from).length > 0);
        for (const date of DATES) {
          for (const values of completions(a, a.facts.map(() => -1))) {
            const differs = summary(a, interpret(a, values, date)) !== summary(b, interpret(b, values, date));
            if (differs) expect(covered(values, date)).toBe(true);
          }
        }
        for (const d of result.differences) {
          const date = d.from || '2000-01-01';
          const inCube = (values: number[]) => Object.entries(d.facts).every(([name, vs]) => {
            const f = a.facts.findIndex((x) => x.name === name);
            return vs.includes(a.facts[f]!.values[values[f]!]!);
          });
          for (const values of completions(a, a.facts.map(() => -1)).filter(inCube)) {
            expect(summary(a, interpret(a, values, date))).not.toBe(summary(b, interpret(b, values, date)));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds nothing between a pack and itself', () => {
    fc.assert(
      fc.property(irPackArb, (a) => {
        expect(diffPacks(a, a).differences).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
