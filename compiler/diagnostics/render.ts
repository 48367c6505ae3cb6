/**
 * Diagnostics as text for people, in the style of rustc and TypeScript:
 *
 *     rules/mfl.lov:12:8  error LOV2001: Fact “chanel” is not declared.
 *        11 | rule R1 "Hovedregel"
 *        12 |   when chanel = email
 *           |        ^~~~~~
 *        = hint: Did you mean “channel”?
 *
 * then each related place with its own small frame, and a summary line at the end of a list.
 * Plain text unless `color` is asked for (ANSI). No Node APIs: the site renders with this too.
 */
import type { Range } from '../ast/types.ts';
import type { Diagnostic, Severity } from './types.ts';

export type Lang = 'nb' | 'en';

export interface RenderOptions {
  /** ANSI colours (for a terminal). Default false. */
  color?: boolean;
  /** Paths are shown relative to this directory when they lie inside it (e.g. the repo root). */
  root?: string;
}

const WORDS = {
  nb: { error: 'feil', warning: 'advarsel', info: 'merknad', hint: 'tips', note: 'merk' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint', note: 'note' },
} as const;

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', blue: '\x1b[34m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

/** How many lines of a range spanning several lines are shown before the rest is elided. */
const MAX_RANGE_LINES = 5;

/** Longest piece of a source line shown in a frame; longer lines are cut to a window around the column. */
const MAX_LINE_WIDTH = 120;
/** How much of the line before the underlined column the window keeps. */
const WINDOW_BEFORE = 40;

/** Wraps text in ANSI codes when colour is on. */
function paint(on: boolean | undefined, codes: string, text: string): string {
  return on && text ? `${codes}${text}${ANSI.reset}` : text;
}

/** The path as shown: relative to `root` when it lies inside it. */
function showPath(file: string, root: string | undefined): string {
  if (!root) return file;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/** `path:line:col` of the start of a range. */
function location(range: Range, opts: RenderOptions): string {
  return `${showPath(range.file, opts.root)}:${range.start.line}:${range.start.column}`;
}

/** One source line with a gutter, and optionally the underline below it. */
interface FrameLine {
  number: number | null; // null: the "…" of elided lines
  text: string;
  underline?: [number, number]; // 0-based [from, to) columns
}

/** The first and last source line a range covers (a range ending at column 1 ends on the line before). */
function lineSpan(range: Range, lines: readonly string[]): { first: number; last: number; endColumn: number } {
  const first = range.start.line;
  let last = Math.max(first, range.end.line);
  let endColumn = range.end.column;
  if (last > first && endColumn === 1) {
    last -= 1;
    endColumn = (lines[last - 1]?.length ?? 0) + 1;
  }
  return { first, last, endColumn };
}

/** The lines of a frame: the line before (when `context` and not blank), then the range's lines underlined. */
function frameLines(range: Range, lines: readonly string[], context: boolean): FrameLine[] {
  const { first, last, endColumn } = lineSpan(range, lines);
  const covered: FrameLine[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    const indent = text.length - text.trimStart().length;
    const from = n === first ? range.start.column - 1 : indent;
    const to = n === last ? endColumn - 1 : text.length;
    covered.push({ number: n, text, underline: [from, Math.max(to, from + 1)] });
  }
  const shown = covered.length > MAX_RANGE_LINES ? [...covered.slice(0, MAX_RANGE_LINES - 2), { number: null, text: '' }, covered.at(-1)!] : covered;
  const before = lines[first - 2];
  return context && before !== undefined && before.trim() !== '' ? [{ number: first - 1, text: before }, ...shown] : shown;
}

/** The lines of the last text split (frames of one file are rendered one after another). */
let split: { source: string; lines: string[] } = { source: '', lines: [''] };

function linesOf(source: string): string[] {
  if (split.source !== source) split = { source, lines: source.split(/\r?\n/) };
  return split.lines;
}

/** Cuts a long line to MAX_LINE_WIDTH around its underline, with `…` where it was cut; the underline moves along. */
function windowed(line: FrameLine): FrameLine {
  if (line.text.length <= MAX_LINE_WIDTH) return line;
  const from = Math.max(0, Math.min((line.underline?.[0] ?? 0) - WINDOW_BEFORE, line.text.length - MAX_LINE_WIDTH));
  const to = from + MAX_LINE_WIDTH;
  const head = from > 0 ? '…' : '';
  const text = `${head}${line.text.slice(from, to)}${to < line.text.length ? '…' : ''}`;
  if (!line.underline) return { ...line, text };
  const shift = head.length - from;
  const start = Math.max(0, line.underline[0] + shift);
  return { ...line, text, underline: [start, Math.max(start + 1, Math.min(line.underline[1] + shift, text.length))] };
}

/** A code frame for a range, or nothing when the file's text is not known. */
function codeFrame(range: Range, texts: ReadonlyMap<string, string>, severity: Severity, context: boolean, opts: RenderOptions): string[] {
  const source = texts.get(range.file);
  if (source === undefined) return [];
  const frame = frameLines(range, linesOf(source), context).map(windowed);
  const width = String(Math.max(...frame.map((l) => l.number ?? 0))).length;
  const gutter = (label: string): string => paint(opts.color, ANSI.blue, `${label.padStart(width + 3)} |`);
  const out: string[] = [];
  for (const line of frame) {
    if (line.number === null) {
      out.push(paint(opts.color, ANSI.blue, `${'…'.padStart(width + 3)}`));
      continue;
    }
    const text = line.text.replace(/\t/g, ' ');
    out.push(`${gutter(String(line.number))}${text ? ` ${text}` : ''}`);
    if (!line.underline) continue;
    const [from, to] = line.underline;
    const marks = `${'^'}${'~'.repeat(Math.max(0, to - from - 1))}`;
    out.push(`${gutter('')} ${' '.repeat(from)}${paint(opts.color, SEVERITY_COLOR[severity] + ANSI.bold, marks)}`);
  }
  return out;
}

/** Indents every line but the first (a hint over several lines stays under its `= hint:`). */
function indentLines(text: string, by: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(by)}`);
}

/** Renders one diagnostic: the headline, a code frame, the hint, and each related place with its own frame. */
export function renderDiagnostic(d: Diagnostic, texts: ReadonlyMap<string, string>, lang: Lang, opts: RenderOptions = {}): string {
  const words = WORDS[lang];
  const severity = paint(opts.color, SEVERITY_COLOR[d.severity] + ANSI.bold, `${words[d.severity]} ${d.code}`);
  const out = [`${location(d.range, opts)}  ${severity}: ${paint(opts.color, ANSI.bold, d.message[lang])}`];
  for (const line of codeFrame(d.range, texts, d.severity, true, opts)) out.push(line);
  if (d.hint) out.push(`    = ${paint(opts.color, ANSI.cyan + ANSI.bold, words.hint)}: ${indentLines(d.hint[lang], 6)}`);
  for (const related of d.related) {
    out.push(`${location(related.range, opts)}  ${paint(opts.color, ANSI.cyan + ANSI.bold, words.note)}: ${related.message[lang]}`);
    for (const line of codeFrame(related.range, texts, 'info', false, opts)) out.push(line);
  }
  return out.join('\n');
}

/** Pluralises a count: `1 warning`, `2 warnings`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary line, «2 feil, 1 advarsel» / "2 errors, 1 warning"; empty when the list is. */
export function summarize(list: readonly Diagnostic[], lang: Lang): string {
  const n = (s: Severity): number => list.filter((d) => d.severity === s).length;
  const forms = lang === 'nb'
    ? { error: ['feil', 'feil'], warning: ['advarsel', 'advarsler'], info: ['merknad', 'merknader'] }
    : { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'] };
  return (['error', 'warning', 'info'] as const)
    .filter((s) => n(s) > 0)
    .map((s) => count(n(s), forms[s][0]!, forms[s][1]!))
    .join(', ');
}

/** Renders a list of diagnostics in the given order, separated by blank lines, then the summary line. */
export function renderDiagnostics(list: readonly Diagnostic[], texts: ReadonlyMap<string, string>, lang: Lang, opts: RenderOptions = {}): string {
  if (list.length === 0) return '';
  return `${list.map((d) => renderDiagnostic(d, texts, lang, opts)).join('\n\n')}\n\n${summarize(list, lang)}\n`;
}

/**
 * Sorts diagnostics by file, then position (start, then end), then code. Files come in
 * `fileOrder` (e.g. load order) when given, others after them by name. Stable; does not mutate.
 */
export function sortDiagnostics(list: readonly Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const rank = new Map(fileOrder.map((f, i) => [f, i]));
  const fileKey = (f: string): number => rank.get(f) ?? fileOrder.length;
  return [...list].sort(
    (a, b) =>
      fileKey(a.range.file) - fileKey(b.range.file) ||
      (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : 0) ||
      a.range.start.offset - b.range.start.offset ||
      a.range.end.offset - b.range.end.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
