/**
 * fast-check arbitraries for random, syntactically valid `.lov` ASTs (ranges are placeholders), and
 * helpers to compare ASTs modulo ranges. `printFile(ast)` of any generated file parses back to the
 * same AST. Names are not declared consistently: these are for the syntax side, not the checker.
 */
import fc from 'fast-check';
import type {
  Citation, Declaration, Expectation, Expr, LovFile, Name, ObligationUse, Period, Range, Str, Text, ValueDecl,
} from '../../compiler/ast/types.ts';
import { KEYWORDS } from '../../compiler/lexer/tokens.ts';

/** The placeholder range of generated nodes. */
export const NO_RANGE: Range = { file: 'gen.lov', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

const RESERVED = new Set(KEYWORDS.map((k) => String(k.PATTERN)));
/** Keywords that may still be written as value names. */
export const VALUE_KEYWORDS = ['none', 'true', 'false', 'primary', 'unverified', 'one', 'set', 'undecided', 'en'];

/** A name that is not a keyword (may contain æøå). */
export const arbIdentifier: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]{0,7}$/)
  .filter((s) => !RESERVED.has(s));

const name = (text: string): Name => ({ text, range: NO_RANGE });
const str = (value: string): Str => ({ value, range: NO_RANGE });

export const arbName: fc.Arbitrary<Name> = arbIdentifier.map(name);
/** A value name: a name or one of the keywords allowed as values. */
export const arbValueName: fc.Arbitrary<Name> = fc.oneof(arbIdentifier, fc.constantFrom(...VALUE_KEYWORDS)).map(name);

/** Any text, including quotes, backslashes, line breaks, `#` and non-ASCII letters. */
export const arbString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'Z', ' ', 'æ', 'ø', 'å', '§', '…', '1', '.') },
    { weight: 1, arbitrary: fc.constantFrom('"', '\\', '\n', '#', '{', '}', '\t', '“') },
  ),
  maxLength: 30,
});
export const arbStr: fc.Arbitrary<Str> = arbString.map(str);
const arbLongStr: fc.Arbitrary<Str> = fc.oneof(arbString, fc.string({ minLength: 40, maxLength: 70 }).map((s) => s.replace(/[\\"\r]/g, ''))).map(str);

export const arbDate: fc.Arbitrary<Str> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => str(d.toISOString().slice(0, 10)));

/** `nb "…" en "…"`, or only one of them. */
export const arbText: fc.Arbitrary<Text> = fc
  .record({ nb: fc.option(arbLongStr, { nil: undefined }), en: fc.option(arbLongStr, { nil: undefined }) })
  .filter((t) => t.nb !== undefined || t.en !== undefined)
  .map((t) => ({ ...(t.nb ? { nb: t.nb } : {}), ...(t.en ? { en: t.en } : {}), range: NO_RANGE }));

const arbAtom: fc.Arbitrary<Expr> = fc.oneof(
  arbName.map((n): Expr => ({ kind: 'ref', name: n, range: NO_RANGE })),
  fc.record({ fact: arbName, op: fc.constantFrom('=' as const, '!=' as const), value: arbValueName }).map((c): Expr => ({ kind: 'compare', ...c, range: NO_RANGE })),
  fc.record({ fact: arbName, negated: fc.boolean(), values: fc.array(arbValueName, { minLength: 1, maxLength: 4 }) }).map((c): Expr => ({ kind: 'in', ...c, range: NO_RANGE })),
);

/** Conditions as the parser builds them: `and`/`or` never directly inside the same kind. */
export const arbExpr: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbAtom,
    tie('expr').map((operand): Expr => ({ kind: 'not', operand, range: NO_RANGE })),
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), operands: fc.array(tie('expr'), { minLength: 2, maxLength: 4 }) })
      .map(({ kind, operands }): Expr => ({ kind, operands: operands.flatMap((o) => (o.kind === kind ? o.operands : [o])), range: NO_RANGE })),
  ),
})).expr;

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Drops keys whose value is undefined, as the AST builder never writes them. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const arbCitation: fc.Arbitrary<Citation> = fc.record({ source: arbName, pinpoint: arbStr, unverified: fc.boolean() }).map((c) => ({ ...c, range: NO_RANGE }));
/** A citation of a rule or a reason: under `cites`, or under `quotes` (then `quoted: true`). */
const arbRuleCitation: fc.Arbitrary<Citation> = fc.tuple(arbCitation, fc.boolean()).map(([c, quoted]) => (quoted ? { ...c, quoted } : c));
/** A list that the AST leaves out when empty. */
const nonEmpty = <T>(arb: fc.Arbitrary<T>, maxLength: number) => fc.array(arb, { maxLength }).map((xs) => (xs.length > 0 ? xs : undefined));
const arbPeriod: fc.Arbitrary<Period> = fc
  .record({ from: opt(arbDate), until: opt(arbDate) })
  .filter((p) => p.from !== undefined || p.until !== undefined)
  .map((p) => defined({ ...p, range: NO_RANGE }));
