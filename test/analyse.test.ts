/**
 * The whole-pack analysis is exact: on random packs it reports a gap, a conflict or a dead rule
 * exactly when brute force over every combination of facts and every period finds one, and each
 * counterexample it prints really shows the problem for every completion of its facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../compiler/analyse/index.ts';
import { build } from '../compiler/ir/compile.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import type { IRPack } from '../compiler/ir/types.ts';
import { completions, irPackArb } from './support/ir-packs.ts';

const DATES = ['2000-01-01', '2009-05-31', '2009-06-01', '2009-06-02', '2017-12-31', '2018-01-01', '2018-01-02', '2018-07-19', '2018-07-20', '2018-07-21'];

function everyCase(pack: IRPack) {
  const unknown = pack.facts.map(() => -1);
  return DATES.flatMap((date) => completions(pack, unknown).map((values) => ({ date, result: interpret(pack, values, date) })));
}

/** Reads the `given` facts and `on` date of a printed example block back into a partial assignment. */
function givenOf(pack: IRPack, block: string): { partial: number[]; date?: string } {
  const partial = pack.facts.map(() => -1);
  for (const line of block.split('\n')) {
    const given = /^\s*given (.*)$/.exec(line);
    if (given) {
      for (const pair of given[1]!.split(', ')) {
        const [name, value] = pair.split(' = ');
        const f = pack.facts.findIndex((x) => x.name === name);
        partial[f] = pack.facts[f]!.values.indexOf(value!);
      }
    }
  }
  const on = /\bon (\d{4}-\d{2}-\d{2})/.exec(block);
  return { partial, ...(on ? { date: on[1] } : {}) };
}

describe('whole-pack analysis', () => {
  it('finds a gap exactly when some situation has no answer, with a counterexample that shows it', () => {
    fc.assert(
      fc.property(irPackArb, (pack) => {
        const diagnostics = analyse(pack, build(pack));
        const gap = diagnostics.find((d) => d.code === 'LOV4001');
        expect(gap !== undefined).toBe(everyCase(pack).some((c) => c.result.kind === 'gap'));
        if (gap) {
          const { partial, date } = givenOf(pack, gap.hint!.en);
          for (const values of completions(pack, partial)) expect(interpret(pack, values, date ?? '2000-01-01').kind).toBe('gap');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a conflict exactly when two rules disagree somewhere, naming them', () => {
    fc.assert(
      fc.property(irPackArb, (pack) => {
        const diagnostics = analyse(pack, build(pack));
        const conflicts = diagnostics.filter((d) => d.code === 'LOV4002');
        const found = new Set(everyCase(pack).flatMap((c) => (c.result.kind === 'conflict' ? [c.result.rules.map((r) => pack.rules[r]!.id).join(', ')] : [])));
        expect(new Set(conflicts.map((d) => /: (.*) give different/.exec(d.message.en)![1]))).toEqual(found);
        for (const d of conflicts) {
          const { partial, date } = givenOf(pack, d.hint!.en);
          for (const values of completions(pack, partial)) expect(interpret(pack, values, date ?? '2000-01-01').kind).toBe('conflict');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports exactly the rules that never decide anything', () => {
    fc.assert(
      fc.property(irPackArb, (pack) => {
        const dead = analyse(pack, build(pack)).filter((d) => d.code === 'LOV4003').map((d) => /“(.*?)”/.exec(d.message.en)![1]);
        const deciding = new Set(everyCase(pack).flatMap((c) => (c.result.kind === 'gap' ? [] : c.result.rules)));
        const neverInForce = (r: IRPack['rules'][number]) => r.from !== undefined && r.until !== undefined && r.until < r.from;
        // A rule decides when it or one of its reasons is named; reasons are reported apart (LOV4010).
        const decides = (i: number) => deciding.has(i) || (pack.rules[i]!.reasons ?? []).some((x) => deciding.has(x));
        const expected = pack.rules.filter((r, i) => r.reasonOf === undefined && !decides(i) && !neverInForce(r)).map((r) => r.id);
        expect(dead).toEqual(expected);
        const unshown = analyse(pack, build(pack)).filter((d) => d.code === 'LOV4010').map((d) => /“(.*?)”/.exec(d.message.en)![1]);
        expect(unshown).toEqual(pack.rules.filter((r, i) => r.reasonOf !== undefined && !deciding.has(i) && decides(r.reasonOf)).map((r) => r.id));
      }),
      { numRuns: 300 },
    );
  });
});
