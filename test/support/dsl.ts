/**
 * Test helpers that take `.lov` source text, so a test reads like the mistake it is about:
 *
 *     expectDiagnostic(BASE + `rule R9 "x" when chanel = email …`, 'LOV2001', 'chanel')
 *
 * Sources are parsed with the real parser and checked with the real checker. A source that does
 * not parse fails the test at once (a check test must not pass because of a typo in its input).
 */
import type { Position, Range } from '../../compiler/ast/types.ts';
import { check } from '../../compiler/check/index.ts';
import type { Program } from '../../compiler/check/program.ts';
import { renderDiagnostics } from '../../compiler/diagnostics/render.ts';
import type { Diagnostic } from '../../compiler/diagnostics/types.ts';
import { loadFiles, memoryHost } from '../../compiler/load/index.ts';
import { parse } from '../../compiler/parser/index.ts';

/** The file name test sources are parsed under. */
export const FILE = 'test.lov';

/** Removes the common leading indentation and the first blank line, so sources can be indented in tests. */
export function dedent(src: string): string {
  const lines = src.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/**
 * A small valid pack that uses everything it declares; tests append one mistake to it.
 * Declares: source mfl (with section url), facts channel {email, sms, letter} and hasConsent,
 * condition electronic, obligation IDENTIFY_SENDER, rules R1, R2 (exception to R1), R3.
 */
export const BASE = dedent(`
  source mfl "Markedsføringsloven"
    url "https://lovdata.no/lov/2009-01-09-2"
    section url "https://lovdata.no/lov/2009-01-09-2/§{section}"
    status primary

  fact channel is one of
    value email label nb "E-post" en "E-mail"
    value sms label nb "SMS" en "Text message"
    value letter label nb "Brev" en "Letter"
    question nb "Hvilken kanal bruker du?" en "Which channel do you use?"

  fact hasConsent is true or false
    question nb "Har mottakeren samtykket?" en "Has the recipient consented?"

  condition electronic
    label nb "meldingen sendes elektronisk" en "the message is sent electronically"
    means channel in {email, sms}

  obligation IDENTIFY_SENDER
    text nb "Oppgi hvem du er." en "Say who you are."
    cites mfl "§ 9"

  rule R1 "Hovedregel"
    when electronic
    then not_allowed
    because nb "Elektronisk markedsføring krever samtykke." en "Electronic marketing needs consent."
    cites mfl "§ 15"

  rule R2 "Samtykke"
    exception to R1
    when hasConsent
    then allowed_with_conditions
    must IDENTIFY_SENDER
    because nb "Mottakeren har samtykket." en "The recipient has consented."
    cites mfl "§ 15"

  rule R3 "Ikke elektronisk"
    when not electronic
    then allowed
    because nb "Paragrafen gjelder bare elektronisk markedsføring." en "The section covers only electronic marketing."
    cites mfl "§ 15"
`);

/** BASE followed by a snippet (dedented). */
export function withBase(snippet: string): string {
  return `${BASE}\n${dedent(snippet)}`;
}

/** Parses one source; throws (failing the test) with the rendered syntax diagnostics if it does not parse. */
export function parseOk(src: string, file = FILE) {
  const { file: parsed, diagnostics } = parse(src, file);
  if (diagnostics.length > 0) {
    throw new Error(`test source does not parse:\n${renderDiagnostics(diagnostics, new Map([[file, src]]), 'en')}`);
  }
  return parsed;
}

/** Parses and checks one source: the checker's diagnostics and program. */
export function checkProgram(src: string): { program: Program; diagnostics: Diagnostic[] } {
  return check([parseOk(src)]);
}

/** Parses and checks one source: the checker's diagnostics. */
export function checkSource(src: string): Diagnostic[] {
  return checkProgram(src).diagnostics;
}

/** Loads several in-memory files from `entry` (following imports) and checks them together. */
export function checkFiles(files: Record<string, string>, entry: string): { program: Program; diagnostics: Diagnostic[]; texts: Map<string, string> } {
  const loaded = loadFiles([entry], memoryHost(files));
  if (loaded.diagnostics.length > 0) throw new Error(`test files do not load:\n${renderDiagnostics(loaded.diagnostics, loaded.texts, 'en')}`);
  return { ...check(loaded.files), texts: loaded.texts };
}

/** The codes of a source's diagnostics, in order. */
export function codes(src: string): string[] {
  return checkSource(src).map((d) => d.code);
}

/** The source text a range covers. */
export function textAt(src: string, range: Range): string {
  return src.slice(range.start.offset, range.end.offset);
}

/**
 * Where a diagnostic must be: the exact text its range covers, the last occurrence of a text in
 * the source (for "the second one"), or the line and column it starts at.
 */
export type At = string | { last: string } | { line: number; column: number };

function matches(src: string, d: Diagnostic, at: At | undefined): boolean {
  if (at === undefined) return true;
  if (typeof at === 'string') return textAt(src, d.range) === at;
  if ('last' in at) return d.range.start.offset === src.lastIndexOf(at.last) && textAt(src, d.range) === at.last;
  return d.range.start.line === at.line && d.range.start.column === at.column;
}

/** Asserts that checking `src` reports `code` (at `at`, if given) and returns that diagnostic. */
export function expectDiagnostic(src: string, code: string, at?: At): Diagnostic {
  const diagnostics = checkSource(src);
  const found = diagnostics.find((d) => d.code === code && matches(src, d, at));
  if (!found) {
    const where = at === undefined ? '' : ` at ${JSON.stringify(at)}`;
    const got = diagnostics.map((d) => `  ${d.code} at ${d.range.start.line}:${d.range.start.column} ${JSON.stringify(textAt(src, d.range))}: ${d.message.en}`).join('\n');
    throw new Error(`expected ${code}${where}, got:\n${got || '  (nothing)'}`);
  }
  return found;
}

/** Asserts that checking `src` reports nothing at all, not even a warning. */
export function expectNoDiagnostics(src: string): void {
  const diagnostics = checkSource(src);
  if (diagnostics.length > 0) {
    throw new Error(`expected no diagnostics, got:\n${renderDiagnostics(diagnostics, new Map([[FILE, src]]), 'en')}`);
  }
}

/** The position of an offset in `text` (1-based line and column). */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, offset };
}

/** A range over the n-th occurrence of `needle` in `text`, for building diagnostics by hand. */
export function rangeOf(text: string, file: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`“${needle}” does not occur ${occurrence + 1} time(s)`);
  return { file, start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}
