/**
 * `parse(text, file)`: text → LovFile plus diagnostics. The token stream is cut at declaration
 * keywords (a `rule` right after `expect` is not one) and each piece is parsed by its own entry
 * rule, so one broken declaration never hides the next. Never throws, never hangs.
 */
import type { IToken } from 'chevrotain';
import type { Declaration, LovFile, Range } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { AstBuilder } from '../ast/build.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import { positionAt, tokenize, tokenRange } from '../lexer/index.ts';
import * as T from '../lexer/tokens.ts';
import { parseDeclaration, parser } from './grammar.ts';
import type { EntryRule } from './grammar.ts';
import { strayDiagnostic, syntaxDiagnostic } from './messages.ts';
import { LIMITS, utf8Length } from '../limits.ts';

export interface ParseResult {
  file: LovFile;
  diagnostics: Diagnostic[];
}

const ENTRY = new Map<unknown, EntryRule>([
  [T.Import, 'importDecl'],
  [T.Source, 'sourceDecl'],
  [T.Statute, 'statuteDecl'],
  [T.Fact, 'factDecl'],
  [T.Screen, 'screenDecl'],
  [T.Condition, 'conditionDecl'],
  [T.Obligation, 'obligationDecl'],
  [T.Rule, 'ruleDecl'],
  [T.Example, 'exampleDecl'],
]);

function startsDeclaration(tokens: IToken[], i: number): boolean {
  const t = tokens[i]!;
  if (!ENTRY.has(t.tokenType)) return false;
  return !(t.tokenType === T.Rule && i > 0 && tokens[i - 1]!.tokenType === T.Expect);
}

/** Splits tokens into runs that each begin with a declaration keyword (the first run may not). */
export function splitDeclarations(tokens: IToken[]): IToken[][] {
  const runs: IToken[][] = [];
  let current: IToken[] = [];
  tokens.forEach((t, i) => {
    if (startsDeclaration(tokens, i) && current.length > 0) {
      runs.push(current);
      current = [];
    }
    current.push(t);
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Conditions may nest parentheses and `not` this deep; deeper ones would exhaust the stack. */
export const MAX_NESTING = 64;

/** The first token that nests deeper than MAX_NESTING, if any. */
function tooDeep(run: IToken[]): IToken | undefined {
  let parens = 0;
  let nots = 0;
  for (const t of run) {
    if (t.tokenType === T.LParen) parens++;
    else if (t.tokenType === T.RParen) parens = Math.max(0, parens - 1);
    nots = t.tokenType === T.Not ? nots + 1 : t.tokenType === T.LParen ? nots : 0;
    if (parens + nots > MAX_NESTING) return t;
  }
  return undefined;
}

function entryRule(run: IToken[]): EntryRule | undefined {
  const rule = ENTRY.get(run[0]!.tokenType);
  return rule === 'obligationDecl' && run[1]?.tokenType === T.Set ? 'obligationSetDecl' : rule;
}

/** A file over a limit: one diagnostic at its start, and nothing parsed. */
function refused(file: string, d: Diagnostic): ParseResult {
  return { file: { file, declarations: [], comments: [] }, diagnostics: [d] };
}

/** Keeps the first LIMITS.syntaxErrors diagnostics (sorted) and says how many more there were. */
function capped(list: Diagnostic[], file: string): Diagnostic[] {
  if (list.length <= LIMITS.syntaxErrors) return list;
  const kept = list.slice(0, LIMITS.syntaxErrors);
  const at = list[LIMITS.syntaxErrors]!.range;
  kept.push(diagnostic('LOV1022', { file, start: at.start, end: at.end }, [String(list.length - LIMITS.syntaxErrors), String(LIMITS.syntaxErrors)]));
  return kept;
}

/**
 * Parses one `.lov` text; syntax problems come back as diagnostics, never as exceptions. A text over
 * LIMITS.ruleFileBytes (LOV1020) or LIMITS.ruleTokens tokens (LOV1021) is not parsed, and at most
 * LIMITS.syntaxErrors syntax errors are reported (LOV1022 counts the rest).
 */
export function parse(text: string, file: string): ParseResult {
  const start = { line: 1, column: 1, offset: 0 };
  if (text.length > LIMITS.ruleFileBytes || (text.length * 3 > LIMITS.ruleFileBytes && utf8Length(text) > LIMITS.ruleFileBytes)) {
    return refused(file, diagnostic('LOV1020', { file, start, end: start }, [file, String(LIMITS.ruleFileBytes)]));
  }
  const lexed = tokenize(text, file);
  if (lexed.tokens.length > LIMITS.ruleTokens) {
    return refused(file, diagnostic('LOV1021', { file, start, end: start }, [String(LIMITS.ruleTokens)]));
  }
  const diagnostics: Diagnostic[] = lexed.diagnostics.slice();
  const builder = new AstBuilder(file);
  const declarations: Declaration[] = [];
  const end = positionAt(text, text.length);
  const endOfFile: Range = { file, start: end, end };
  const runs = splitDeclarations(lexed.tokens);
  runs.forEach((run, i) => {
    // Past the cap the file is hopeless: stop parsing (the lexer's errors are already counted).
    if (diagnostics.length > LIMITS.syntaxErrors) return;
    const rule = entryRule(run);
    if (!rule) {
      const range = tokenRange(run[0]!, file);
      if (range) diagnostics.push(strayDiagnostic(run[0]!, range));
      return;
    }
    const deep = tooDeep(run);
    const deepRange = deep && tokenRange(deep, file);
    if (deepRange) {
      diagnostics.push(diagnostic('LOV1010', deepRange, [String(MAX_NESTING)]));
      return;
    }
    const cst = parseDeclaration(rule, run);
    const next = runs[i + 1]?.[0];
    const seen = new Set<string>();
    for (const error of parser.errors) {
      const d = syntaxDiagnostic(error, { rule, file, endOfFile, ...(next ? { next } : {}) });
      const key = `${d.code}:${d.range.start.offset}`;
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
    const declaration = builder.declaration(cst);
    if (declaration) declarations.push(declaration);
  });
  for (const d of builder.diagnostics) diagnostics.push(d);
  const comments = lexed.comments.flatMap((c) => {
    const range = tokenRange(c, file);
    return range ? [{ text: c.image, range }] : [];
  });
  return { file: { file, declarations, comments }, diagnostics: capped(sortDiagnostics(diagnostics), file) };
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.range.start.offset - b.d.range.start.offset || a.i - b.i)
    .map(({ d }) => d);
}
