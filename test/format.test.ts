import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, printFile } from '../compiler/format/index.ts';
import { parse } from '../compiler/parser/index.ts';
import { arbLovFile, stripRanges } from './support/arbitraries.ts';

const fmt = (text: string) => {
  const r = format(text, 'f.lov');
  expect(r.diagnostics).toEqual([]);
  return r.text;
};

describe('format', () => {
  it('lays out declarations and clauses canonically', () => {
    const messy = `rule   R1 "Tittel"   because nb "x"   en "y"
then not_allowed
        when a and(b or c)   exception to R0,R2
      cites mfl "§ 1"
cites ehl "§ 2" unverified
source mfl "L" status primary url "u"
fact f is one of value a label nb "A" en "A" value b typical b
example "e" expect not_allowed given f = a on 2020-01-01`;
    expect(fmt(messy)).toBe(`rule R1 "Tittel"
  exception to R0, R2
  when a and (b or c)
  then not_allowed
  because nb "x" en "y"
  cites mfl "§ 1", ehl "§ 2" unverified

source mfl "L"
  url "u"
  status primary

fact f is one of
  value a label nb "A" en "A"
  value b
  typical b

example "e"
  given f = a
  on 2020-01-01
  expect not_allowed
`);
  });
  it('puts en under nb when the line would pass 100 columns', () => {
    const long = 'x'.repeat(50);
    expect(fmt(`rule R "t"\n  because nb "${long}" en "${long}"`)).toBe(`rule R "t"\n  because nb "${long}"\n          en "${long}"\n`);
  });
  it('packs givens and citations onto as few lines as fit, and wraps long name lists under their first name', () => {
    const givens = Array.from({ length: 8 }, (_, i) => `fact_${i} = value_${i}`);
    const codes = Array.from({ length: 9 }, (_, i) => `OBLIGATION_CODE_${i}`);
    const out = fmt(`example "e"\n  given ${givens.join(', ')}\n  expect obligations ${codes.join(', ')}`);
    expect(out.split('\n')).toEqual([
      'example "e"',
      `  given ${givens.slice(0, 5).join(', ')}`,
      `  given ${givens.slice(5).join(', ')}`,
      `  expect obligations ${codes.slice(0, 4).join(', ')},`,
      `                     ${codes.slice(4, 8).join(', ')},`,
      `                     ${codes[8]}`,
      '',
    ]);
    expect(out.split('\n').every((l) => l.length <= 100)).toBe(true);
  });
  it('breaks a long condition before and/or with a four-space continuation', () => {
    const names = Array.from({ length: 12 }, (_, i) => `condition_number_${i}`);
    const out = fmt(`condition c\n  means ${names.join(' and ')}`);
    expect(out.split('\n')).toEqual(['condition c', `  means ${names[0]}`, ...names.slice(1).map((n) => `      and ${n}`), '']);
    expect(fmt(out)).toBe(out);
  });
  it('keeps comments: above the clause they precede, at the end of their line, and at the end of the file', () => {
    const src = `# file header
import "a.lov"
# about R
rule R "t" # title comment
    then allowed   # why
  # before because
    because nb "x" en "y"
# trailing 1

# trailing 2
`;
    expect(fmt(src)).toBe(`# file header
import "a.lov"

# about R
rule R "t"  # title comment
  then allowed  # why
  # before because
  because nb "x" en "y"

# trailing 1

# trailing 2
`);
  });
  it('keeps one blank line after a top-level comment that had one, never inside a declaration', () => {
    const src = '# header\n\n\n# about R\nrule R "t"\n  # a\n\n  then allowed\n# end 1\n\n# end 2\n\n';
    expect(fmt(src)).toBe('# header\n\n# about R\nrule R "t"\n  # a\n  then allowed\n\n# end 1\n\n# end 2\n');
  });
  it('a comment moves with its clause when clauses are reordered', () => {
    expect(fmt('rule R "t"\n  # the outcome\n  then allowed\n  # the condition\n  when a\n')).toBe('rule R "t"\n  # the condition\n  when a\n  # the outcome\n  then allowed\n');
  });
  it('returns a text with syntax errors unchanged, with the diagnostics', () => {
    const bad = 'rule R "t"\n   then "x"\n';
    const r = format(bad, 'f.lov');
    expect(r.text).toBe(bad);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LOV1003']);
  });
  it('an empty file stays empty; a file of comments keeps them', () => {
    expect(fmt('')).toBe('');
    expect(fmt('  # only\n\n# comments')).toBe('# only\n\n# comments\n');
    expect(fmt('# a\n# b\n')).toBe('# a\n# b\n');
  });
});

/** Inserts `#` comments at random line ends and between lines of a printed program. */
function sprinkle(text: string, spots: number[]): string {
  const lines = text.split('\n');
  for (const [k, spot] of spots.entries()) {
    const i = spot % (lines.length + 1);
    if (k % 2 === 0) lines.splice(i, 0, `# note ${k}`);
    else if (i < lines.length && lines[i] !== '') lines[i] += ` # tail ${k}`;
  }
  return lines.join('\n');
}

describe('format properties', () => {
  it('is idempotent and keeps the meaning of generated programs', () => {
    fc.assert(
      fc.property(arbLovFile(), (file) => {
        const once = fmt(printFile(file));
        expect(fmt(once)).toBe(once);
        expect(stripRanges(parse(once, 'f.lov').file)).toEqual(stripRanges(file));
      }),
      { numRuns: 100 },
    );
  });
  it('with comments sprinkled in: idempotent, same meaning, every comment kept', () => {
    fc.assert(
      fc.property(arbLovFile(), fc.array(fc.nat(), { maxLength: 8 }), (file, spots) => {
        const src = sprinkle(printFile(file), spots);
        const before = parse(src, 'f.lov');
        fc.pre(before.diagnostics.length === 0); // a comment marker can land inside a multi-line text
        const once = fmt(src);
        expect(fmt(once)).toBe(once);
        const after = parse(once, 'f.lov').file;
        expect(stripRanges(after)).toEqual(stripRanges(before.file));
        expect(after.comments.map((c) => c.text).sort()).toEqual(before.file.comments.map((c) => c.text).sort());
      }),
      { numRuns: 100 },
    );
  });
});
