/**
 * A streaming CSV reader (RFC 4180): quoted cells may hold commas, `""` and line breaks. It reads
 * physical lines one at a time and yields records with the line each starts on, so memory stays
 * flat however long the input is. The separator is `,`, or `;` when the header row uses `;` (as
 * spreadsheets set up for Norwegian write it). A UTF-8 byte-order mark is ignored.
 */
import type { Message } from '../diagnostics/types.ts';

export interface CsvRecord {
  /** The 1-based physical line the record starts on. */
  line: number;
  /** The cells; `null` for a blank line. Unquoted cells are trimmed. */
  cells: string[] | null;
  /** Set when the record could not be read (an unclosed quotation mark at the end of the input). */
  error?: Message;
}

/** Splits one record; `open` is true when it ends inside a quoted cell (the record goes on). */
export function splitRecord(text: string, separator: string): { cells: string[]; open: boolean } {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else inQuotes = false;
    } else if (c === '"' && !quoted && cell.trim() === '') {
      inQuotes = quoted = true;
      cell = '';
    } else if (c === separator) {
      cells.push(quoted ? cell : cell.trim());
      cell = '';
      quoted = false;
    } else cell += c;
  }
  cells.push(quoted ? cell : cell.trim());
  return { cells, open: inQuotes };
}

/** Which separator a header row uses: `;` if it has semicolons and no commas outside quotes, else `,`. */
export function detectSeparator(header: string): string {
  const bare = header.replace(/"(?:[^"]|"")*"/g, '');
  return bare.includes(';') && !bare.includes(',') ? ';' : ',';
}

/** Reads CSV records from physical lines (e.g. a readline interface). */
export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let separator: string | undefined;
  let lineNo = 0;
  let pending: { line: number; text: string } | undefined;
  for await (const raw of lines) {
    lineNo++;
    const physical = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (pending) pending.text += `\n${physical}`;
    else if (physical.trim() === '') {
      yield { line: lineNo, cells: null };
      continue;
    } else pending = { line: lineNo, text: physical };
    separator ??= detectSeparator(pending.text);
    const { cells, open } = splitRecord(pending.text, separator);
    if (open) continue;
    yield { line: pending.line, cells };
    pending = undefined;
  }
  if (pending) {
    yield {
      line: pending.line,
      cells: null,
      error: {
        nb: 'Anførselstegnet som åpner en celle på denne linjen, lukkes aldri.',
        en: 'The quotation mark that opens a cell on this line is never closed.',
      },
    };
  }
}

/** Turns a cell into a fact value: empty = unknown (null), `true`/`false` = yes/no, else a value name. */
export function cellValue(cell: string): string | boolean | null {
  if (cell === '') return null;
  if (cell === 'true') return true;
  if (cell === 'false') return false;
  return cell;
}
