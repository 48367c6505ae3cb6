/**
 * Syntax error messages in plain words, bokmål and English. Chevrotain calls `messageProvider` with
 * token types; it answers with a small JSON payload (what was expected, in both languages) that
 * `syntaxDiagnostic` turns into a catalogue diagnostic once the offending token's place is known.
 */
import { EOF, tokenMatcher } from 'chevrotain';
import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { Range } from '../ast/types.ts';
import type { Diagnostic, Message } from '../diagnostics/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import * as T from '../lexer/tokens.ts';
import { tokenRange } from '../lexer/index.ts';
import type { EntryRule } from './grammar.ts';

type Words = readonly [nb: string, en: string];

const TOKEN_WORDS = new Map<TokenType, Words>([
  [T.Identifier, ['et navn', 'a name']],
  [T.AnyName, ['et verdinavn', 'a value name']],
  [T.StringLiteral, ['en tekst i anførselstegn', 'a text in quotes']],
  [T.UnterminatedString, ['en tekst i anførselstegn', 'a text in quotes']],
  [T.DateLiteral, ['en dato som 2018-01-01', 'a date like 2018-01-01']],
  [T.LCurly, ['en verdiliste i { }', 'a value list in { }']],
  [T.RCurly, ['«}» som avslutter verdilisten', '“}” to close the value list']],
  [T.LParen, ['«(»', '“(”']],
  [T.RParen, ['«)» som lukker parentesen', '“)” to close the parenthesis']],
  [T.Equals, ['«=»', '“=”']],
  [T.NotEquals, ['«!=»', '“!=”']],
  [T.Comma, ['et komma', 'a comma']],
  [EOF, ['slutten av filen', 'the end of the file']],
]);

const OUTCOME_WORDS: Words = [
  'et utfall (allowed, allowed_with_conditions, not_allowed eller uncertain)',
  'an outcome (allowed, allowed_with_conditions, not_allowed or uncertain)',
];

/** Rules whose whole meaning is better described than their tokens. */
const RULE_WORDS: Record<string, Words> = {
  outcome: OUTCOME_WORDS,
  statusName: ['en kildestatus (primary, secondary eller unverified)', 'a source status (primary, secondary or unverified)'],
  valueName: ['et verdinavn', 'a value name'],
};

/** Rules described by their meaning when none of their alternatives fits at all. */
const ALT_WORDS: Record<string, Words> = {
  text: ['en tekst på begge språk: nb "…" en "…"', 'a text in both languages: nb "…" en "…"'],
  notExpr: ['en betingelse (et navn, «not» eller «(»)', 'a condition (a name, “not” or “(”)'],
  atom: ['en betingelse (et navn eller «(»)', 'a condition (a name or “(”)'],
  factType: ['«is one of» eller «is true or false»', '“is one of” or “is true or false”'],
  expectation: [
    'et utfall, undecided, obligations, rule eller missing',
    'an outcome, undecided, obligations, rule or missing',
  ],
};

/** The clauses each declaration kind may have, as written. */
const CLAUSES: Record<EntryRule, { keyword: string; clauses: string[] }> = {
  importDecl: { keyword: 'import', clauses: [] },
  sourceDecl: { keyword: 'source', clauses: ['url', 'section url', 'status', 'cited as'] },
  statuteDecl: { keyword: 'statute', clauses: ['text'] },
  factDecl: { keyword: 'fact', clauses: ['value', 'question', 'help', 'typical', 'action'] },
  screenDecl: { keyword: 'screen', clauses: ['question', 'help', 'confirms'] },
  conditionDecl: { keyword: 'condition', clauses: ['label', 'means'] },
  obligationDecl: { keyword: 'obligation', clauses: ['text', 'cites', 'in force'] },
  obligationSetDecl: { keyword: 'obligation set', clauses: ['includes'] },
  ruleDecl: { keyword: 'rule', clauses: ['exception to', 'prevails over', 'when', 'then', 'must', 'because', 'judgement', 'cites', 'quotes', 'in force', 'reason'] },
  exampleDecl: { keyword: 'example', clauses: ['given', 'on', 'expect'] },
};

/** Why a rule line after a `reason` block is out of place. */
const REASONS_LAST: Message = {
  nb: 'Begrunnelser («reason») står til slutt i regelen, og en begrunnelse kan bare ha «when», «because», «cites» og «quotes».',
  en: 'Reasons (“reason”) come last in a rule, and a reason can only have “when”, “because”, “cites” and “quotes”.',
};

const CLAUSE_KEYWORDS = new Set(Object.values(CLAUSES).flatMap((c) => c.clauses.map((w) => w.split(' ')[0])));
const DECLARATION_WORDS = ['import', 'source', 'statute', 'fact', 'screen', 'condition', 'obligation', 'rule', 'example'];

