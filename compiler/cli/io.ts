/**
 * The CLI's view of the outside world: streams, working directory and colour. `run()` takes one
 * of these, so tests can drive every command in-process with in-memory streams.
 */
import type { Lang } from '../evaluate/types.ts';
import type { Message } from '../diagnostics/types.ts';

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Relative paths on the command line are resolved against this directory. */
  cwd: string;
  /** Whether stdout may carry ANSI colours (a terminal, and NO_COLOR unset). */
  color: boolean;
  /**
   * The descriptors of stdin and stdout when main() found them to be files (stdin a regular file,
   * stdout a regular file or a device such as /dev/null): a batch then reads and writes them
   * directly, in large pieces and without copies (files.ts). Unset in process (tests, the benchmark).
   */
  files?: { stdin?: number; stdout?: number };
}

/** Exit codes shared by every command (documented in docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem: errors in the rules, failing examples, unformatted files. */
  failed: 1,
  /** The command line or the input was wrong: unknown command or flag, bad facts, rejected lines. */
  usage: 2,
  /** A bug in lovkode itself. */
  internal: 3,
} as const;

/** Picks the text for the chosen language. */
export function tr(message: Message, lang: Lang): string {
  return message[lang];
}

/** Writes text, waiting for the stream to drain when its buffer is full (keeps batch memory flat). */
export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  await put(stream, text);
}

/**
 * `write` without a promise when none is needed: undefined when the text went into the stream's
 * buffer, else a promise of the drain. A batch of 100,000 lines then awaits only when the reader lags.
 * Several buffers go out as one write: gathered by a stream that takes many at once (a pipe or a
 * socket, one writev and no copy), else joined.
 */
export function put(stream: NodeJS.WritableStream, text: string | Uint8Array | readonly Uint8Array[]): Promise<void> | undefined {
  // A stream that failed (EPIPE, ENOSPC) stays failed: say so instead of waiting for a drain that never comes.
  const failed = stream as { destroyed?: boolean; errored?: Error | null };
  if (failed.errored) throw failed.errored;
  if (failed.destroyed) throw Object.assign(new Error('write after the output was closed'), { code: 'EPIPE' });
  if (written(stream, text)) return undefined;
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', fail);
      resolve();
    };
    const fail = (err: Error): void => {
      stream.off('drain', done);
      reject(err);
    };
    stream.on('drain', done);
    stream.once('error', fail);
  });
}

/** Writes text or buffers; false when the stream's buffer is full. */
function written(stream: NodeJS.WritableStream, out: string | Uint8Array | readonly Uint8Array[]): boolean {
  if (typeof out === 'string' || out instanceof Uint8Array) return stream.write(out);
  const gathers = typeof (stream as { _writev?: unknown })._writev === 'function' && 'cork' in stream;
  if (!gathers || out.length === 1) return stream.write(out.length === 1 ? out[0]! : Buffer.concat(out));
  const writable = stream as NodeJS.WritableStream & { cork(): void; uncork(): void };
  writable.cork();
  let ok = true;
  for (const part of out) ok = writable.write(part);
  writable.uncork();
  return ok;
}

/** Wraps text in an ANSI colour when colours are on. */
export function paint(io: Pick<CliIO, 'color'>, colour: 'red' | 'green' | 'yellow' | 'dim' | 'bold', text: string): string {
  if (!io.color) return text;
  const codes = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
  return `\u001b[${codes[colour]}m${text}\u001b[0m`;
}
