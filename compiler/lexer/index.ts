/**
 * Lexing: text → tokens, comments and diagnostics. Never throws: unknown characters (LOV1001), texts
 * without a closing quote (LOV1002) and malformed dates (LOV1007) are reported and lexing goes on.
 */
import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Range } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import { ALL_TOKENS, DateLiteral, Identifier, KEYWORDS, UnterminatedString } from './tokens.ts';

export * from './tokens.ts';

/**
 * The lexer: every token type but the keywords. A keyword is a name spelled exactly like it (the
 * keywords' `longer_alt: Identifier` made any longer name an Identifier), so tokenize() retypes such
 * names afterwards: the same tokens as a lexer of all token types (test/parser.test.ts checks this
 * against one), built and run about twice as fast, since a letter now tries one pattern, not ~60.
 * `validate` runs Chevrotain's checks of the token definitions: the tests do; the compiler skips them.
 */
export function newLexer(validate = false): Lexer {
  return new Lexer(ALL_TOKENS.filter((t) => !KEYWORDS.includes(t)), { positionTracking: 'full', ensureOptimizations: false, skipValidations: !validate });
}

const lexer = newLexer();
const keywordBySpelling = new Map(KEYWORDS.map((k) => [k.PATTERN as string, k]));

/** Gives each name spelled like a keyword the keyword's token type. */
function retypeKeywords(tokens: IToken[]): void {
  for (const token of tokens) {
    if (token.tokenType !== Identifier) continue;
    const keyword = keywordBySpelling.get(token.image);
    if (keyword === undefined) continue;
    token.tokenType = keyword;
    token.tokenTypeIdx = keyword.tokenTypeIdx!;
  }
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Range of a token (end exclusive); `undefined` for tokens inserted by error recovery. */
export function tokenRange(token: IToken, file: string): Range | undefined {
  if (token.isInsertedInRecovery || Number.isNaN(token.startOffset) || token.startLine === undefined) return undefined;
  const endOffset = token.startOffset + token.image.length;
  return {
    file,
    start: { line: token.startLine, column: token.startColumn ?? 1, offset: token.startOffset },
    end: { line: token.endLine ?? token.startLine, column: (token.endColumn ?? token.startColumn ?? 0) + 1, offset: endOffset },
  };
}

/** A function from offset to position in `text` (1-based line/column); lines end at \n, \r\n or \r. */
export function positionsOf(text: string): (offset: number) => Range['start'] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1, offset: at };
  };
}

/** The position of `offset` in `text` (1-based line/column). */
export function positionAt(text: string, offset: number): Range['start'] {
  return positionsOf(text)(offset);
}

/** True for `YYYY-MM-DD` naming a real calendar day. */
export function isValidDate(image: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(image);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Splits `text` into tokens and comments, reporting what cannot be read. */
export function tokenize(text: string, file: string): LexResult {
  const result = lexer.tokenize(text);
  retypeKeywords(result.tokens);
  const diagnostics: Diagnostic[] = [];
  const position = result.errors.length > 0 ? positionsOf(text) : undefined;
  for (const err of result.errors) {
    const start = position!(err.offset);
    const end = position!(err.offset + err.length);
    const chars = text.slice(err.offset, err.offset + err.length);
    diagnostics.push(diagnostic('LOV1001', { file, start, end }, [chars]));
  }
  // Only texts without their closing quote and dates are checked: no range is made for other tokens.
  for (const token of result.tokens) {
    if (token.tokenType !== UnterminatedString && token.tokenType !== DateLiteral) continue;
    const range = tokenRange(token, file);
    if (!range) continue;
    if (token.tokenType === UnterminatedString) diagnostics.push(diagnostic('LOV1002', range));
    else if (!isValidDate(token.image)) diagnostics.push(diagnostic('LOV1007', range, [token.image]));
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [], diagnostics };
}
