/**
 * `POST /v1/decide/batch`: NDJSON in, NDJSON out, streamed. The request body is read only as fast
 * as the client reads the answer (a pull stream), so memory stays flat however many lines come.
 * A line is what ends in `\n` (an optional `\r` before it is dropped); line n out belongs to line n
 * in: a blank line gives a blank line, a bad or too long line its error object with `line`.
 */
import type { Decision, InputError, Lang } from '../compiler/evaluate/types.ts';
import { parseFacts } from '../compiler/cli/input.ts';
import { decisionLine } from '../compiler/cli/batch.ts';
import { safeErrorLine } from './errors.ts';

/** One physical input line: its text (undefined when it is not valid UTF-8), or `tooLong` when it was longer than the limit. */
type Line = { text: string | undefined; tooLong: false } | { text: ''; tooLong: true };

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly (a BOM is dropped); undefined for invalid bytes, which are never replaced by U+FFFD. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The error of a body or line that is not UTF-8. */
export const NOT_UTF8 = { code: 'E_BAD_JSON', message: 'the bytes are not valid UTF-8' } as const;

/** Splits a byte stream into lines of at most `maxBytes`, without keeping more than one line in memory. */
export async function* splitLines(body: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  const finish = (): Line => {
    const line: Line = tooLong ? { text: '', tooLong: true } : { text: lineText(parts, size), tooLong: false };
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of body) {
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!tooLong && end > start) {
        size += end - start;
        if (size > maxBytes) {
          tooLong = true;
          parts = [];
        } else parts.push(chunk.subarray(start, end));
      }
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (size > 0 || tooLong) yield finish();
}

function lineText(parts: Uint8Array[], size: number): string | undefined {
  const text = utf8(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size));
  return text?.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Decides one situation with the pack. */
export type DecideFn = (facts: unknown) => Decision | { error: InputError };

/** The answer's lines, one per input line, in order. */
export async function* answerLines(lines: AsyncIterable<Line>, decide: DecideFn, lang: Lang, maxBytes: number): AsyncGenerator<string> {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.tooLong) {
      const error = { code: 'E_HTTP_LINE_TOO_LARGE', message: `Line ${n} is longer than ${maxBytes} bytes (linjen er for lang).` } as unknown as InputError;
      yield safeErrorLine(error, lang, n);
      continue;
    }
    if (line.text === undefined) {
      yield safeErrorLine(NOT_UTF8, lang, n);
      continue;
    }
    if (line.text.trim() === '') {
      yield '';
      continue;
    }
    const parsed = parseFacts(line.text);
    const result = 'error' in parsed ? parsed : decide(parsed.facts);
    yield 'error' in result ? safeErrorLine(result.error, lang, n) : decisionLine(result);
  }
}

/** About this many bytes of answer lines go out per chunk (fewer, larger writes than one per line). */
const CHUNK_BYTES = 16 * 1024;

/** A pull stream of NDJSON bytes: reads the next input lines only when the reader wants more. */
export function ndjsonStream(lines: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let out = '';
        while (out.length < CHUNK_BYTES) {
          const next = await lines.next();
          if (next.done) {
            if (out) controller.enqueue(encoder.encode(out));
            controller.close();
            return;
          }
          out += `${next.value}\n`;
        }
        controller.enqueue(encoder.encode(out));
      },
      async cancel() {
        await lines.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
