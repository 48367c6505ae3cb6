/**
 * The language server's one door into the compiler: it calls the public pipeline `compileWith`
 * (compile.ts, the same one `compile(sources)`, the CLI and the site's playground call) over a
 * host that lays the open documents over the disk; it re-implements no phase (issue 12 item 2).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileWith, type CompileResult } from '../compile.ts';
import { fsHost, memoryHost, type LoadHost } from '../load/host.ts';
import { format } from '../format/index.ts';
import type { Diagnostic } from '../diagnostics/types.ts';

export type { CompileResult };

/** Open documents (path → text) laid over the disk: an open document wins over its saved file. */
function overlayHost(open: ReadonlyMap<string, string>): LoadHost {
  const mem = memoryHost(Object.fromEntries(open));
  return {
    readFile: (path) => mem.readFile(path) ?? fsHost.readFile(path),
    isDirectory: (path) => mem.isDirectory(path) || fsHost.isDirectory(path),
    listLov: (dir) => [...new Set([...fsHost.listLov(dir), ...mem.listLov(dir)])].sort(),
  };
}

/**
 * The entries of the pack a document belongs to: the folder's `main.lov` when there is one (so the
 * whole pack is checked and renamed together), and the document itself.
 */
export function packEntries(path: string, open: ReadonlyMap<string, string>): string[] {
  const main = join(dirname(path), 'main.lov');
  const hasMain = open.has(resolve(main)) || existsSync(main);
  return hasMain && resolve(main) !== resolve(path) ? [main, path] : [path];
}

/** Compiles the pack of `path` with the open documents: quick (names and types) or full (analyses and examples). */
export function compileDocument(path: string, open: ReadonlyMap<string, string>, full: boolean): CompileResult {
  return compileWith(packEntries(path, open), overlayHost(open), { analyse: full, examples: full });
}

/** The compiler's formatter (`lovkode fmt`): the formatted text, or null when the file has syntax errors. */
export function formatDocument(text: string, path: string): string | null {
  const result: { text: string; diagnostics: Diagnostic[] } = format(text, path);
  return result.diagnostics.some((d) => d.severity === 'error') ? null : result.text;
}
