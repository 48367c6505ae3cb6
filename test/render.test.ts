import { describe, expect, it } from 'vitest';
import { diagnostic } from '../compiler/diagnostics/catalogue.ts';
import { renderDiagnostic, renderDiagnostics, sortDiagnostics, summarize } from '../compiler/diagnostics/render.ts';
import { didYouMean, editDistance, suggestionHint } from '../compiler/diagnostics/suggest.ts';
import { checkSource, dedent, rangeOf, withBase } from './support/dsl.ts';

const FILE = 'rules/mfl.lov';
const SRC = dedent(`
  fact channel is one of
    value email label nb "E-post" en "E-mail"

  rule R1 "Hovedregel"
    when chanel = email
    then not_allowed
`);
const TEXTS = new Map([[FILE, SRC]]);

const undeclared = diagnostic('LOV2001', rangeOf(SRC, FILE, 'chanel'), ['chanel'], {
  hint: suggestionHint(['channel']),
  related: [{ range: rangeOf(SRC, FILE, 'channel'), message: { nb: '«channel» er deklarert her.', en: '“channel” is declared here.' } }],
});

describe('renderDiagnostic', () => {
  it('shows the location, the code frame with the line before, the underline, the hint and the related place', () => {
    expect(renderDiagnostic(undeclared, TEXTS, 'en')).toBe(
      [
        'rules/mfl.lov:5:8  error LOV2001: Fact “chanel” is not declared.',
        '   4 | rule R1 "Hovedregel"',
        '   5 |   when chanel = email',
        '     |        ^~~~~~',
        '    = hint: Did you mean “channel”?',
        'rules/mfl.lov:1:6  note: “channel” is declared here.',
        '   1 | fact channel is one of',
        '     |      ^~~~~~~',
      ].join('\n'),
    );
  });

  it('speaks bokmål when asked', () => {
    const text = renderDiagnostic(undeclared, TEXTS, 'nb');
    expect(text).toContain('rules/mfl.lov:5:8  feil LOV2001: Faktumet «chanel» er ikke deklarert.');
    expect(text).toContain('    = tips: Mente du «channel»?');
    expect(text).toContain('rules/mfl.lov:1:6  merk: «channel» er deklarert her.');
  });

  it('leaves out the line before when it is blank, and pads the gutter to the widest line number', () => {
    const src = `${'\n'.repeat(9)}\nrule R1 "x"\n`;
    const d = diagnostic('LOV3001', rangeOf(src, FILE, 'R1'), ['R1']);
    expect(renderDiagnostic(d, new Map([[FILE, src]]), 'en').split('\n').slice(1)).toEqual(['   11 | rule R1 "x"', '      |      ^~']);
  });

  it('underlines every line of a range that spans several lines', () => {
    const src = 'because nb "første linje\n  andre linje" en "x"\n';
    const range = { ...rangeOf(src, FILE, '"første'), end: rangeOf(src, FILE, 'linje"').end };
    const lines = renderDiagnostic(diagnostic('LOV3003', range, ['R1']), new Map([[FILE, src]]), 'en').split('\n');
    expect(lines.slice(1)).toEqual([
      '   1 | because nb "første linje',
      '     |            ^~~~~~~~~~~~~',
      '   2 |   andre linje" en "x"',
      '     |   ^~~~~~~~~~~~',
    ]);
  });

  it('elides the middle of a range longer than five lines', () => {
    const src = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    const range = { ...rangeOf(src, FILE, 'line 2'), end: rangeOf(src, FILE, 'line 11').end };
    const lines = renderDiagnostic(diagnostic('LOV3001', range, ['R1']), new Map([[FILE, src]]), 'en').split('\n');
    expect(lines.slice(1)).toEqual([
      '    1 | line 1',
      '    2 | line 2',
      '      | ^~~~~~',
      '    3 | line 3',
      '      | ^~~~~~',
      '    4 | line 4',
      '      | ^~~~~~',
      '    …',
      '   11 | line 11',
      '      | ^~~~~~~',
    ]);
  });

  it('marks an empty range with a single caret', () => {
    const r = rangeOf(SRC, FILE, 'then');
    const d = diagnostic('LOV3012', { ...r, end: r.start }, ['R1']);
    expect(renderDiagnostic(d, TEXTS, 'en').split('\n').at(-1)).toBe('     |   ^');
  });

  it('indents a hint of several lines under its label', () => {
    const d = { ...diagnostic('LOV4001', rangeOf(SRC, FILE, 'R1')), hint: { nb: 'a\nb', en: 'first\nsecond' } };
    expect(renderDiagnostic(d, TEXTS, 'en').split('\n').slice(-2)).toEqual(['    = hint: first', '      second']);
  });

  it('prints only the headline when the file text is unknown', () => {
    expect(renderDiagnostic(diagnostic('LOV3001', rangeOf(SRC, 'other.lov', 'R1'), ['R1']), TEXTS, 'en')).toBe(
      'other.lov:4:6  error LOV3001: Rule “R1” cites no source.',
    );
  });

  it('shows paths relative to the root it is given', () => {
    const d = diagnostic('LOV3001', rangeOf(SRC, '/repo/rules/mfl.lov', 'R1'), ['R1']);
    expect(renderDiagnostic(d, TEXTS, 'en', { root: '/repo' })).toMatch(/^rules\/mfl\.lov:4:6 {2}error/);
  });

  it('uses ANSI colours only when asked', () => {
    expect(renderDiagnostic(undeclared, TEXTS, 'en')).not.toContain('\x1b[');
    expect(renderDiagnostic(undeclared, TEXTS, 'en', { color: true })).toContain('\x1b[31m\x1b[1merror LOV2001\x1b[0m');
  });
});

