/**
 * The generated standalone module decides exactly like the interpreter: on random packs and random
 * partial facts, its outcome, obligations and missing facts match brute-force enumeration.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateModule, generateSchema, generateTypes } from '../compiler/generate/module.ts';
import { build, freeze } from '../compiler/ir/compile.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import { decide as runtimeDecide } from '../compiler/runtime/engine.ts';
import type { IRPack } from '../compiler/ir/types.ts';
import { completions, irPackArb, partialArb } from './support/ir-packs.ts';

const dir = mkdtempSync(join(tmpdir(), 'lovkode-gen-'));
let counter = 0;

async function load(pack: IRPack, options: { fastPath?: boolean } = {}) {
  const file = join(dir, `pack${counter++}.mjs`);
  writeFileSync(file, generateModule(freeze(pack, build(pack)), options));
  return (await import(pathToFileURL(file).href)) as { decide: (facts: object, o?: object) => { outcome: string | null; obligations: { code: string }[]; missing: string[] } | { error: { code: string } } };
}

function factsOf(pack: IRPack, partial: number[]) {
  return Object.fromEntries(pack.facts.flatMap((f, i) => (partial[i]! < 0 ? [] : [[f.name, f.type === 'boolean' ? partial[i] === 1 : f.values[partial[i]!]]])));
}

describe('generated module', () => {
  it('agrees with brute-force interpretation on random partial facts', async () => {
    const cases = fc.sample(irPackArb.chain((p) => fc.tuple(fc.constant(p), fc.array(partialArb(p), { minLength: 5, maxLength: 5 }))), 40);
    for (const [pack, partials] of cases) {
      const mod = await load(pack);
      for (const partial of partials) {
        const keys = new Set(completions(pack, partial).map((c) => {
          const r = interpret(pack, c, '2026-11-29');
          // Conflicts between different rules are different answers (the engine tells them apart too).
          if (r.kind === 'conflict') return `conflict:${r.outcomes}:${r.rules}`;
          return r.kind === 'decision' ? `${r.outcome}:${r.obligations.map((o) => pack.obligations[o]!.code)}` : r.kind;
        }));
        const got = mod.decide(factsOf(pack, partial), { date: '2026-11-29' });
        if ('error' in got) {
          expect(keys.size).toBe(1);
          expect([...keys][0]!.startsWith(got.error.code === 'E_PACK_GAP' ? 'gap' : 'conflict')).toBe(true);
        } else if (got.outcome === null) {
          expect(keys.size).toBeGreaterThan(1);
          expect(got.missing.length).toBeGreaterThan(0);
        } else {
          expect([...keys]).toEqual([`${got.outcome}:${got.obligations.map((o) => o.code)}`]);
        }
      }
    }
  });

  it('rejects bad input exactly as the runtime does: not an object, unknown facts, wrong values', async () => {
    const cases = fc.sample(irPackArb, 10);
    for (const pack of cases) {
      const mod = await load(pack);
      const tables = freeze(pack, build(pack));
      const f0 = pack.facts[0]!;
      const inputs: unknown[] = [null, [], 'x', { nope: 1 }, { [f0.name]: 'no_such_value' }, { [f0.name]: 3 }, { [f0.name]: null, extra: true }, { [f0.name]: f0.type === 'boolean' ? 'true' : true }];
      for (const input of inputs) expect(mod.decide(input as object, { date: '2026-11-29' })).toEqual(runtimeDecide(tables, input, { date: '2026-11-29' }));
    }
  });

  it('gives the same full answers as the runtime on the full tables, without and with the fast-path diagrams', async () => {
    const cases = fc.sample(irPackArb.chain((p) => fc.tuple(fc.constant(p), fc.array(partialArb(p), { minLength: 4, maxLength: 4 }))), 25);
    for (const [pack, partials] of cases) {
      const tables = freeze(pack, build(pack));
      const [small, fast] = [await load(pack), await load(pack, { fastPath: true })];
      // Each partial as given, and one completion of it (complete facts take the leaf-and-rules path).
      for (const partial of partials.flatMap((p) => { const all = completions(pack, p); return [p, all[0]!, all[all.length - 1]!]; })) {
        for (const lang of ['nb', 'en'] as const) {
          const want = runtimeDecide(tables, factsOf(pack, partial), { date: '2026-11-29', lang });
          expect(small.decide(factsOf(pack, partial), { date: '2026-11-29', lang })).toEqual(want);
          expect(fast.decide(factsOf(pack, partial), { date: '2026-11-29', lang })).toEqual(want);
        }
      }
      // Inherited keys are not facts, for the runtime and the module alike.
      const inherited = Object.create(factsOf(pack, partials[0]!)) as object;
      expect(small.decide(inherited, { date: '2026-11-29' })).toEqual(runtimeDecide(tables, inherited, { date: '2026-11-29' }));
    }
  });

  it('gives the same answers before and after it builds its fast path for complete facts (after 1,000 of them)', async () => {
    for (const pack of fc.sample(irPackArb, 4)) {
      const tables = freeze(pack, build(pack));
      const mod = await load(pack);
      const complete = fc.sample(fc.tuple(...pack.facts.map((f) => fc.nat(f.values.length - 1))), 1_200);
      for (const c of complete) expect(mod.decide(factsOf(pack, c), { date: '2026-11-29' })).toEqual(runtimeDecide(tables, factsOf(pack, c), { date: '2026-11-29' }));
    }
  });

  it('declares exact fact types and a schema that rejects unknown facts', () => {
    const [pack] = fc.sample(irPackArb, 1);
    const tables = freeze(pack!, build(pack!));
    const dts = generateTypes(tables);
    for (const f of pack!.facts) expect(dts).toContain(`${f.name}?: ${f.type === 'boolean' ? 'boolean' : f.values.map((v) => JSON.stringify(v)).join(' | ')} | null;`);
    const schema = generateSchema(tables) as { additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(pack!.facts.map((f) => f.name));
  });

  it('has no import of its own: it runs without the compiler', () => {
    const [pack] = fc.sample(irPackArb, 1);
    const js = generateModule(freeze(pack!, build(pack!)));
    expect(js).not.toMatch(/^\s*import\s/m);
    expect(js).not.toContain('chevrotain');
  });
});
