import { readdirSync, readFileSync } from 'node:fs';
import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Declaration, Expr, LovFile } from '../compiler/ast/types.ts';
import { printFile } from '../compiler/format/index.ts';
import { newLexer, tokenize } from '../compiler/lexer/index.ts';
import { ALL_TOKENS, KEYWORDS } from '../compiler/lexer/tokens.ts';
import { LovParser } from '../compiler/parser/grammar.ts';
import { parse } from '../compiler/parser/index.ts';
import { arbLovFile, stripRanges } from './support/arbitraries.ts';

const DOC = readFileSync(new URL('../docs/language.md', import.meta.url), 'utf8').split('```lov\n')[1]!.split('```')[0]!;

function ok(text: string): LovFile {
  const r = parse(text, 't.lov');
  expect(r.diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  return r.file;
}
function only<K extends Declaration['kind']>(text: string, kind: K): Extract<Declaration, { kind: K }> {
  const [d] = ok(text).declarations;
  expect(d?.kind).toBe(kind);
  return d as Extract<Declaration, { kind: K }>;
}
function cond(src: string): unknown {
  return stripRanges(only(`condition c\n  means ${src}`, 'condition').means);
}
const at = (d: { range: { start: { line: number; column: number } } }) => `${d.range.start.line}:${d.range.start.column}`;
const codes = (text: string) => parse(text, 't.lov').diagnostics.map((d) => `${d.code}@${at(d)}`);

/** A lexer of every token type, keywords included (`longer_alt: Identifier`): what tokenize() must equal. */
const REFERENCE_LEXER = new Lexer([...ALL_TOKENS], { positionTracking: 'full' });

describe('grammar definitions', () => {
  it("pass Chevrotain's own checks, which the compiler skips at start-up", () => {
    expect(newLexer(true).lexerDefinitionErrors).toEqual([]);
    expect(REFERENCE_LEXER.lexerDefinitionErrors).toEqual([]);
    expect(() => new LovParser(true)).not.toThrow();
  });
});

/** A lexing result as plain data: each token's type by name and index, its text and its positions. */
function lexed(tokens: IToken[], comments: IToken[] | undefined): unknown {
  const plain = (ts: IToken[]) => ts.map((t) => ({ ...t, tokenType: t.tokenType.name }));
  return { tokens: plain(tokens), comments: plain(comments ?? []) };
}

/** The tokens, comments and unknown characters (offset, length) of tokenize() and of the reference lexer. */
function bothLexers(text: string): [unknown, unknown] {
  const ours = tokenize(text, 'x');
  const reference = REFERENCE_LEXER.tokenize(text);
  const unknown = ours.diagnostics.filter((d) => d.code === 'LOV1001').map((d) => [d.range.start.offset, d.range.end.offset - d.range.start.offset]);
  return [
    { lexed: lexed(ours.tokens, ours.comments), unknown },
    { lexed: lexed(reference.tokens, reference.groups['comments']), unknown: reference.errors.map((e) => [e.offset, e.length]) },
  ];
}

describe('lexer', () => {
  it('gives the same tokens as a lexer of every token type, keywords included, on arbitrary text', () => {
    const words = [...KEYWORDS.map((k) => k.PATTERN as string), 'x', 'income', 'æøå_Navn2', 'ruler', '_in', 'in2', 'setting'];
    const bits = [...words, ...words.map((w) => w.slice(0, -1)), '"', '\\', '#', '\n', '\r', '\r\n', ' ', '\t', '{', '}', '(', ')', '=', '!=', '!', ',', '@', '~', '2018-01-01', '12', '-', 'é', '\u00a0'];
    const piece = fc.constantFrom(...bits);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(piece, { maxLength: 80 }).map((a) => a.join(''))), (text) => {
        const [ours, reference] = bothLexers(text);
        expect(ours).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });
  it("builds the first-character table and line tracking that Chevrotain infers without the tokens' hints", () => {
    // line_breaks and start_chars_hint spare the lexer's construction the analysis of each pattern; they must say what it would find.
    type Analysed = { patternIdxToConfig: Record<string, { canLineTerminator: boolean }[]>; charCodeToPatternIdxToConfig: Record<string, ({ tokenType: { name: string } }[] | undefined)[]> };
    const bare = ALL_TOKENS.filter((t) => !KEYWORDS.includes(t)).map(({ LINE_BREAKS: _l, START_CHARS_HINT: _s, ...t }) => t);
    const described = (lexer: Lexer) => {
      const a = lexer as unknown as Analysed;
      return {
        lineBreaks: a.patternIdxToConfig['defaultMode']!.map((c) => c.canLineTerminator),
        firstChars: [...a.charCodeToPatternIdxToConfig['defaultMode']!].map((list) => list?.map((c) => c.tokenType.name) ?? []),
      };
    };
    expect(bare.some((t) => 'LINE_BREAKS' in t || 'START_CHARS_HINT' in t)).toBe(false);
    expect(described(newLexer())).toEqual(described(new Lexer(bare, { positionTracking: 'full' })));
  });
  it('gives the same tokens as a lexer of every token type on the rules and the corpus', () => {
    const dirs = ['../rules/', '../test/corpus/bad/', '../test/corpus/good/'].map((d) => new URL(d, import.meta.url));
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.lov'))) {
        const text = readFileSync(new URL(name, dir), 'utf8');
        const ours = tokenize(text, 'x');
        const reference = REFERENCE_LEXER.tokenize(text);
        expect(lexed(ours.tokens, ours.comments), name).toEqual(lexed(reference.tokens, reference.groups['comments']));
      }
    }
  });
  it('tells keywords from names that start like them', () => {
    const names = tokenize('includes in income obligations obligation setting æøå_Navn2', 'x').tokens.map((t) => t.tokenType.name);
    expect(names).toEqual(['Includes', 'In', 'Identifier', 'Obligations', 'Obligation', 'Identifier', 'Identifier']);
  });
  it('reports unknown characters and goes on', () => {
    const r = tokenize('fact @@ x ~', 'x');
    expect(r.tokens.map((t) => t.image)).toEqual(['fact', 'x']);
    expect(r.diagnostics.map((d) => [d.code, d.message.en, d.range.start.column, d.range.end.column])).toEqual([
      ['LOV1001', 'Unexpected character “@@”.', 6, 8],
      ['LOV1001', 'Unexpected character “~”.', 11, 12],
    ]);
  });
  it('keeps comments in their own group', () => {
    const r = tokenize('fact x # a "quoted" comment\n# whole line', 'x');
    expect(r.comments.map((c) => c.image)).toEqual(['# a "quoted" comment', '# whole line']);
    expect(r.tokens).toHaveLength(2);
  });
  it('reports an unterminated text at its opening quote and keeps lexing on the next line', () => {
    const r = parse('rule R "ok"\n  because nb "no end\ncondition c', 't.lov');
    expect(r.diagnostics.map((d) => `${d.code}@${at(d)}`)).toEqual(['LOV1002@2:14']);
    expect(r.file.declarations.map((d) => d.kind)).toEqual(['rule', 'condition']);
  });
  it('checks the calendar of dates', () => {
    expect(codes('rule R "t"\n  in force from 2018-13-45 until 2020-02-29')).toEqual(['LOV1007@2:17']);
    expect(codes('example "e"\n  on 2018-1-1')).toEqual(['LOV1007@2:6']);
  });
});

