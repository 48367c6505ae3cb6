/**
 * The compiled engine is exact: on random packs and random partial facts it agrees with brute-force
 * enumeration of every completion through the direct interpreter (docs/language.md's meaning).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, freeze } from '../compiler/ir/compile.ts';
import { interpret, type InterpretResult } from '../compiler/evaluate/interpret.ts';
import { nextQuestion } from '../compiler/runtime/ask.ts';
import { decideAssignment, decider, restrictedDecision, today } from '../compiler/runtime/engine.ts';
import { epochFor } from '../compiler/runtime/diagram.ts';
import { loadDefaultTables } from '../compiler/bundled.ts';
import { sliceTables } from '../compiler/runtime/slice.ts';
import type { IRPack } from '../compiler/ir/types.ts';
import { completions, irPackArb, partialArb } from './support/ir-packs.ts';

const DATES = ['2001-01-01', '2009-06-01', '2017-12-31', '2018-01-01', '2018-07-19', '2018-07-20', '2026-11-29'];

/** What "the same decision" means: outcome and obligations (a conflict or gap is its own answer). */
function key(pack: IRPack, r: InterpretResult): string {
  if (r.kind === 'gap') return 'gap';
  if (r.kind === 'conflict') return `conflict:${r.outcomes}:${r.rules}`;
  return `${r.outcome}:${r.obligations.map((o) => pack.obligations[o]!.code)}`;
}

function bruteForce(pack: IRPack, partial: number[], date: string) {
  const keyOf = (values: number[]) => key(pack, interpret(pack, values, date));
  const all = completions(pack, partial);
  const keys = new Set(all.map(keyOf));
  const missing = partial.flatMap((v, i) => {
    if (v >= 0) return [];
    const matters = all.some((c) => pack.facts[i]!.values.some((_, w) => keyOf(c) !== keyOf(c.map((x, j) => (j === i ? w : x)))));
    return matters ? [pack.facts[i]!.name] : [];
  });
  return { settled: keys.size === 1, only: [...keys][0]!, missing };
}

const packAndCase = irPackArb.chain((pack) => fc.tuple(fc.constant(pack), partialArb(pack), fc.constantFrom(...DATES)));

