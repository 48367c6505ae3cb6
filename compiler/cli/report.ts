/**
 * Shared output for commands that report on rule files: paths shown relative to the working
 * directory, rendered diagnostics with code frames, and the summary line.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { Lang } from '../evaluate/types.ts';
import { renderDiagnostic, sortDiagnostics } from '../diagnostics/render.ts';

/** A path as the user should see it: relative to `cwd` when that is shorter. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && rel.length < path.length ? rel : path;
}

/** Diagnostics and texts with every file path made relative to `cwd` (for display and JSON). */
export function relativise(
  diagnostics: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
  cwd: string,
): { diagnostics: Diagnostic[]; texts: Map<string, string> } {
  const move = <T extends { range: Diagnostic['range'] }>(x: T): T => ({ ...x, range: { ...x.range, file: shownPath(x.range.file, cwd) } });
  return {
    diagnostics: diagnostics.map((d) => ({ ...move(d), related: d.related.map(move) })),
    texts: new Map([...texts].map(([path, text]) => [shownPath(path, cwd), text])),
  };
}

/** Renders diagnostics with code frames (sorted by file and position, paths relative to `cwd`), without a summary. */
export function renderAt(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, io: { cwd: string; color: boolean }, lang: Lang): string {
  if (diagnostics.length === 0) return '';
  const shown = relativise(diagnostics, texts, io.cwd);
  const order = [...shown.texts.keys()];
  return `${sortDiagnostics(shown.diagnostics, order).map((d) => renderDiagnostic(d, shown.texts, lang, { color: io.color })).join('\n\n')}\n\n`;
}