function join(items: readonly string[], lang: 'nb' | 'en'): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} ${lang === 'nb' ? 'eller' : 'or'} ${unique[unique.length - 1]}`;
}

function tokenWords(type: TokenType): Words {
  const words = TOKEN_WORDS.get(type);
  if (words) return words;
  const label = typeof type.LABEL === 'string' ? type.LABEL : type.name;
  return [`«${label}»`, `“${label}”`];
}

function describeTypes(types: readonly TokenType[]): Words {
  const words = types.map(tokenWords);
  return [join(words.map((w) => w[0]), 'nb'), join(words.map((w) => w[1]), 'en')];
}

interface Payload {
  trailing?: true; // the declaration is over, but more tokens follow
  nb?: string;
  en?: string;
}

const encode = (p: Payload): string => JSON.stringify(p);

/** Chevrotain's error message hook: encodes what was expected, in words. */
export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, ruleName }) {
    if (expected === EOF) return encode({ trailing: true });
    const [nb, en] = RULE_WORDS[ruleName] ?? tokenWords(expected);
    return encode({ nb, en });
  },
  buildNotAllInputParsedMessage() {
    return encode({ trailing: true });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]).filter((t): t is TokenType => !!t));
    const [nb, en] = ALT_WORDS[ruleName] ?? RULE_WORDS[ruleName] ?? describeTypes(firsts);
    return encode({ nb, en });
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    const firsts = expectedIterationPaths.map((path) => path[0]).filter((t): t is TokenType => !!t);
    const [nb, en] = RULE_WORDS[ruleName] ?? describeTypes(firsts);
    return encode({ nb, en });
  },
};

function quoteImage(image: string): Words {
  const short = image.length > 40 ? `${image.slice(0, 39)}…` : image;
  return [`«${short}»`, `“${short}”`];
}

/** Where one declaration's tokens sit in the file, for describing what comes after them. */
export interface DeclarationContext {
  rule: EntryRule;
  file: string;
  /** The first token after this declaration (the next declaration keyword), if any. */
  next?: IToken;
  /** Where the file ends. */
  endOfFile: Range;
}

function bilingual(code: 'LOV1003' | 'LOV1004' | 'LOV1008', range: Range, nbArgs: string[], enArgs: string[], hint?: Message): Diagnostic {
  const d = diagnostic(code, range, nbArgs, hint ? { hint } : {});
  d.message.en = diagnostic(code, range, enArgs).message.en;
  return d;
}

/** Turns one Chevrotain recognition error into a LOV1003/LOV1008 diagnostic at the offending token. */
export function syntaxDiagnostic(error: IRecognitionException, ctx: DeclarationContext): Diagnostic {
  let payload: Payload;
  try {
    payload = JSON.parse(error.message) as Payload;
  } catch {
    payload = {};
  }
  const atEnd = tokenMatcher(error.token, EOF) || tokenRange(error.token, ctx.file) === undefined;
  const found: Words = atEnd ? (ctx.next ? quoteImage(ctx.next.image) : tokenWords(EOF)) : quoteImage(error.token.image);
  const range = (atEnd ? ctx.next && tokenRange(ctx.next, ctx.file) : tokenRange(error.token, ctx.file)) ?? ctx.endOfFile;
  const decl = CLAUSES[ctx.rule];
  if (payload.trailing) {
    const base: Message = decl.clauses.length
      ? { nb: `En «${decl.keyword}» kan ha disse linjene: ${join(decl.clauses, 'nb')}.`, en: `A “${decl.keyword}” can have these lines: ${join(decl.clauses, 'en')}.` }
      : { nb: `En «${decl.keyword}» står alene på sin linje.`, en: `An “${decl.keyword}” stands alone on its line.` };
    const hint: Message = ctx.rule === 'ruleDecl' ? { nb: `${base.nb} ${REASONS_LAST.nb}`, en: `${base.en} ${REASONS_LAST.en}` } : base;
    if (!atEnd && CLAUSE_KEYWORDS.has(error.token.image)) {
      return bilingual('LOV1008', range, [error.token.image, decl.keyword], [error.token.image, decl.keyword], hint);
    }
    const starts = decl.clauses.length ? decl.clauses : DECLARATION_WORDS;
    const nb = `en ny linje som begynner med ${join(starts.map((w) => `«${w}»`), 'nb')}`;
    const en = `a new line beginning with ${join(starts.map((w) => `“${w}”`), 'en')}`;
    return bilingual('LOV1003', range, [nb, found[0]], [en, found[1]], hint);
  }
  return bilingual('LOV1003', range, [payload.nb ?? 'noe annet', found[0]], [payload.en ?? 'something else', found[1]]);
}

/** LOV1004 for text before the first declaration: it belongs to no part of the file. */
export function strayDiagnostic(token: IToken, range: Range): Diagnostic {
  const [nb, en] = quoteImage(token.image);
  return bilingual('LOV1004', range, [nb, join(DECLARATION_WORDS, 'nb')], [en, join(DECLARATION_WORDS, 'en')]);
}
