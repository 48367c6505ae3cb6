/**
 * The token types of `.lov`: keywords, names, texts, dates and punctuation. Keywords use
 * `longer_alt: Identifier` so that `income` is a name and not `in` + `come`; longer keywords are
 * listed before their prefixes (`includes` before `in`, `obligations` before `obligation`).
 */
import { createToken, Lexer } from 'chevrotain';
import type { TokenType } from 'chevrotain';

/**
 * Category: what may be written where a value name is expected: names, and the keywords that
 * cannot begin a clause or be an operator (so a value may be called `none`, `true` or `primary`).
 */
export const AnyName = createToken({ name: 'AnyName', pattern: Lexer.NA });

// Each lexed pattern says whether it can span lines (line_breaks) and which characters it starts with
// (start_chars_hint), so building the lexer need not analyse the regular expressions for that
// (test/parser.test.ts checks that these say what Chevrotain's analysis finds).
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: [...' \t\r\n\f\v\u00a0\ufeff'] });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments', line_breaks: false, start_chars_hint: ['#'] });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\]|\\[\s\S])*"/, line_breaks: true, start_chars_hint: ['"'] });
/** A text whose closing quote never comes: it runs to the end of its line and is reported (LOV1002). */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*\\?/, categories: [StringLiteral], line_breaks: false, start_chars_hint: ['"'] });
/** Digits and dashes; the exact `YYYY-MM-DD` shape and the calendar are checked after lexing (LOV1007). */
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d+(?:-\d+)*/, line_breaks: false, start_chars_hint: [...'0123456789'] });
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*/, categories: [AnyName], line_breaks: false, start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_æøåÆØÅ'] });

export const NotEquals = createToken({ name: 'NotEquals', pattern: '!=', label: '!=', line_breaks: false });
export const Equals = createToken({ name: 'Equals', pattern: '=', label: '=', line_breaks: false });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: ',', line_breaks: false });
export const LCurly = createToken({ name: 'LCurly', pattern: '{', label: '{', line_breaks: false });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: '}', line_breaks: false });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: '(', line_breaks: false });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: ')', line_breaks: false });

// Keywords that begin a declaration or a clause, or join conditions: never a value name.
const STRUCTURAL = new globalThis.Set(
  ('import source fact condition obligation rule example url section status cited value label question help typical action ' +
    'means text cites in includes exception when then must because judgement given on expect and or not ' +
    'prevails except reason statute quotes screen confirms').split(' '),
);

const keywordTokens: TokenType[] = [];
function keyword(word: string): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  const categories = STRUCTURAL.has(word) ? [] : [AnyName];
  const tok = createToken({ name, pattern: word, label: word, longer_alt: Identifier, categories });
  keywordTokens.push(tok);
  return tok;
}

export const Import = keyword('import');
export const Source = keyword('source');
export const Url = keyword('url');
export const Section = keyword('section');
export const Status = keyword('status');
export const Cited = keyword('cited');
export const As = keyword('as');
export const Primary = keyword('primary');
export const Secondary = keyword('secondary');
export const Unverified = keyword('unverified');
export const Fact = keyword('fact');
export const Is = keyword('is');
export const One = keyword('one');
export const Of = keyword('of');
export const Value = keyword('value');
export const Label = keyword('label');
export const Question = keyword('question');
export const Help = keyword('help');
export const Typical = keyword('typical');
export const Action = keyword('action');
export const True = keyword('true');
export const False = keyword('false');
export const Or = keyword('or');
export const Condition = keyword('condition');
export const Means = keyword('means');
export const Obligations = keyword('obligations');
export const Obligation = keyword('obligation');
export const Set = keyword('set');
export const Includes = keyword('includes');
export const Rule = keyword('rule');
export const Exception = keyword('exception');
export const To = keyword('to');
export const When = keyword('when');
export const Then = keyword('then');
export const Must = keyword('must');
export const Because = keyword('because');
export const Judgement = keyword('judgement');
export const Cites = keyword('cites');
export const In = keyword('in');
export const Force = keyword('force');
export const From = keyword('from');
export const Until = keyword('until');
export const Example = keyword('example');
export const Given = keyword('given');
export const On = keyword('on');
export const Expect = keyword('expect');
export const Undecided = keyword('undecided');
export const None = keyword('none');
export const Missing = keyword('missing');
export const And = keyword('and');
export const Not = keyword('not');
export const Nb = keyword('nb');
export const En = keyword('en');
export const Text = keyword('text');
export const Prevails = keyword('prevails');
export const Over = keyword('over');
export const Except = keyword('except');
export const Reason = keyword('reason');
export const Statute = keyword('statute');
export const Quotes = keyword('quotes');
/** `screen NAME`: several facts asked together as one question (a questionnaire declaration). */
export const Screen = keyword('screen');
export const Confirms = keyword('confirms');

/** Every keyword token type. */
export const KEYWORDS: readonly TokenType[] = keywordTokens;

/** Keywords that begin a declaration (a new part of a file). */
export const DECLARATION_KEYWORDS: readonly TokenType[] = [Import, Source, Statute, Fact, Screen, Condition, Obligation, Rule, Example];

// Longest keywords first: the lexer takes the first pattern that matches.
const keywordsByLength = [...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length);

/** All token types in lexing order (the parser's vocabulary). */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  ...keywordsByLength,
  Identifier,
  NotEquals,
  Equals,
  Comma,
  LCurly,
  RCurly,
  LParen,
  RParen,
  AnyName,
];
