/**
 * `decide --batch` and `decide --csv`: one situation per input line (or CSV row), one JSON line out
 * per situation, in the same order. Input is read as a stream and output waits for the pipe to
 * drain, so memory does not grow with the input. A rejected situation gives an error line and the
 * batch goes on.
 */
import type { Decision, InputError, Lang } from '../evaluate/types.ts';
import type { Context } from './commands.ts';
import { cellValue, csvRecords, type CsvRecord } from './csv.ts';
import { errorLine, parseFacts } from './input.ts';
import { EXIT, put, write } from './io.ts';
import { fileChunks, writeAllSync } from './files.ts';
import { clip, LIMITS } from '../limits.ts';
import { lineGroups, type Line, type LineScan, type Scanned } from './lines.ts';

/** Decides one situation (facts as parsed from the input). */
export type DecideOne = (facts: unknown) => Decision | { error: InputError };

/** The decision as one JSON line, keys in the order of the contract. */
export function decisionLine(d: Decision): string {
  // Decisions on complete facts are shared, frozen objects: write each one's line once.
  const cached = lineCache.get(d);
  if (cached !== undefined) return cached;
  const line = JSON.stringify({ outcome: d.outcome, obligations: d.obligations, reasons: d.reasons, citations: d.citations, missing: d.missing });
  if (Object.isFrozen(d)) lineCache.set(d, line);
  return line;
}

const lineCache = new WeakMap<Decision, string>();

/** The decision's line and newline as UTF-8 bytes: encoded once per shared decision, not once per line written. */
function decisionBytes(d: Decision): Uint8Array | string {
  if (!Object.isFrozen(d)) return `${decisionLine(d)}\n`;
  let bytes = bytesCache.get(d);
  if (bytes === undefined) bytesCache.set(d, (bytes = Buffer.from(`${decisionLine(d)}\n`)));
  return bytes;
}

const bytesCache = new WeakMap<Decision, Uint8Array>();

/** The input error of a line that could not be read (not UTF-8, or longer than the limit). */
export function unreadable(line: Exclude<Line, { text: string }>): InputError {
  return line.error === 'E_ENCODING'
    ? { code: 'E_ENCODING', message: `Not valid UTF-8: byte ${line.offset} of the input (ikke gyldig UTF-8: byte ${line.offset}).`, value: line.offset }
    : { code: 'E_LIMIT_SIZE', message: `The line is longer than ${LIMITS.factsBytes} bytes.` };
}

/** The output line for one input line, with its `\n`; `ok` is false for a rejected line. */
function answer(line: Line | Scanned<Decision | { error: InputError }>, ctx: Context, decideOne: DecideOne): { out: Uint8Array | string; ok: boolean } {
  let result: Decision | { error: InputError };
  if ('scanned' in line) result = line.scanned;
  else if (!('text' in line)) return { out: `${errorLine(unreadable(line), ctx.lang, line.n)}\n`, ok: false };
  else {
    const text = line.n === 1 && line.text.startsWith('\uFEFF') ? line.text.slice(1) : line.text; // a byte-order mark
    if (text.trim() === '') return { out: '\n', ok: true };
    const parsed = parseFacts(text);
    result = 'error' in parsed ? parsed : decideOne(parsed.facts);
  }
  if ('error' in result) return { out: `${errorLine(result.error, ctx.lang, line.n)}\n`, ok: false };
  return { out: decisionBytes(result), ok: true };
}

/**
 * NDJSON in, NDJSON out: line n out belongs to line n in, whatever it holds (a blank line gives a
 * blank line, a line that cannot be read an error line). Output waits for the reader. Returns the exit code.
 */
export async function decideNdjson(ctx: Context, decideOne: DecideOne, scan?: LineScan<Decision | { error: InputError }>): Promise<number> {
  let rejected = 0;
  const { stdin, stdout } = ctx.io.files ?? {};
  const input = stdin !== undefined ? fileChunks(stdin) : (ctx.io.stdin as AsyncIterable<Buffer | string>);
  for await (const group of scan ? lineGroups(input, LIMITS.factsBytes, scan) : lineGroups(input, LIMITS.factsBytes)) {
    // One write per chunk read: the answers' bytes (most encoded once per shared decision), so a
    // file or pipe gets one system call per chunk, not one per line.
    const parts: Uint8Array[] = [];
    for (const line of group) {
      const a = answer(line, ctx, decideOne);
      if (!a.ok) rejected++;
      parts.push(typeof a.out === 'string' ? Buffer.from(a.out) : a.out);
    }
    if (stdout !== undefined) writeAllSync(stdout, parts);
    else {
      const wait = put(ctx.io.stdout, parts);
      if (wait) await wait;
    }
  }
  return rejected > 0 ? EXIT.usage : EXIT.ok;
}