describe('declarations', () => {
  it('parses the complete example of the language reference without diagnostics', () => {
    const file = ok(DOC);
    expect(file.declarations.map((d) => d.kind)).toEqual([
      'import', 'source', 'fact', 'fact', 'condition', 'obligation', 'obligationSet', 'rule', 'rule', 'rule', 'example',
    ]);
    expect(file.comments.map((c) => c.text)).toEqual(['# Markedsføringsloven § 15 — elektronisk markedsføring (utdrag)']);
  });
  it('source with url, section url and status', () => {
    const s = only('source mfl "Loven"\n  url "https://a"\n  section url "https://a/§{section}"\n  status primary', 'source');
    expect(stripRanges(s)).toEqual({ kind: 'source', name: { text: 'mfl' }, title: { value: 'Loven' }, url: { value: 'https://a' }, sectionUrl: { value: 'https://a/§{section}' }, status: { text: 'primary' } });
  });
  it('enumeration fact with labelled values (a value may be called none), question, help and typical', () => {
    const f = only('fact method is one of\n  value none label nb "Ingen" en "None"\n  value oral\n  question nb "Q?" en "Q?"\n  help en "only English"\n  typical none', 'fact');
    expect(f.type).toBe('enum');
    expect(f.values.map((v) => [v.name.text, v.label?.nb?.value])).toEqual([['none', 'Ingen'], ['oral', undefined]]);
    expect(f.help?.nb).toBeUndefined();
    expect(f.help?.en?.value).toBe('only English');
    expect(f.typical?.text).toBe('none');
  });
  it('boolean fact', () => {
    const f = only('fact hasConsent is true or false\n  question nb "Ja?" en "Yes?"\n  typical false', 'fact');
    expect([f.type, f.values, f.typical?.text]).toEqual(['boolean', [], 'false']);
  });
  it('obligation with citations (repeated cites, unverified) and period', () => {
    const o = only('obligation X\n  text nb "a" en "b"\n  cites mfl "§ 15", ehl "§ 9" unverified\n  cites veil "2.6"\n  in force from 2018-07-20 until 2030-01-01', 'obligation');
    expect(o.citations.map((c) => [c.source.text, c.pinpoint.value, c.unverified])).toEqual([['mfl', '§ 15', false], ['ehl', '§ 9', true], ['veil', '2.6', false]]);
    expect([o.inForce?.from?.value, o.inForce?.until?.value]).toEqual(['2018-07-20', '2030-01-01']);
    expect(only('obligation X\n  in force until 2001-01-01', 'obligation').inForce?.from).toBeUndefined();
  });
  it('obligation set: a `when` on the next line is not part of the includes line', () => {
    const s = only('obligation set base\n  includes A, B when x\n  includes C', 'obligationSet');
    expect(s.includes.map((u) => [u.items.map((i) => i.text), u.when?.kind])).toEqual([[['A', 'B'], 'ref'], [['C'], undefined]]);
    const r = only('rule R "t"\n  must A\n  when x\n  then allowed', 'rule');
    expect(r.must[0]?.when).toBeUndefined();
    expect(r.when?.kind).toBe('ref');
    expect(at(r.must[0]!)).toBe('2:3');
  });
  it('rule with every clause; `in force` after a condition that ends in a name', () => {
    const r = only('rule R13 "Unntak"\n  exception to R30, R31\n  when a and b\n  in force from 2018-07-20\n  then allowed_with_conditions\n  must K when c\n  because nb "x"\n          en "y"\n  judgement nb "j" en "k"\n  cites mfl "§ 1"', 'rule');
    expect(r.exceptionTo.map((n) => n.text)).toEqual(['R30', 'R31']);
    expect(r.when?.kind).toBe('and');
    expect(r.inForce?.from?.value).toBe('2018-07-20');
    expect(r.outcome?.text).toBe('allowed_with_conditions');
    expect([r.because?.nb?.value, r.because?.en?.value, r.judgement?.en?.value]).toEqual(['x', 'y', 'k']);
  });
  it('example with givens, date and every kind of expectation', () => {
    const e = only('example "e"\n  given channel = email, hasConsent = true\n  given method = none\n  on 2020-01-01\n  expect not_allowed\n  expect undecided\n  expect obligations none\n  expect obligations A, B\n  expect rule R30\n  expect missing channel', 'example');
    expect(e.given.map((g) => `${g.fact.text}=${g.value.text}`)).toEqual(['channel=email', 'hasConsent=true', 'method=none']);
    expect(e.on?.value).toBe('2020-01-01');
    expect(stripRanges(e.expect)).toEqual([
      { kind: 'outcome', outcome: { text: 'not_allowed' } }, { kind: 'outcome', outcome: { text: 'undecided' } },
      { kind: 'obligations', codes: [] }, { kind: 'obligations', codes: [{ text: 'A' }, { text: 'B' }] },
      { kind: 'rules', rules: [{ text: 'R30' }] }, { kind: 'missing', facts: [{ text: 'channel' }] },
    ]);
  });
  it('unescapes texts and keeps line breaks inside them', () => {
    const i = only('import "a \\"b\\" \\\\ c\n  d"', 'import');
    expect(i.path.value).toBe('a "b" \\ c\n  d');
    expect([at(i), i.range.end.line, i.range.end.column]).toEqual(['1:1', 2, 5]);
  });
  it('gives every node 1-based positions and offsets', () => {
    const c = only('\n\ncondition  cø\n  means x = y', 'condition');
    expect(c.name.range).toEqual({ file: 't.lov', start: { line: 3, column: 12, offset: 13 }, end: { line: 3, column: 14, offset: 15 } });
    expect(c.means?.range.start).toEqual({ line: 4, column: 9, offset: 24 });
  });
});

