/**
 * Where the loader reads files from: the real file system, or a map of path → text for tests and
 * for the site. Node only: every path is absolute and normalised with node:path.
 */
import * as nodePaths from 'node:path';
import { confinedHost } from './confine.ts';
import type { LoadHost, Refusal } from './host-types.ts';

export type { LoadHost, Refusal };

const { dirname, resolve, sep } = nodePaths;

/**
 * A host over the whole real file system, with the checks of confinedHost but no root folder. The
 * loader's default is confinedHost with the entries' folders as roots.
 */
export const fsHost: LoadHost = confinedHost(['/']);

/** A host over an in-memory record of path → text (relative paths are resolved against the cwd). */
export function memoryHost(files: Record<string, string>): LoadHost {
  const map = new Map(Object.entries(files).map(([p, text]) => [resolve(p), text]));
  return {
    paths: nodePaths,
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