const arbUse: fc.Arbitrary<ObligationUse> = fc
  .record({ items: fc.array(arbName, { minLength: 1, maxLength: 3 }), when: opt(arbExpr) })
  .map((u) => defined({ ...u, range: NO_RANGE }));
const arbValueDecl: fc.Arbitrary<ValueDecl> = fc.record({ name: arbValueName, label: opt(arbText) }).map((v) => defined({ ...v, range: NO_RANGE }));
const arbExpectation: fc.Arbitrary<Expectation> = fc.oneof(
  fc.oneof(arbName, fc.constant(name('undecided'))).map((outcome): Expectation => ({ kind: 'outcome', outcome, range: NO_RANGE })),
  fc.array(arbName, { maxLength: 3 }).map((codes): Expectation => ({ kind: 'obligations', codes, range: NO_RANGE })),
  fc.array(arbName, { minLength: 1, maxLength: 3 }).map((rules): Expectation => ({ kind: 'rules', rules, range: NO_RANGE })),
  fc.array(arbName, { minLength: 1, maxLength: 3 }).map((facts): Expectation => ({ kind: 'missing', facts, range: NO_RANGE })),
);

/** One declaration of any kind. */
export const arbDeclaration: fc.Arbitrary<Declaration> = fc.oneof(
  arbStr.map((path): Declaration => ({ kind: 'import', path, range: NO_RANGE })),
  fc.record({ name: arbName, title: arbStr, url: opt(arbStr), sectionUrl: opt(arbStr), status: opt(arbValueName), citedAs: opt(arbStr) })
    .map((s): Declaration => defined({ kind: 'source', ...s, range: NO_RANGE })),
  fc.record({
    name: arbName, boolean: fc.boolean(), values: fc.array(arbValueDecl, { maxLength: 3 }), question: opt(arbText), help: opt(arbText), typical: opt(arbValueName),
    actions: fc.array(fc.record({ value: arbValueName, text: arbText }).map((a) => ({ ...a, range: NO_RANGE })), { maxLength: 2 }),
  })
    .map(({ boolean, values, actions, ...f }): Declaration => defined({ kind: 'fact', ...f, type: boolean ? 'boolean' : 'enum', values: boolean ? [] : values, ...(actions.length > 0 ? { actions } : {}), range: NO_RANGE })),
  fc.record({ name: arbName, label: opt(arbText), means: opt(arbExpr) }).map((c): Declaration => defined({ kind: 'condition', ...c, range: NO_RANGE })),
  fc.record({ name: arbName, text: opt(arbText), citations: fc.array(arbCitation, { maxLength: 3 }), inForce: opt(arbPeriod) })
    .map((o): Declaration => defined({ kind: 'obligation', ...o, range: NO_RANGE })),
  fc.record({ name: arbName, includes: fc.array(arbUse, { maxLength: 3 }) }).map((o): Declaration => ({ kind: 'obligationSet', ...o, range: NO_RANGE })),
  fc.record({
    name: arbName, title: arbStr, titleEn: opt(arbStr), exceptionTo: fc.array(arbName, { maxLength: 2 }), when: opt(arbExpr), outcome: opt(arbName),
    must: fc.array(arbUse, { maxLength: 2 }), because: opt(arbText), judgement: opt(arbText),
    citations: fc.array(arbRuleCitation, { maxLength: 3 }), inForce: opt(arbPeriod), prevailsOver: nonEmpty(arbName, 3),
    reasons: nonEmpty(
      fc.record({ name: arbName, title: arbStr, titleEn: opt(arbStr), when: opt(arbExpr), because: opt(arbText), citations: fc.array(arbRuleCitation, { maxLength: 2 }) })
        .map((x) => defined({ ...x, range: NO_RANGE })),
      2,
    ),
  }).map((r): Declaration => defined({ kind: 'rule', ...r, range: NO_RANGE })),
  fc.record({ source: arbName, pinpoint: arbStr, status: opt(arbValueName), text: opt(arbStr) })
    .map((s): Declaration => defined({ kind: 'statute', ...s, range: NO_RANGE })),
  fc.record({
    name: arbStr,
    given: fc.array(fc.record({ fact: arbName, value: arbValueName }).map((g) => ({ ...g, range: NO_RANGE })), { maxLength: 6 }),
    on: opt(arbDate), expect: fc.array(arbExpectation, { maxLength: 3 }),
  }).map((e): Declaration => defined({ kind: 'example', ...e, range: NO_RANGE })),
);

/** A whole file (no comments). */
export function arbLovFile(file = 'gen.lov'): fc.Arbitrary<LovFile> {
  return fc.array(arbDeclaration, { maxLength: 6 }).map((declarations) => ({ file, declarations, comments: [] }));
}

/** A copy of an AST value without any `range` (and, for files, without `file` and `comments`). */
export function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => k !== 'range' && k !== 'comments' && k !== 'file' && v !== undefined)
        .map(([k, v]) => [k, stripRanges(v)]),
    );
  }
  return value;
}