describe('renderDiagnostics and summarize', () => {
  const warning = diagnostic('LOV2015', rangeOf(SRC, FILE, 'channel'), ['channel']);

  it('counts errors and warnings in both languages', () => {
    expect(summarize([undeclared, undeclared, warning], 'en')).toBe('2 errors, 1 warning');
    expect(summarize([undeclared, undeclared, warning], 'nb')).toBe('2 feil, 1 advarsel');
    expect(summarize([warning, warning], 'nb')).toBe('2 advarsler');
    expect(summarize([undeclared], 'en')).toBe('1 error');
  });

  it('separates diagnostics with blank lines and ends with the summary', () => {
    const text = renderDiagnostics([undeclared, warning], TEXTS, 'en');
    expect(text.split('\n\n')).toHaveLength(3);
    expect(text.endsWith('\n\n1 error, 1 warning\n')).toBe(true);
  });

  it('renders nothing for no diagnostics', () => {
    expect(renderDiagnostics([], TEXTS, 'en')).toBe('');
  });
});

describe('sortDiagnostics', () => {
  it('sorts by file (in the given order), then by position, without changing the input', () => {
    const late = diagnostic('LOV3001', rangeOf(SRC, FILE, 'R1'), ['R1']);
    const early = diagnostic('LOV2015', rangeOf(SRC, FILE, 'channel'), ['channel']);
    const other = diagnostic('LOV3001', rangeOf(SRC, 'a.lov', 'R1'), ['R1']);
    const input = [late, other, early];
    expect(sortDiagnostics(input, [FILE, 'a.lov'])).toEqual([early, late, other]);
    expect(sortDiagnostics(input)).toEqual([other, early, late]);
    expect(input).toEqual([late, other, early]);
  });
});

describe('didYouMean', () => {
  it('measures a swap of neighbours as one edit', () => {
    expect(editDistance('chanel', 'channel')).toBe(1);
    expect(editDistance('hasCosnent', 'hasConsent')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest names only, and nothing that is far off', () => {
    expect(didYouMean('chanel', ['channel', 'recipientType', 'hasConsent'])).toEqual(['channel']);
    expect(didYouMean('emial', ['email', 'sms', 'letter'])).toEqual(['email']);
    expect(didYouMean('R31', ['R30', 'R32', 'R50'])).toEqual(['R30', 'R32']);
    expect(didYouMean('R31', ['R13'])).toEqual(['R13']);
    expect(didYouMean('zebra', ['channel', 'email'])).toEqual([]);
  });

  it('falls back to names that begin with the misspelt one, or that it begins with', () => {
    expect(didYouMean('sms', ['email', 'sms_mms', 'letter'])).toEqual(['sms_mms']);
    expect(didYouMean('emailMarketing', ['email', 'sms'])).toEqual(['email']);
    expect(didYouMean('em', ['email'])).toEqual([]);
  });

  it('treats a difference in case as the closest match', () => {
    expect(didYouMean('Channel', ['channels', 'channel'])).toEqual(['channel']);
  });

  it('writes the hint in both languages', () => {
    expect(suggestionHint(['a', 'b'])).toEqual({ nb: 'Mente du «a» eller «b»?', en: 'Did you mean “a” or “b”?' });
    expect(suggestionHint([])).toBeUndefined();
  });
});

describe('a checked mistake, rendered in bokmål', () => {
  it('reads as a whole', () => {
    const src = withBase(`
      rule R9 "Test"
        exception to R3
        when chanel = email
        then allowed
        because nb "Fordi." en "Because."
        cites mfl "§ 15"
    `);
    const text = renderDiagnostics(checkSource(src), new Map([['test.lov', src]]), 'nb');
    expect(text).toBe(
      [
        'test.lov:45:8  feil LOV2001: Faktumet «chanel» er ikke deklarert.',
        '   44 |   exception to R3',
        '   45 |   when chanel = email',
        '      |        ^~~~~~',
        '    = tips: Mente du «channel»?',
        '',
        '1 feil',
        '',
      ].join('\n'),
    );
  });
});
