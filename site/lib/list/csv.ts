/**
 * «Sjekk kundelisten»: reading the list file and writing it back. The bytes are checked (empty,
 * binary, not UTF-8; stable codes, explained by the page's text) before a CSV parser (papaparse, passed in so this module stays testable and the
 * page never loads it) splits the rows; the answer is written back in the same delimiter, line break
 * and byte-order mark as the file came in.
 */

/** A problem with the file as a whole, by stable code (the page's text explains each one). */
export interface ListProblem {
  code: 'E_LIST_EMPTY' | 'E_LIST_BINARY' | 'E_LIST_ENCODING' | 'E_LIST_NO_ROWS' | 'E_LIST_HEADER';
}

/** Why a row could not be read: a quotation mark never closed, or another number of cells than the header. */
export type RowProblem = { code: 'E_LIST_QUOTE' } | { code: 'E_LIST_CELLS'; cells: number; header: number };

/** The parsed list: the header, the rows, and the rows that could not be read (row index → why). */
export interface ParsedList {
  header: string[];
  rows: string[][];
  bad: Map<number, RowProblem>;
  delimiter: ',' | ';';
  newline: string;
  bom: boolean;
}

/** The part of papaparse this module uses. */
export interface CsvParser {
  parse(text: string, config: { delimiter: string }): {
    data: string[][];
    errors: { type: string; code: string; row?: number; message: string }[];
    meta: { linebreak: string };
  };
}

const problem = (code: ListProblem['code']): ListProblem => ({ code });

/** The text of a file's bytes, whether it began with a UTF-8 byte-order mark, or why it cannot be a CSV list. */
export function decodeList(bytes: Uint8Array): { text: string; bom: boolean } | { problem: ListProblem } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return { problem: problem('E_LIST_EMPTY') };
  }
  if (body.subarray(0, 8192).includes(0)) {
    return { problem: problem('E_LIST_BINARY') };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    return { problem: problem('E_LIST_ENCODING') };
  }
}

/** The delimiter of a list: `;` when the header line has semicolons and no commas outside quotes, else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"(?:[^"]|"")*"/g, '');
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/**
 * Parses a list's text with `parser` (papaparse): header row first; rows with another cell count are
 * bad. Lines of nothing but blanks and delimiters are skipped here (as papaparse's «greedy» option
 * would, but without joining every row), so its errors' row numbers can be mapped to the rows kept.
 * The rows stay in papaparse's own array, moved up over the header and blank lines.
 */
export function parseList(parser: CsvParser, text: string, bom: boolean): ParsedList | { problem: ListProblem } {
  const delimiter = detectDelimiter(text);
  const result = parser.parse(text, { delimiter });
  const rows = result.data;
  // rowOf[i]: the row that line i of papaparse's data became, or -1 (the header, a blank line).
  const rowOf = new Int32Array(rows.length).fill(-1);
  let head: string[] | undefined;
  let kept = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    if (!head) head = row;
    else rows[(rowOf[i] = kept++)] = row;
  }
  rows.length = kept;
  if (!head) return { problem: problem('E_LIST_HEADER') };
  if (kept === 0) return { problem: problem('E_LIST_NO_ROWS') };
  const header = head.map((h, i) => h.trim() || `(${i + 1})`);
  const bad = new Map<number, RowProblem>();
  for (const e of result.errors) {
    const row = e.row === undefined ? -1 : (rowOf[e.row] ?? -1);
    if (row >= 0) bad.set(row, { code: 'E_LIST_QUOTE' });
  }
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.length !== header.length && !bad.has(i)) bad.set(i, { code: 'E_LIST_CELLS', cells: rows[i]!.length, header: header.length });
  }
  return { header, rows, bad, delimiter, newline: result.meta.linebreak || '\n', bom };
}

/** One CSV cell, quoted when it holds the delimiter, a quotation mark, a line break or edge spaces. */
function cell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The list with added columns, as CSV text in the list's own delimiter, line break and byte-order mark. */
export function writeList(list: ParsedList, added: string[], extra: (row: number) => string[]): string {
  const { delimiter: d, newline } = list;
  const line = (cells: readonly string[]) => cells.map((c) => cell(c, d)).join(d);
  const out = [line([...list.header, ...added])];
  for (let r = 0; r < list.rows.length; r++) out.push(line([...list.rows[r]!, ...extra(r)]));
  return `${list.bom ? '\uFEFF' : ''}${out.join(newline)}${newline}`;
}