describe('conditions', () => {
  const ref = (text: string) => ({ kind: 'ref', name: { text } });
  it('not binds tightest, then and, then or; chains are flattened', () => {
    expect(cond('not a and b or c and d')).toEqual({ kind: 'or', operands: [{ kind: 'and', operands: [{ kind: 'not', operand: ref('a') }, ref('b')] }, { kind: 'and', operands: [ref('c'), ref('d')] }] });
    expect(cond('a and (b and c) and d')).toEqual({ kind: 'and', operands: [ref('a'), ref('b'), ref('c'), ref('d')] });
    expect(cond('not (a or b)')).toEqual({ kind: 'not', operand: { kind: 'or', operands: [ref('a'), ref('b')] } });
  });
  it('comparisons and value lists', () => {
    expect(cond('x != y')).toEqual({ kind: 'compare', fact: { text: 'x' }, op: '!=', value: { text: 'y' } });
    expect(cond('x = true')).toEqual({ kind: 'compare', fact: { text: 'x' }, op: '=', value: { text: 'true' } });
    expect(cond('x not in {a, none}')).toEqual({ kind: 'in', fact: { text: 'x' }, negated: true, values: [{ text: 'a' }, { text: 'none' }] });
    expect(cond('not x in {a}')).toEqual({ kind: 'not', operand: { kind: 'in', fact: { text: 'x' }, negated: false, values: [{ text: 'a' }] } });
  });
});

