/**
 * `loadFiles(entries)`: reads and parses a pack. An entry is a file or a directory (its `*.lov`
 * files, sorted, not recursive). Imports are resolved against the importing file; each file is
 * parsed once; a file's imports come before it in the result. Missing files (LOV1005) and import
 * cycles (LOV1006) are diagnostics.
 */
import { fsHost, memoryHost } from './host.ts';
import type { LoadHost } from './host-types.ts';
import { loadWith, type LoadResult } from './loader.ts';

export { fsHost, memoryHost, loadWith };
export type { LoadHost, LoadResult };

/** Loads the entries and everything they import, imports first (default: from the file system). */
export function loadFiles(entries: string[], host: LoadHost = fsHost): LoadResult {
  return loadWith(entries, host);
}