describe('exact partial evaluation', () => {
  it('settles exactly when every completion agrees, and then gives that answer', () => {
    fc.assert(
      fc.property(packAndCase, ([pack, partial, date]) => {
        const tables = freeze(pack, build(pack));
        const brute = bruteForce(pack, partial, date);
        const got = decideAssignment(tables, Int32Array.from(partial), date, 'en');
        if ('error' in got) {
          expect(brute.settled).toBe(true);
          expect(brute.only.startsWith(got.error.code === 'E_PACK_GAP' ? 'gap' : 'conflict')).toBe(true);
          return;
        }
        expect(got.outcome !== null).toBe(brute.settled);
        if (got.outcome !== null) expect(`${got.outcome}:${got.obligations.map((o) => o.code)}`).toBe(brute.only);
      }),
      { numRuns: 400 },
    );
  });

  it('lists exactly the unknown facts that can still change the decision, in question order', () => {
    fc.assert(
      fc.property(packAndCase, ([pack, partial, date]) => {
        const tables = freeze(pack, build(pack));
        const brute = bruteForce(pack, partial, date);
        const got = decideAssignment(tables, Int32Array.from(partial), date, 'en');
        const missing = 'error' in got ? [] : got.missing;
        expect(missing).toEqual(brute.settled ? [] : brute.missing);
      }),
      { numRuns: 400 },
    );
  });

  it('names exactly the deciding rules on total facts', () => {
    fc.assert(
      fc.property(irPackArb.chain((pack) => fc.tuple(fc.constant(pack), partialArb(pack).map((p) => p.map((v) => Math.max(v, 0))), fc.constantFrom(...DATES))), ([pack, values, date]) => {
        const tables = freeze(pack, build(pack));
        const expected = interpret(pack, values, date);
        const got = decideAssignment(tables, Int32Array.from(values), date, 'en');
        if (expected.kind !== 'decision') expect('error' in got).toBe(true);
        else expect('error' in got ? got.error : got.reasons.map((r) => r.rule)).toEqual(expected.rules.map((r) => pack.rules[r]!.id));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answers from tables sliced for a browser (one date, no full diagram)', () => {
    fc.assert(
      fc.property(packAndCase, ([pack, partial, date]) => {
        const tables = freeze(pack, build(pack));
        const sliced = sliceTables(tables, date);
        expect(sliced.epochs.every((e) => e.full === undefined)).toBe(true);
        const whole = decideAssignment(tables, Int32Array.from(partial), date, 'nb');
        const slim = decideAssignment(sliced, Int32Array.from(partial), date, 'nb');
        expect(slim).toEqual(whole);
        const total = partial.map((v) => Math.max(v, 0));
        expect(decideAssignment(sliced, Int32Array.from(total), date, 'en')).toEqual(decideAssignment(tables, Int32Array.from(total), date, 'en'));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same question gives the same answer', () => {
    fc.assert(
      fc.property(packAndCase, ([pack, partial, date]) => {
        const a = decideAssignment(freeze(pack, build(pack)), Int32Array.from(partial), date, 'nb');
        const b = decideAssignment(freeze(pack, build(pack)), Int32Array.from(partial), date, 'nb');
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 100 },
    );
  });
});

describe('decider (the generated module\'s decide)', () => {
  it('gives the same decisions as decideAssignment, on a given date and on today, partial facts or complete', () => {
    fc.assert(
      fc.property(irPackArb.chain((pack) => fc.tuple(fc.constant(pack), fc.array(fc.tuple(partialArb(pack), fc.constantFrom(undefined, ...DATES)), { minLength: 1, maxLength: 12 }))), ([pack, cases]) => {
        const tables = freeze(pack, build(pack));
        const decide = decider(tables);
        for (const [partial, date] of cases) {
          for (const values of [partial, partial.map((v) => Math.max(v, 0))]) {
            const want = JSON.stringify(decideAssignment(tables, Int32Array.from(values), date ?? today(), 'en'));
            expect(JSON.stringify(decide(Int32Array.from(values), date, 'en'))).toBe(want);
            // With the hint the generated validator gives: whether every fact has a value.
            expect(JSON.stringify(decide(Int32Array.from(values), date, 'en', !values.includes(-1)))).toBe(want);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
  it('remembers partial decisions in a table of rows: the decisions of a fresh restriction, also when rows collide and cases recur', async () => {
    const tables = await loadDefaultTables();
    const DATE = '2026-07-02';
    let seed = 7;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const assignments = Array.from({ length: 3000 }, () => Int32Array.from(tables.facts, (f) => (random(3) === 0 ? -1 : random(f.type === 'boolean' ? 2 : f.values.length))));
    assignments.forEach((a) => (a[random(a.length)] = -1));
    for (const [lang, date] of [['nb', DATE], ['en', undefined]] as const) {
      const decideValid = decider(tables);
      const epoch = tables.epochs[epochFor(tables, date ?? today())]!;
      for (let k = 0; k < 12_000; k++) {
        const a = assignments[k < 6000 ? k % 3000 : random(3000)]!;
        expect(decideValid(a, date, lang, false)).toEqual(restrictedDecision(tables, epoch, a, lang));
      }
    }
  });
});

describe('the questionnaire', () => {
  it('asks only facts that matter, stops when settled, and settles within the number of facts', () => {
    fc.assert(
      fc.property(irPackArb.chain((pack) => fc.tuple(fc.constant(pack), partialArb(pack).map((p) => p.map((v) => Math.max(v, 0))), fc.constantFrom(...DATES))), ([pack, truth, date]) => {
        const tables = freeze(pack, build(pack));
        const answers: Record<string, string | boolean> = {};
        const partial = truth.map(() => -1);
        for (let asked = 0; ; asked++) {
          const step = nextQuestion(tables, answers, { date, lang: 'en' });
          if ('error' in step) {
            expect(interpret(pack, truth, date).kind).not.toBe('decision');
            return;
          }
          if (!step.question) {
            expect(step.decision.outcome).not.toBeNull();
            const expected = interpret(pack, truth, date);
            expect(`${step.decision.outcome}:${step.decision.obligations.map((o) => o.code)}`).toBe(key(pack, expected));
            expect(asked).toBeLessThanOrEqual(pack.facts.length);
            return;
          }
          const i = pack.facts.findIndex((f) => f.name === step.question!.fact);
          expect(bruteForce(pack, partial, date).missing).toContain(step.question.fact);
          partial[i] = truth[i]!;
          const fact = pack.facts[i]!;
          answers[fact.name] = fact.type === 'boolean' ? truth[i] === 1 : fact.values[truth[i]!]!;
        }
      }),
      { numRuns: 300 },
    );
  });
});
