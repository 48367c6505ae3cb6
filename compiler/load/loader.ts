/**
 * `loadFiles(entries)`: reads and parses a pack. An entry is a file or a directory (its `*.lov`
 * files, sorted, not recursive). Imports are resolved against the importing file; each file is
 * parsed once; a file's imports come before it in the result. Missing files (LOV1005) and import
 * cycles (LOV1006) are diagnostics. Pure: the host reads files and does the path arithmetic, so the
 * same loader serves the file system (CLI) and a record of sources (`compile`, the browser).
 */
import type { ImportDecl, LovFile, Range } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import { parse } from '../parser/index.ts';
import { posixPaths } from './posix.ts';
import type { LoadHost } from './host-types.ts';

export interface LoadResult {
  files: LovFile[];
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

function startOf(file: string): Range {
  const at = { line: 1, column: 1, offset: 0 };
  return { file, start: at, end: at };
}

/** Loads the entries and everything they import, imports first, through `host`. */
export function loadWith(entries: readonly string[], host: LoadHost): LoadResult {
  const { dirname, relative, resolve } = host.paths ?? posixPaths;
  const files: LovFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const parsed = new Map<string, LovFile | null>(); // null: could not be read
  const done = new Set<string>();
  const stack: string[] = [];

  /** LOV1005 for a file that is not there, or why the host refused to read it (never its contents). */
  const unreadable = (path: string, from?: ImportDecl): Diagnostic => {
    const refused = host.refusal?.(path);
    const at = from ? from.path.range : startOf(path);
    const shown = from ? from.path.value : path;
    return refused ? diagnostic(refused.code, at, [shown, ...refused.args]) : diagnostic('LOV1005', at, [shown]);
  };

  const visit = (path: string, from?: ImportDecl): void => {
    const onStack = stack.indexOf(path);
    if (onStack >= 0) {
      const cycle = [...stack.slice(onStack), path];
      const base = dirname(cycle[0]!);
      const shown = cycle.map((p) => relative(base, p) || p);
      if (from) diagnostics.push(diagnostic('LOV1006', from.range, [shown[0]!, shown.slice(1).join(' → ')]));
      return;
    }
    if (done.has(path)) return;
    let file = parsed.get(path);
    if (file === undefined) {
      const text = host.readFile(path);
      if (text === undefined) {
        parsed.set(path, null);
        diagnostics.push(unreadable(path, from));
        return;
      }
      texts.set(path, text);
      const result = parse(text, path);
      for (const d of result.diagnostics) diagnostics.push(d);
      file = result.file;
      parsed.set(path, file);
    }
    if (file === null) {
      if (from) diagnostics.push(unreadable(path, from));
      return;
    }
    stack.push(path);
    for (const decl of file.declarations) {
      if (decl.kind === 'import') visit(resolve(dirname(path), decl.path.value), decl);
    }
    stack.pop();
    done.add(path);
    files.push(file);
  };

  for (const entry of entries) {
    const path = resolve(entry);
    if (host.isDirectory(path)) host.listLov(path).forEach((p) => visit(resolve(p)));
    else visit(path);
  }
  return { files, diagnostics, texts };
}