function csvError(message: { nb: string; en: string }, lang: Lang, line: number, extra: { code?: string; field?: string } = {}): string {
  return errorLine({ code: 'E_BAD_CSV', message: message[lang], ...extra } as unknown as InputError, lang, line);
}

/** The output line for one CSV record once the header is known (without its `\n`); `ok` is false for a rejected row. */
function csvAnswer(record: CsvRecord, header: string[], ctx: Context, decideOne: DecideOne): { out: string; ok: boolean } {
  if (record.error) return { out: csvError(record.error, ctx.lang, record.line, record.code ? { code: record.code } : {}), ok: false };
  if (record.cells === null) return { out: '', ok: true };
  const cells = record.cells;
  if (cells.length !== header.length) {
    const message = {
      nb: `Raden har ${cells.length} celler, men overskriftsraden har ${header.length}.`,
      en: `The row has ${cells.length} cells, but the header row has ${header.length}.`,
    };
    return { out: csvError(message, ctx.lang, record.line), ok: false };
  }
  const facts: Record<string, string | boolean | null> = {};
  for (let i = 0; i < header.length; i++) facts[header[i]!] = cellValue(cells[i]!);
  const result = decideOne(facts);
  if ('error' in result) return { out: errorLine(result.error, ctx.lang, record.line), ok: false };
  return { out: decisionLine(result), ok: true };
}

/** CSV in (header row of fact names), NDJSON out: one line per data row. Returns the exit code. */
export async function decideCsv(ctx: Context, decideOne: DecideOne): Promise<number> {
  let header: string[] | undefined;
  let rejected = 0;
  const input = lineGroups(ctx.io.stdin as AsyncIterable<Buffer | string>, LIMITS.csvRecordBytes);
  for await (const records of csvRecords(input)) {
    let out = '';
    for (const record of records) {
      if (!header && !record.error) {
        header = record.cells ?? [];
        const problem = headerProblem(header, decideOne);
        if (problem) {
          await write(ctx.io.stdout, `${out}${problem(ctx.lang)}\n`);
          return EXIT.usage;
        }
        continue;
      }
      const a = csvAnswer(record, header ?? [], ctx, decideOne);
      if (!a.ok) rejected++;
      out += `${a.out}\n`;
    }
    await write(ctx.io.stdout, out);
  }
  if (!header) {
    const message = { nb: 'Ingen overskriftsrad: første linje må liste faktanavnene.', en: 'No header row: the first line must list the fact names.' };
    await write(ctx.io.stdout, `${csvError(message, ctx.lang, 1)}\n`);
    return EXIT.usage;
  }
  return rejected > 0 ? EXIT.usage : EXIT.ok;
}

/** A header row is wrong when it is empty, repeats a name or names an unknown fact; the rows cannot be read then. */
function headerProblem(header: string[], decideOne: DecideOne): ((lang: Lang) => string) | undefined {
  if (header.length > LIMITS.csvColumns) {
    return (lang) =>
      csvError({ nb: `Overskriftsraden har ${header.length} kolonner; høyst ${LIMITS.csvColumns} er tillatt.`, en: `The header row has ${header.length} columns; at most ${LIMITS.csvColumns} are allowed.` }, lang, 1, { code: 'E_LIMIT_CSV_COLUMNS' });
  }
  if (header.length === 0 || header.some((h) => h === '')) {
    return (lang) => csvError({ nb: 'Overskriftsraden har en tom kolonne.', en: 'The header row has an empty column.' }, lang, 1);
  }
  const seen = new Set<string>();
  const twice = header.find((h) => seen.size === seen.add(h).size);
  if (twice !== undefined) {
    return (lang) =>
      csvError({ nb: `Kolonnen «${twice}» står to ganger i overskriftsraden.`, en: `Column “${twice}” appears twice in the header row.` }, lang, 1, { field: twice });
  }
  const tooLong = header.find((h) => h.length > LIMITS.nameChars);
  if (tooLong !== undefined) return (lang) => errorLine({ code: 'E_LIMIT_NAME', message: '', field: clip(tooLong) }, lang, 1);
  const probe = decideOne(Object.fromEntries(header.map((h) => [h, null])));
  if ('error' in probe && probe.error.code === 'E_UNKNOWN_FACT') {
    const error = probe.error;
    return (lang) => errorLine(error, lang, 1);
  }
  return undefined;
}
