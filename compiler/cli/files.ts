/**
 * Standard input and output that are files, for `decide --batch` (see CliIO.files): found once by
 * main(), read in large pieces into one buffer and written with writev. Node only (io.ts, which the
 * site's playground imports, stays free of node:fs).
 */
import { fstatSync, readSync, writevSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Which of the process's stdin and stdout are files a batch may read and write directly (see CliIO.files). */
export function processFiles(): { stdin?: number; stdout?: number } {
  const kind = (fd: number): 'file' | 'device' | undefined => {
    try {
      const stat = fstatSync(fd);
      return stat.isFile() ? 'file' : stat.isCharacterDevice() && !isatty(fd) ? 'device' : undefined;
    } catch {
      return undefined;
    }
  };
  const stdout = kind(1);
  return { ...(kind(0) === 'file' ? { stdin: 0 } : {}), ...(stdout ? { stdout: 1 } : {}) };
}

/** Bytes read from a file in pieces into one buffer, reused: a piece holds only until the next is asked for. */
export async function* fileChunks(fd: number, size = 1 << 20): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(size);
  for (let n = readSync(fd, buffer, 0, size, null); n > 0; n = readSync(fd, buffer, 0, size, null)) yield buffer.subarray(0, n);
}

/** The most buffers one writev takes (IOV_MAX on Linux). */
const MAX_IOV = 1024;

/** Writes buffers to a file with writev, without joining them; again for what a short write left. */
export function writeAllSync(fd: number, parts: readonly Uint8Array[]): void {
  let rest = parts.slice();
  while (rest.length > 0) {
    let n = writevSync(fd, rest.length > MAX_IOV ? rest.slice(0, MAX_IOV) : rest);
    if (n === 0 && rest.some((part) => part.length > 0)) throw Object.assign(new Error('nothing could be written'), { code: 'EIO' });
    let i = 0;
    while (i < rest.length && n >= rest[i]!.length) n -= rest[i++]!.length;
    rest = rest.slice(i);
    if (n > 0) rest[0] = rest[0]!.subarray(n);
  }
}
