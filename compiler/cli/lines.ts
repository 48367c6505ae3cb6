/**
 * Lines of a byte stream, for `decide --batch` and `--csv`: a line is what ends in `\n` (a `\r`
 * right before it is dropped); any other control character, a lone `\r` or U+2028 included, is part
 * of the line. Each line is checked to be UTF-8 (else an E_ENCODING line with the byte offset) and
 * to be at most `maxBytes` long (else an E_LIMIT_SIZE line; its bytes are skipped, never held), so
 * memory stays flat whatever the input holds. Lines come in groups, one per chunk read, so the
 * caller can write one chunk of output per chunk of input.
 */
import { isUtf8 } from 'node:buffer';
import { invalidUtf8At } from '../load/utf8.ts';

/** One input line: its text, or why it cannot be read. */
export type Line =
  | { n: number; text: string }
  | { n: number; error: 'E_ENCODING'; offset: number }
  | { n: number; error: 'E_LIMIT_SIZE' };

/** A line read by a scanner straight from its bytes: what the scanner made of it. */
export type Scanned<T> = { n: number; scanned: T };

/**
 * Reads a whole line from its bytes, `bytes[start..end)` (a `\r` before the `\n` included), or
 * gives undefined to have it decoded as usual. A scanner must accept only valid UTF-8.
 */
export type LineScan<T> = (bytes: Uint8Array, start: number, end: number) => T | undefined;

/** Decodes UTF-8 strictly: the text, or the byte offset of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { offset: number } {
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  return { offset: invalidUtf8At(bytes) };
}

/**
 * Splits a byte stream into lines, yielding them in groups (one group per chunk that ends a line).
 * With `scan`, a line within one chunk goes to it first, undecoded; the lines it reads come as `Scanned`.
 */
export function lineGroups(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line[]>;
export function lineGroups<T>(input: AsyncIterable<Buffer | string>, maxBytes: number, scan: LineScan<T>): AsyncGenerator<(Line | Scanned<T>)[]>;
export async function* lineGroups<T>(input: AsyncIterable<Buffer | string>, maxBytes: number, scan?: LineScan<T>): AsyncGenerator<(Line | Scanned<T>)[]> {
  let n = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let lineStart = 0; // byte offset of the current line in the stream
  let streamOffset = 0; // byte offset of the current chunk in the stream
  const finish = (last: Buffer | undefined): Line | Scanned<T> => {
    n++;
    if (tooLong) return { n, error: 'E_LIMIT_SIZE' };
    let bytes = parts.length === 0 ? (last ?? Buffer.alloc(0)) : Buffer.concat(last ? [...parts, last] : parts);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length > maxBytes) return { n, error: 'E_LIMIT_SIZE' };
    const scanned = scan?.(bytes, 0, bytes.length);
    if (scanned !== undefined) return { n, scanned };
    const decoded = decodeUtf8(bytes);
    return 'text' in decoded ? { n, text: decoded.text } : { n, error: 'E_ENCODING', offset: lineStart + decoded.offset };
  };
  /** One line of the current chunk, from `from` to the `\n` at `nl`, through `finish`. */
  const slow = (chunk: Buffer, from: number, nl: number): Line | Scanned<T> => {
    const line = finish(tooLong ? undefined : chunk.subarray(from, nl));
    parts = [];
    partBytes = 0;
    tooLong = false;
    lineStart = streamOffset + nl + 1;
    return line;
  };
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const group: (Line | Scanned<T>)[] = [];
    let from = 0;
    // The line begun in earlier chunks ends first, byte by byte (or goes on through this whole chunk).
    const first = parts.length > 0 || tooLong ? chunk.indexOf(10) : 0;
    if (first > -1 && (parts.length > 0 || tooLong)) {
      group.push(slow(chunk, 0, first));
      from = first + 1;
    }
    const last = first === -1 ? -1 : chunk.lastIndexOf(10);
    if (last >= from && scan) {
      for (let nl = chunk.indexOf(10, from); nl !== -1 && nl <= last; nl = chunk.indexOf(10, from)) {
        const scanned = scan(chunk, from, nl);
        if (scanned === undefined) group.push(slow(chunk, from, nl));
        else {
          group.push({ n: ++n, scanned });
          lineStart = streamOffset + nl + 1;
        }
        from = nl + 1;
      }
    } else if (last >= from) {
      // Fast path: the whole lines of the chunk decoded at once (a valid UTF-8 text never has a
      // 0x0A byte inside a character, so splitting the text at \n splits the bytes at 0x0A).
      const block = chunk.subarray(from, last + 1);
      const texts = isUtf8(block) ? block.toString('utf8').split('\n') : undefined;
      if (texts && texts.every((t) => t.length * 3 <= maxBytes)) {
        texts.pop();
        for (const t of texts) group.push({ n: ++n, text: t.charCodeAt(t.length - 1) === 13 ? t.slice(0, -1) : t });
        lineStart = streamOffset + last + 1;
      } else {
        for (let nl = chunk.indexOf(10, from); nl !== -1 && nl <= last; nl = chunk.indexOf(10, from)) {
          group.push(slow(chunk, from, nl));
          from = nl + 1;
        }
      }
      from = last + 1;
    }
    const rest = from;
    if (rest < chunk.length && !tooLong) {
      partBytes += chunk.length - rest;
      // Keep one byte past the limit (a `\r` may still be dropped), but never the whole of a long line.
      if (partBytes > maxBytes + 1) {
        tooLong = true;
        parts = [];
      } else parts.push(Buffer.from(chunk.subarray(rest))); // a copy: the reader may reuse its chunk
    }
    streamOffset += chunk.length;
    if (group.length > 0) yield group;
  }
  if (parts.length > 0 || tooLong) yield [finish(undefined)];
}
