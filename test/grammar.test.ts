/**
 * The TextMate grammar (editors/vscode/syntaxes/lov.tmLanguage.json), used by the VS Code extension
 * and by the site's Shiki: every token of the sample files gets the scope in the reviewed baseline
 * test/grammar/<file>.tokens.txt. After a deliberate change: UPDATE_BASELINES=1 npx vitest run test/grammar.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHighlighter, type ThemedToken } from 'shiki';
import { describe, expect, it } from 'vitest';
import { lovShikiConfig } from '../site/build/shiki-lov.mjs';

const root = join(import.meta.dirname, '..');
const grammar = JSON.parse(readFileSync(join(root, 'editors/vscode/syntaxes/lov.tmLanguage.json'), 'utf8'));
const samples = [
  ...readdirSync(join(root, 'test/corpus/good')).filter((f) => f.endsWith('.lov')).map((f) => join(root, 'test/corpus/good', f)),
  ...readdirSync(join(root, 'test/grammar')).filter((f) => f.endsWith('.lov')).map((f) => join(root, 'test/grammar', f)),
];
/** `lov` is a grammar of ours, not one of Shiki's bundled language names. */
const LOV = 'lov' as never;
const highlighter = await createHighlighter({ themes: ['github-light'], langs: [grammar] });

/** One line per token: the text and its innermost scope (`source.lov` alone is plain text). */
function scopes(code: string): string {
  const lines = highlighter.codeToTokens(code, { lang: LOV, theme: 'github-light', includeExplanation: 'scopeName' }).tokens;
  const out: string[] = [];
  lines.forEach((line: ThemedToken[], i) => {
    for (const t of line) {
      for (const e of t.explanation ?? []) {
        if (e.content.trim() === '') continue;
        out.push(`${i + 1}\t${e.content.trim()}\t${e.scopes.at(-1)?.scopeName}`);
      }
    }
  });
  return out.join('\n') + '\n';
}

describe('TextMate grammar', () => {
  for (const file of samples) {
    it(`tokenizes ${basename(file)} as in its baseline`, () => {
      const actual = scopes(readFileSync(file, 'utf8'));
      const baseline = join(root, 'test/grammar', basename(file).replace(/\.lov$/, '.tokens.txt'));
      if (process.env.UPDATE_BASELINES || !existsSync(baseline)) writeFileSync(baseline, actual);
      expect(actual).toBe(readFileSync(baseline, 'utf8'));
    });
  }

  it('gives keywords, names, values, outcomes, strings and comments their scopes', () => {
    const s = scopes('# c\nrule R1 "T"\n  exception to R0\n  prevails over R2\n  when channel in {email} and x != y\n  then not_allowed\n  because nb "a" en "b"\n');
    for (const expected of [
      '1\t# c\tcomment.line.number-sign.lov',
      '2\trule\tkeyword.declaration.rule.lov',
      '2\tR1\tentity.name.function.rule.lov',
      '3\texception to\tkeyword.other.clause.lov',
      '4\tprevails over\tkeyword.other.clause.lov',
      '5\tchannel\tvariable.other.name.lov',
      '5\tin\tkeyword.operator.in.lov',
      '5\t!=\tkeyword.operator.comparison.lov',
      '6\tnot_allowed\tconstant.language.outcome.lov',
      '7\tnb\tsupport.type.language.lov',
    ]) expect(s).toContain(expected);
  });

  it('renders ```lov on the site with classes, never inline styles (the CSP forbids them)', async () => {
    const h = await createHighlighter({ themes: [lovShikiConfig.theme], langs: lovShikiConfig.langs });
    const html = h.codeToHtml('rule R1 "T" # c\n  then allowed', { lang: LOV, theme: 'lovkode-classes', transformers: lovShikiConfig.transformers });
    expect(html).not.toContain('style=');
    expect(html).toContain('<span class="tok-keyword">rule</span>');
    expect(html).toContain('<span class="tok-name"> R1</span>');
    expect(html).toContain('<span class="tok-constant"> allowed</span>');
    expect(html).toContain('class="shiki lovkode-classes code-block"');
  });
});