describe('syntax errors', () => {
  it('says in plain words that an outcome was expected, at the offending token', () => {
    const [d, ...rest] = parse('rule R "t"\n  then "allowed"\n  because nb "x" en "y"', 't.lov').diagnostics;
    expect(rest).toEqual([]);
    expect([d?.code, at(d!), d?.range.end.column]).toEqual(['LOV1003', '2:8', 17]);
    expect(d?.message.nb).toBe('Her ventet jeg et utfall (allowed, allowed_with_conditions, not_allowed eller uncertain), men fant «"allowed"».');
    expect(d?.message.en).toBe('Expected an outcome (allowed, allowed_with_conditions, not_allowed or uncertain) here, but found “"allowed"”.');
  });
  it('names the next declaration (or the end of the file) when a declaration stops too early', () => {
    const [a] = parse('rule R "t"\n  then\nrule S "u"', 't.lov').diagnostics;
    expect([a?.code, at(a!), a?.message.en]).toEqual(['LOV1003', '3:1', 'Expected an outcome (allowed, allowed_with_conditions, not_allowed or uncertain) here, but found “rule”.']);
    const [b] = parse('condition c\n  means a and', 't.lov').diagnostics;
    expect(b?.message.nb).toBe('Her ventet jeg en betingelse (et navn, «not» eller «(»), men fant slutten av filen.');
    expect(at(b!)).toBe('2:14');
  });
  it('LOV1008 for a clause that belongs to another kind of declaration, with a hint', () => {
    const [d] = parse('condition c\n  label nb "x" en "y"\n  then allowed\n  means a', 't.lov').diagnostics;
    expect([d?.code, at(d!), d?.message.en, d?.hint?.en]).toEqual(['LOV1008', '3:3', '“then” cannot be used here after “condition”.', 'A “condition” can have these lines: label or means.']);
    const c = parse('condition c\n  label nb "x" en "y"\n  then allowed\n  means a', 't.lov').file.declarations[0];
    expect(c?.kind === 'condition' && c.means?.kind).toBe('ref');
  });
  it('LOV1004 for text before the first declaration', () => {
    const [d] = parse('hello world\nfact x is true or false', 't.lov').diagnostics;
    expect([d?.code, at(d!), d?.message.en]).toEqual(['LOV1004', '1:1', 'I do not understand “hello” here. A new part of the rule file begins with import, source, statute, fact, screen, condition, obligation, rule or example.']);
  });
  it('LOV1009 for a clause written twice; the first one counts', () => {
    const r = parse('rule R "t"\n  then allowed\n  then not_allowed', 't.lov');
    expect(r.diagnostics.map((d) => `${d.code}@${at(d)}`)).toEqual(['LOV1009@3:3']);
    expect((r.file.declarations[0] as { outcome: { text: string } }).outcome.text).toBe('allowed');
  });
  it('LOV1010 instead of a stack overflow for conditions nested too deeply', () => {
    const deep = `condition c\n  means ${'('.repeat(5000)}a${')'.repeat(5000)}\nfact f is true or false`;
    const r = parse(deep, 't.lov');
    expect(r.diagnostics.map((d) => `${d.code}@${at(d)}`)).toEqual(['LOV1010@2:73']);
    expect(r.file.declarations.map((d) => d.kind)).toEqual(['fact']);
    expect(parse(`condition c\n  means ${'not '.repeat(64)}a`, 't.lov').diagnostics).toEqual([]);
    expect(codes(`condition c\n  means ${'not '.repeat(65)}a`)).toEqual(['LOV1010@2:265']);
  });
  it('reports many errors in one run and keeps every declaration it can', () => {
    const r = parse('rule R1 "x"\n  then a b\n  because nb "x"\nfact f is maybe\ncondition c\n  means (a or\nobligation O\n  text nb "t"\nrule R2\n  then allowed', 't.lov');
    expect(r.diagnostics.map((d) => `${d.code}@${at(d)}`)).toEqual(['LOV1003@2:10', 'LOV1003@4:11', 'LOV1003@7:1', 'LOV1003@10:3']);
    expect(r.file.declarations.map((d) => `${d.kind}:${'name' in d && 'text' in d.name ? d.name.text : ''}`)).toEqual(['rule:R1', 'fact:f', 'condition:c', 'obligation:O', 'rule:R2']);
    const r2 = r.file.declarations[4];
    expect(r2?.kind === 'rule' && r2.outcome?.text).toBe('allowed');
  });
});

