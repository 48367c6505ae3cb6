/**
 * The playground's pieces outside the browser (the page itself: test/e2e/playground.test.ts): the
 * share fragment round-trips any text and rejects what it cannot read, and the panels built from a
 * compile of the charity edit speak one language at a time and point at the right places.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileWith, sourcesHost } from '../compiler/compile.ts';
import { diffPacks } from '../compiler/analyse/diff.ts';
import { describeDiff } from '../compiler/cli/diff-words.ts';
import { decodeShared, encodeShared, isShared } from '../site/lib/playground/share.ts';
import { playgroundText } from '../site/lib/playground/text.ts';
import { changesView, diagnosticsView, examplesView, findingsView } from '../site/lib/playground/view.ts';
import { CHARITY_FACT, CHARITY_RULE } from './support/charity.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));
const PUBLISHED = Object.fromEntries(readdirSync(RULES).filter((f) => f.endsWith('.lov')).map((f) => [f, readFileSync(`${RULES}${f}`, 'utf8')]));

describe('share fragment', () => {
  const published = new Map(Object.entries(PUBLISHED));

  it('round-trips the edited files, compressed, with any characters, in a link far shorter than the files', async () => {
    const shared = { file: 'electronic.lov', edits: { 'electronic.lov': `${PUBLISHED['electronic.lov']}\n# «§ 15» æøå – 🙂\n`, 'facts.lov': `x${PUBLISHED['facts.lov']!.slice(40)}` } };
    const fragment = await encodeShared(shared, published);
    expect(fragment).toMatch(/^z=[\w-]+$/);
    expect(fragment.length).toBeLessThan(200);
    expect(isShared(`#${fragment}`)).toBe(true);
    expect(await decodeShared(`#${fragment}`, published)).toEqual({ ...shared, stale: [] });
  });

  it('writes and reads the plain form where the browser cannot compress', async () => {
    const saved = globalThis.CompressionStream;
    Reflect.set(globalThis, 'CompressionStream', undefined);
    try {
      const fragment = await encodeShared({ file: 'scope.lov', edits: { 'scope.lov': 'rule X\n' } }, published);
      expect(fragment).toMatch(/^t=/);
      expect(await decodeShared(fragment, published)).toEqual({ file: 'scope.lov', edits: { 'scope.lov': 'rule X\n' }, stale: [] });
    } finally {
      Reflect.set(globalThis, 'CompressionStream', saved);
    }
  });

  it('leaves out the edit of a file whose published text has changed since, and rejects what it cannot read', async () => {
    const fragment = await encodeShared({ file: 'scope.lov', edits: { 'scope.lov': `${PUBLISHED['scope.lov']}# more\n` } }, published);
    const newer = new Map([...published, ['scope.lov', `# a newer version\n${PUBLISHED['scope.lov']}`]]);
    expect(await decodeShared(fragment, newer)).toEqual({ file: 'scope.lov', edits: {}, stale: ['scope.lov'] });
    const plain = (d: unknown) => `#t=${encodeURIComponent(JSON.stringify({ f: 'a.lov', d }))}`;
    for (const bad of ['#z=!!!', '#z=AAAA', '#t=%E0%A4%A', plain([]), plain({ 'a.lov': ['x', -1, 0, ''] }), plain({ 'a.lov': 'text' }), '#t=[]', '#main', '']) expect(await decodeShared(bad, published), bad).toBeNull();
    expect(isShared('#main')).toBe(false);
  });
});

describe('panels of the charity edit', () => {
  const edits = {
    'facts.lov': `${PUBLISHED['facts.lov']}${CHARITY_FACT}`,
    'electronic.lov': `${PUBLISHED['electronic.lov']}${CHARITY_RULE}`,
  };
  const before = compileWith(['main.lov'], sourcesHost(PUBLISHED), { analyse: false, examples: false });
  const after = compileWith(['main.lov'], sourcesHost({ ...PUBLISHED, ...edits }), {});

  it('lists the conflict once, as a finding with its place, and no error in the file', () => {
    const nb = playgroundText('nb');
    const own = diagnosticsView(after.diagnostics, 'electronic.lov', 'nb', nb);
    expect([own.errors, own.warnings]).toEqual([0, 0]);
    const findings = findingsView(after.diagnostics, true, 'electronic.lov', 'nb', nb);
    expect(findings.match(/data-code="LOV4002"/g)).toHaveLength(1);
    const line = edits['electronic.lov'].split('\n').findIndex((l) => l.startsWith('rule R31')) + 1;
    expect(findings).toContain(`Linje ${line}, kolonne`);
    expect(findingsView(after.diagnostics, false, 'electronic.lov', 'nb', nb)).toContain(nb.findingsBlocked);
  });

  it('says what failing examples expected and got in the page language only', () => {
    const nb = examplesView(after.examples, 'electronic.lov', 'nb', playgroundText('nb'));
    expect(nb).toContain('Består med «given charityFundraising = false»');
    expect(nb).toMatch(/Forventet utfallet \w+, men fikk ikke avgjort \(mangler charityFundraising\)/);
    expect(nb).not.toMatch(/undecided|missing|\bnone\b/);
    const en = examplesView(after.examples, 'electronic.lov', 'en', playgroundText('en'));
    expect(en).toMatch(/Expected outcome \w+, but got undecided \(missing charityFundraising\)/);
  });

  it('shows the changed situations in the words of lovkode diff', () => {
    const diff = diffPacks(before.pack!.ir, after.pack!.ir, 10);
    const html = changesView(describeDiff(diff, before.pack!.ir, after.pack!.ir, 'en', 10), diff.truncated, 10, playgroundText('en'));
    expect(html).toContain('New question: Are you raising money for a charity?');
    expect(html).toContain('R31 «Charity fundraising»');
    expect(html).toMatch(/<dd data-before><strong>not allowed<\/strong>.*<\/dd><\/div><div><dt>Now<\/dt><dd data-after><strong>allowed with conditions<\/strong>/);
    expect(html).not.toMatch(/charityFundraising|recipientType/);
  });
});
