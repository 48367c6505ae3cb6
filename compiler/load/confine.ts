/**
 * The file-system host of the loader, confined to a pack: a rule file is read only when, after
 * resolving symlinks, it lies inside one of the pack's root folders, is a regular file (never a
 * FIFO, a device or a directory), ends in `.lov`, is at most LIMITS.ruleFileBytes long (checked on
 * the open file before reading, and the read is capped) and is valid UTF-8 (a BOM is dropped).
 * Anything else is refused with a reason the loader turns into a diagnostic; a refused file's
 * contents are never read, so they can never be shown.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as nodePaths from 'node:path';
import { LIMITS } from '../limits.ts';
import type { LoadHost, Refusal } from './host-types.ts';

const { dirname, join, relative, isAbsolute, resolve } = nodePaths;
import { decodeStrict } from './utf8.ts';

/** The extension a rule file must have. */
export const RULE_EXTENSION = '.lov';

/** The root folder a command-line entry gives its pack: the folder itself, or a file's folder. */
export function rootOf(entry: string): string {
  const path = resolve(entry);
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return dirname(path);
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Reads at most `cap + 1` bytes of an open file (one more than allowed shows that it is too long).
 * The buffer starts at the size fstat gave and grows only if the file grew since: zero-filling
 * `cap` bytes (4 MB) per file cost `lovkode check` more than reading its rules.
 */
function readCapped(fd: number, cap: number, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(size, cap) + 1);
  let filled = 0;
  for (;;) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (n === 0) break;
    filled += n;
    if (filled === buffer.length) {
      if (buffer.length > cap) break;
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap + 1));
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
    }
  }
  return buffer.subarray(0, filled);
}

/** A loader host over the real file system that reads only rule files inside `roots`. */
export function confinedHost(roots: readonly string[]): LoadHost {
  const realRoots = roots.map((r) => realOrSelf(resolve(r)));
  const refusals = new Map<string, Refusal>();
  const refuse = (path: string, why: Refusal): undefined => {
    refusals.set(path, why);
    return undefined;
  };
  const read = (path: string): string | undefined => {
    if (!path.endsWith(RULE_EXTENSION)) return refuse(path, { code: 'LOV1025', args: [] });
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined; // not there: the loader reports LOV1005
    }
    if (!realRoots.some((root) => inside(real, root))) return refuse(path, { code: 'LOV1023', args: [realRoots[0] ?? '/'] });
    let fd: number;
    try {
      // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after by fstat.
      fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) return refuse(path, { code: 'LOV1024', args: [] });
      if (info.size > LIMITS.ruleFileBytes) return refuse(path, { code: 'LOV1020', args: [String(LIMITS.ruleFileBytes)] });
      const bytes = readCapped(fd, LIMITS.ruleFileBytes, info.size);
      if (bytes.length > LIMITS.ruleFileBytes) return refuse(path, { code: 'LOV1020', args: [String(LIMITS.ruleFileBytes)] });
      const decoded = decodeStrict(bytes);
      if ('offset' in decoded) return refuse(path, { code: 'LOV1026', args: [String(decoded.offset)] });
      return decoded.text;
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  };
  return {
    paths: nodePaths,
    readFile: read,
    refusal: (path) => refusals.get(path),
    isDirectory(path) {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    listLov(dir) {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith(RULE_EXTENSION))
          .map((e) => join(dir, e.name))
          .sort();
      } catch {
        return [];
      }
    },
  };
}
