/**
 * Where the loader reads files from: the real file system, or a map of path → text for tests and
 * for the site. Every path is absolute and normalised with node:path.
 */
import { dirname, resolve, sep } from 'node:path';
import { confinedHost } from './confine.ts';

/** Why the host would not read a file: a LOV102x diagnostic code and its arguments after the path. */
export interface Refusal {
  code: 'LOV1020' | 'LOV1023' | 'LOV1024' | 'LOV1025' | 'LOV1026';
  args: string[];
}

export interface LoadHost {
  readFile(path: string): string | undefined;
  /** Why `readFile(path)` gave nothing although the file may exist (outside the pack, not a regular file, …). */
  refusal?(path: string): Refusal | undefined;
  isDirectory(path: string): boolean;
  /** The `*.lov` files directly in `dir` (absolute paths, sorted). */
  listLov(dir: string): string[];
}

/**
 * A host over the whole real file system, with the checks of confinedHost but no root folder. The
 * loader's default is confinedHost with the entries' folders as roots.
 */
export const fsHost: LoadHost = confinedHost(['/']);

/** A host over an in-memory record of path → text (relative paths are resolved against the cwd). */
export function memoryHost(files: Record<string, string>): LoadHost {
  const map = new Map(Object.entries(files).map(([p, text]) => [resolve(p), text]));
  return {
    readFile: (path) => map.get(resolve(path)),
    isDirectory: (path) => {
      const prefix = resolve(path) + sep;
      return [...map.keys()].some((p) => p.startsWith(prefix));
    },
    listLov: (dir) => {
      const d = resolve(dir);
      return [...map.keys()].filter((p) => dirname(p) === d && p.endsWith('.lov')).sort();
    },
  };
}
