/**
 * Streaming CSV (RFC 4180) with csv-parse: quoted cells may hold separators, `""` and line breaks.
 * It takes the checked lines of lines.ts (UTF-8, at most LIMITS.csvRecordBytes each) and yields
 * records with the line each starts on, in linear time and flat memory: a record is never longer
 * than LIMITS.csvRecordBytes (an unclosed quotation mark ends the input there with an error instead
 * of swallowing the rest). The separator is `,`, or `;` when the header row uses `;` (as
 * spreadsheets set up for Norwegian write it). A UTF-8 byte-order mark is ignored.
 */
import { parse, type CsvError, type Info } from 'csv-parse';
import type { Message } from '../diagnostics/types.ts';
import { LIMITS } from '../limits.ts';
import type { Line } from './lines.ts';

export interface CsvRecord {
  /** The 1-based physical line the record starts on. */
  line: number;
  /** The cells; `null` for a blank line. Unquoted cells are trimmed. */
  cells: string[] | null;
  /** Set when the record could not be read. */
  error?: Message;
  /** An error after which nothing more can be read (the input ends there). */
  fatal?: boolean;
  /** The error code when it is not E_BAD_CSV: the record is too long, or the line is not UTF-8. */
  code?: 'E_LIMIT_CSV_RECORD' | 'E_ENCODING';
}

/** Which separator a header row uses: `;` if it has semicolons and no commas outside quotes, else `,`. */
export function detectSeparator(header: string): string {
  let bare = '';
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted) bare += c;
  }
  return bare.includes(';') && !bare.includes(',') ? ';' : ',';
}

const UNCLOSED: Message = {
  nb: 'Anførselstegnet som åpner en celle på denne linjen, lukkes aldri.',
  en: 'The quotation mark that opens a cell on this line is never closed.',
};

/** The message for a record csv-parse could not read. */
function problem(err: CsvError): { error: Message; fatal: boolean; code?: CsvRecord['code'] } {
  switch (err.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return {
        fatal: true,
        code: 'E_LIMIT_CSV_RECORD',
        error: {
          nb: `Raden er lengre enn ${LIMITS.csvRecordBytes} byte (ofte et anførselstegn som aldri lukkes); resten av filen leses ikke.`,
          en: `The row is longer than ${LIMITS.csvRecordBytes} bytes (often a quotation mark that is never closed); the rest of the file is not read.`,
        },
      };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { fatal: true, error: UNCLOSED };
    default:
      return {
        fatal: false,
        error: {
          nb: 'Raden har et anførselstegn midt i en celle i anførselstegn; skriv "" for et anførselstegn inni cellen.',
          en: 'The row has a quotation mark inside a quoted cell; write "" for a quotation mark inside the cell.',
        },
      };
  }
}

interface Parsed {
  record: string[];
  info: Info;
  raw: string;
}

/** The line a record starts on: the line it ends on, less the line breaks inside it. */
function startLine(p: Parsed): number {
  let breaks = 0;
  for (let i = p.raw.indexOf('\n'); i !== -1 && i < p.raw.length - 1; i = p.raw.indexOf('\n', i + 1)) breaks++;
  return p.info.lines - breaks;
}

/**
 * Reads CSV records from groups of lines (lines.ts), one group of records per group of lines. A
 * line that is not UTF-8 or too long ends the input with an error record: the rows after it cannot
 * be told apart reliably.
 */
export async function* csvRecords(groups: AsyncIterable<Line[]>): AsyncGenerator<CsvRecord[]> {
  let parser: ReturnType<typeof parse> | undefined;
  let out: CsvRecord[] = [];
  let stopped = false;
  let next = 1; // the line the next record starts on
  const start = (header: string): ReturnType<typeof parse> => {
    const p = parse({
      delimiter: detectSeparator(header),
      record_delimiter: ['\n'],
      relax_quotes: true,
      relax_column_count: true,
      trim: true,
      skip_records_with_error: true,
      max_record_size: LIMITS.csvRecordBytes,
      info: true,
      raw: true,
    });
    p.on('data', (rec: Parsed) => {
      if (stopped) return;
      const blank = rec.raw.trim() === '';
      out.push({ line: startLine(rec), cells: blank ? null : rec.record });
      next = rec.info.lines + 1;
    });
    p.on('skip', (err: CsvError & { lines?: number }) => {
      if (stopped) return;
      const { error, fatal, code } = problem(err);
      out.push({ line: next, cells: null, error, ...(fatal ? { fatal } : {}), ...(code ? { code } : {}) });
      next = (err.lines ?? next) + 1;
      if (fatal) stopped = true;
    });
    p.on('error', (err: CsvError) => {
      if (stopped) return;
      out.push({ line: next, cells: null, ...problem(err), fatal: true });
      stopped = true;
    });
    return p;
  };
  for await (const group of groups) {
    for (const line of group) {
      if (stopped) break;
      if (!('text' in line)) {
        const error: Message =
          line.error === 'E_ENCODING'
            ? { nb: `Ikke gyldig UTF-8: byte ${line.offset} i filen; resten av filen leses ikke.`, en: `Not valid UTF-8: byte ${line.offset} of the input; the rest of the input is not read.` }
            : { nb: `Linjen er lengre enn ${LIMITS.csvRecordBytes} byte; resten av filen leses ikke.`, en: `The line is longer than ${LIMITS.csvRecordBytes} bytes; the rest of the input is not read.` };
        out.push({ line: line.n, cells: null, error, fatal: true, code: line.error === 'E_ENCODING' ? 'E_ENCODING' : 'E_LIMIT_CSV_RECORD' });
        stopped = true;
        break;
      }
      const text = line.n === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
      parser ??= start(text);
      parser.write(`${text}\n`);
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
    if (stopped) break;
  }
  if (parser && !stopped) {
    const ended = new Promise<void>((resolve) => {
      parser!.on('end', resolve);
      parser!.on('close', resolve);
      parser!.on('error', () => resolve());
    });
    parser.end();
    parser.resume();
    await ended;
  }
  parser?.destroy();
  if (out.length > 0) yield out;
}

/** Turns a cell into a fact value: empty = unknown (null), `true`/`false` = yes/no, else a value name. */
export function cellValue(cell: string): string | boolean | null {
  if (cell === '') return null;
  if (cell === 'true') return true;
  if (cell === 'false') return false;
  return cell;
}
