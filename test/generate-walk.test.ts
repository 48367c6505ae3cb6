/**
 * The generated module's validator steps down the runtime's fast path while it reads the facts
 * (generate/module.ts), so that a complete case is decided by the time its facts are read. On the
 * Norwegian pack, whatever the order of the keys, with nulls, partial facts, children that no case
 * reached before, dates in every epoch and both languages, its decisions are the runtime's own
 * (which decides complete facts on the full diagrams the module leaves out: another path).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateModule } from '../compiler/generate/module.ts';
import { loadDefaultPack } from '../compiler/pipeline.ts';
import { decide as runtimeDecide, decider } from '../compiler/runtime/engine.ts';
import { withoutFullDiagrams } from '../compiler/runtime/slice.ts';
import type { Tables } from '../compiler/runtime/tables.ts';

type Facts = Record<string, string | boolean | null>;
type Module = { decide: (facts: unknown, options?: object) => unknown };

/** One date in each epoch of the pack, and today's (no date). */
const DATES = ['2009-01-01', '2012-05-05', '2018-03-01', '2026-07-02', undefined] as const;

let tables: Tables;
let mod: Module;

/** A case: each fact given (a valid value), null or left out; `complete` gives every fact a value. */
function factsArb(complete: boolean): fc.Arbitrary<Facts> {
  return fc.tuple(...tables.facts.map((f) => fc.tuple(fc.nat(f.values.length - 1), fc.nat(9)))).map((picks) => {
    const facts: Facts = {};
    picks.forEach(([v, odds], i) => {
      const fact = tables.facts[i]!;
      const value = fact.type === 'boolean' ? v === 1 : fact.values[v]!;
      if (complete || odds < 7) facts[fact.name] = value;
      else if (odds === 7) facts[fact.name] = null;
    });
    return facts;
  });
}

/** The same facts with their keys in another order (JSON round trip: as a request body arrives). */
const reordered = (facts: Facts, order: number[]): Facts => {
  const keys = Object.keys(facts);
  const sorted = keys.map((k, i) => [order[i % order.length]! + i / keys.length, k] as const).sort((a, b) => a[0] - b[0]);
  return JSON.parse(JSON.stringify(Object.fromEntries(sorted.map(([, k]) => [k, facts[k]])))) as Facts;
};

const expectSame = (facts: Facts, date: string | undefined, lang: 'nb' | 'en'): void => {
  const options = { ...(date === undefined ? {} : { date }), lang };
  expect(mod.decide(facts, options)).toEqual(runtimeDecide(tables, facts, options));
};

beforeAll(async () => {
  tables = loadDefaultPack().tables;
  const file = join(mkdtempSync(join(tmpdir(), 'lovkode-walk-')), 'no.mjs');
  writeFileSync(file, generateModule(tables));
  mod = (await import(pathToFileURL(file).href)) as Module;
  // Past the runtime's threshold in every epoch, so that the validator walks from here on.
  for (const date of DATES) for (const facts of fc.sample(factsArb(true), { numRuns: 1_100, seed: 1 })) mod.decide(facts, date === undefined ? {} : { date });
});

describe('generated module: the walk during validation', () => {
  it('the runtime hands out a fast path to walk once it has decided 1,000 complete cases of an epoch', () => {
    // As the module ships them: without the full diagrams (with them, complete facts follow those).
    const decide = decider(withoutFullDiagrams(tables));
    const complete = fc.sample(factsArb(true), { numRuns: 1_000, seed: 2 });
    const assignment = new Int32Array(tables.facts.length);
    for (const facts of complete) {
      tables.facts.forEach((f, i) => (assignment[i] = f.type === 'boolean' ? Number(facts[f.name]) : f.values.indexOf(facts[f.name] as string)));
      expect(decide.walk('2026-07-02')).toBeUndefined();
      decide(assignment, '2026-07-02', 'nb', true);
    }
    expect(decide.walk('2026-07-02')?.fast.root).toBeTypeOf('number');
    expect(decide.walk('2012-05-05')).toBeUndefined();
  });

  it('decides complete facts in the pack order as the runtime does, in every epoch and both languages', () => {
    fc.assert(
      fc.property(factsArb(true), fc.constantFrom(...DATES), fc.constantFrom('nb' as const, 'en' as const), (facts, date, lang) => expectSame(facts, date, lang)),
      { numRuns: 3_000 },
    );
  });

  it('decides complete and partial facts with their keys in any order, and nulls, as the runtime does', () => {
    fc.assert(
      fc.property(fc.boolean().chain((complete) => factsArb(complete)), fc.array(fc.nat(30), { minLength: 1, maxLength: 30 }), fc.constantFrom(...DATES), (facts, order, date) => {
        expectSame(reordered(facts, order), date, 'nb');
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives each case the same answer when the walk stops early at a child no case reached, and when it is asked again', async () => {
    // A module whose fast path was grown by one case only: a fresh case leaves that path where its
    // facts first differ, the validator's walk stops there and the runtime grows the rest; asked
    // again, the same case is walked to its leaf by the validator.
    const file = join(mkdtempSync(join(tmpdir(), 'lovkode-walk-')), 'no.mjs');
    writeFileSync(file, generateModule(tables));
    const narrow = (await import(pathToFileURL(file).href)) as Module;
    const [one] = fc.sample(factsArb(true), { numRuns: 1, seed: 4 });
    for (let i = 0; i < 1_100; i++) narrow.decide(one!);
    for (const facts of fc.sample(factsArb(true), { numRuns: 500, seed: 3 })) {
      const first = narrow.decide(facts);
      expect(first).toEqual(runtimeDecide(tables, facts));
      expect(narrow.decide(facts)).toEqual(first);
    }
  });
});
