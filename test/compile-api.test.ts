/**
 * The compile API (`compile(sources)`, the package's main export): rule files as strings in, a pack
 * out that decides, explains, analyses, compares and generates code — with no file system.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compile } from '../compiler/api.ts';
import { loadDefaultPack } from '../compiler/pipeline.ts';
import { packVersion } from '../compiler/ir/lower.ts';
import { sha256Hex } from '../compiler/ir/sha256.ts';
import { posixPaths } from '../compiler/load/posix.ts';
import { SMALL_PACK } from './support/small-pack.ts';

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('compile(sources)', () => {
  it('compiles files that import each other by relative path, and decides exactly on partial facts', () => {
    const { diagnostics, pack } = compile(SMALL_PACK, { entry: 'rules/main.lov' });
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(pack).not.toBeNull();
    expect(pack!.decide({ channel: 'email' })).toMatchObject({ outcome: null, missing: ['hasConsent'] });
    const refused = pack!.decide({ channel: 'email', hasConsent: false }, { lang: 'en' });
    expect(refused).toMatchObject({ outcome: 'not_allowed', reasons: [{ rule: 'R2', text: 'E-mail needs consent.' }] });
    expect(pack!.decide({ channel: 'fax' })).toMatchObject({ error: { code: 'E_BAD_VALUE', field: 'channel' } });
    expect(pack!.nextQuestion({ channel: 'email' }, { lang: 'en' })).toMatchObject({ question: { fact: 'hasConsent', text: 'Has the recipient consented?' } });
  });

  it('takes every source as an entry by default, in key order', () => {
    expect(compile(SMALL_PACK).pack?.tables.facts.map((f) => f.name)).toEqual(['channel', 'hasConsent']);
  });

  it('reports errors with their code and file, and gives no pack', () => {
    const broken = { ...SMALL_PACK, 'rules/main.lov': SMALL_PACK['rules/main.lov']!.replace('then allowed\n  because nb "Brev', 'then allowd\n  because nb "Brev') };
    const { diagnostics, pack } = compile(broken);
    expect(pack).toBeNull();
    expect(diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'LOV2012', range: { file: 'rules/main.lov', start: { line: 11 } } });
  });

  it('an import that is not among the sources is LOV1005 at the import', () => {
    const { diagnostics } = compile({ 'a.lov': 'import "nope.lov"\nfact x is true or false\n  question nb "x?" en "x?"' });
    expect(diagnostics.find((d) => d.code === 'LOV1005')).toMatchObject({ range: { file: 'a.lov', start: { line: 1 } } });
  });

  it('a failing example is an error, so there is no pack', () => {
    const wrong = { ...SMALL_PACK, 'rules/main.lov': SMALL_PACK['rules/main.lov']!.replace('expect not_allowed', 'expect allowed') };
    const { diagnostics, pack } = compile(wrong);
    expect(codes(diagnostics)).toContain('LOV5001');
    expect(pack).toBeNull();
    expect(compile(wrong, { examples: false }).pack).not.toBeNull();
  });

  it('explains, analyses, lists what would change, diffs and generates JS and SQL', async () => {
    const pack = compile(SMALL_PACK).pack!;
    expect(pack.explain({ channel: 'email', hasConsent: false }, { lang: 'en' })).toMatch(/^Answer: No, this is not allowed\.\n[\s\S]*E-mail needs consent\. \(R2\)/);
    expect(pack.explain({ channel: 'email' }, { date: '2026-13-01' })).toMatchObject({ error: { code: 'E_BAD_DATE' } });
    expect(pack.whatWouldChange({ channel: 'email', hasConsent: false }, { lang: 'en' })).toMatchObject([{ outcome: 'allowed', actions: [{ fact: 'hasConsent', value: true, text: 'Ask for consent first.' }] }]);
    const analysis = pack.analyse({ date: '2026-01-01' });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.coverage.rules).toEqual([{ id: 'R1', covered: false }, { id: 'R2', covered: true }, { id: 'R3', covered: false }]);
    expect(analysis.questionnaire).toMatchObject({ paths: 3, maxQuestions: 2 });
    const edited = compile({ ...SMALL_PACK, 'rules/main.lov': SMALL_PACK['rules/main.lov']!.replace('when channel = letter\n  then allowed', 'when channel = letter\n  then not_allowed') }).pack!;
    const diff = pack.diff(edited);
    expect(diff.differences).toHaveLength(1);
    expect(diff.differences[0]).toMatchObject({ facts: { channel: ['letter'] }, before: { outcome: 'allowed' }, after: { outcome: 'not_allowed' } });
    expect(() => pack.diff({} as typeof pack)).toThrow(/must come from compile/);
    const mod = pack.toModule();
    expect(mod.dts).toContain(`channel?: "email" | "letter" | null;`);
    expect(mod.schema).toMatchObject({ properties: { hasConsent: { type: ['boolean', 'null'] } } });
    const url = `data:text/javascript;base64,${Buffer.from(mod.js).toString('base64')}`;
    const generated = (await import(url)) as { decide: (f: object) => unknown };
    expect(generated.decide({ channel: 'letter' })).toEqual(pack.decide({ channel: 'letter' }));
    expect(pack.toSql({ date: '2026-01-01', table: 'contacts', key: 'id' })).toMatch(/^[\s\S]*SELECT[\s\S]*"contacts"/);
  });
});

describe('browser-safe pieces', () => {
  it('sha256Hex equals node:crypto, and the bundled pack keeps its version', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const h = createHash('sha256');
    for (const t of ['a', 'b']) h.update(t).update('\0');
    expect(packVersion(['b', 'a'])).toBe(h.digest('hex').slice(0, 16));
    expect(loadDefaultPack().tables.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('posix paths: relative stays relative, .. folds, relative() walks up', () => {
    expect(posixPaths.resolve(posixPaths.dirname('rules/main.lov'), '../facts.lov')).toBe('facts.lov');
    expect(posixPaths.resolve('/p/a', './b/../c.lov')).toBe('/p/a/c.lov');
    expect(posixPaths.resolve('a', '/abs.lov')).toBe('/abs.lov');
    expect(posixPaths.dirname('main.lov')).toBe('.');
    expect(posixPaths.relative('rules', 'facts.lov')).toBe('../facts.lov');
  });
});
