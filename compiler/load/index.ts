/**
 * `loadFiles(entries)`: reads and parses a pack. An entry is a file or a directory (its `*.lov`
 * files, sorted, not recursive). Imports are resolved against the importing file; each file is
 * parsed once; a file's imports come before it in the result. Missing files (LOV1005) and import
 * cycles (LOV1006) are diagnostics.
 */
import { fsHost, memoryHost } from './host.ts';
import type { LoadHost, Refusal } from './host-types.ts';
import { loadWith, type LoadResult } from './loader.ts';
import { confinedHost, rootOf } from './confine.ts';

export { fsHost, memoryHost, loadWith, confinedHost, rootOf };
export type { LoadHost, LoadResult, Refusal };

/** Loads the entries and everything they import, imports first; by default only files inside the entries' folders. */
export function loadFiles(entries: string[], host: LoadHost = confinedHost(entries.map(rootOf))): LoadResult {
  return loadWith(entries, host);
}
