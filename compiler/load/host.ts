/**
 * Where the loader reads files from: the real file system, or a map of path → text for tests and
 * for the site. Node only: every path is absolute and normalised with node:path.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as nodePaths from 'node:path';
import type { LoadHost } from './host-types.ts';

export type { LoadHost };

const { dirname, join, resolve, sep } = nodePaths;

/** A host over the real file system. */
export const fsHost: LoadHost = {
  paths: nodePaths,
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
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
        .filter((e) => e.isFile() && e.name.endsWith('.lov'))
        .map((e) => join(dir, e.name))
        .sort();
    } catch {
      return [];
    }
  },
};

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