/** Tokens of a valid program, as text slices, for mutation. */
function pieces(text: string): string[] {
  return tokenize(text, 'm').tokens.map((t) => t.image);
}

describe('properties', () => {
  it('never throws and always answers on arbitrary text', () => {
    const alphabet = fc.constantFrom(...'rule then when and or not in {}()=!,"\\#\n x 2018-01-01 fact is one of value label nb en because expect'.split(' '), '"', ' ', '\n');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(' '))), (text) => {
        const r = parse(text, 'f.lov');
        expect(Array.isArray(r.file.declarations)).toBe(true);
        for (const d of r.diagnostics) expect(d.range.start.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on valid programs with tokens deleted, duplicated or swapped', () => {
    fc.assert(
      fc.property(arbLovFile(), fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (file, edits) => {
        const toks = pieces(printFile(file));
        for (const [op, i, j] of edits) {
          if (toks.length === 0) break;
          const a = i % toks.length;
          const b = j % toks.length;
          if (op === 'delete') toks.splice(a, 1);
          else if (op === 'duplicate') toks.splice(a, 0, toks[a]!);
          else [toks[a], toks[b]] = [toks[b]!, toks[a]!];
        }
        const r = parse(toks.join('\n'), 'f.lov');
        expect(r.file.file).toBe('f.lov');
      }),
      { numRuns: 150 },
    );
  });
  it('print → parse gives back the same AST (modulo ranges)', () => {
    fc.assert(
      fc.property(arbLovFile(), (file) => {
        const r = parse(printFile(file), 'gen.lov');
        expect(r.diagnostics).toEqual([]);
        expect(stripRanges(r.file)).toEqual(stripRanges(file));
      }),
      { numRuns: 200 },
    );
  });
  it('every expression range lies inside its declaration', () => {
    const walk = (e: Expr | undefined, lo: number, hi: number): void => {
      if (!e) return;
      expect(e.range.start.offset).toBeGreaterThanOrEqual(lo);
      expect(e.range.end.offset).toBeLessThanOrEqual(hi);
      if (e.kind === 'not') walk(e.operand, e.range.start.offset, e.range.end.offset);
      if (e.kind === 'and' || e.kind === 'or') e.operands.forEach((o) => walk(o, e.range.start.offset, e.range.end.offset));
    };
    fc.assert(
      fc.property(arbLovFile(), (file) => {
        for (const d of parse(printFile(file), 'gen.lov').file.declarations) {
          if (d.kind === 'condition') walk(d.means, d.range.start.offset, d.range.end.offset);
          if (d.kind === 'rule') walk(d.when, d.range.start.offset, d.range.end.offset);
        }
      }),
      { numRuns: 100 },
    );
  });
});
