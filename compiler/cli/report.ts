/**
 * Shared output for commands that report on rule files: paths shown relative to the working
 * directory, rendered diagnostics with code frames, and the summary line.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { Lang } from '../evaluate/types.ts';
import { renderDiagnostics } from '../diagnostics/render.ts';

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

/** Renders diagnostics with code frames, paths relative to `cwd`. */
export function renderAt(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, cwd: string, lang: Lang): string {
  if (diagnostics.length === 0) return '';
  const shown = relativise(diagnostics, texts, cwd);
  const text = renderDiagnostics(shown.diagnostics, shown.texts, lang);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** "2 feil og 1 advarsel" / "2 errors and 1 warning". */
export function countText(errors: number, warnings: number, lang: Lang): string {
  const e = lang === 'nb' ? `${errors} feil` : `${errors} error${errors === 1 ? '' : 's'}`;
  const w = lang === 'nb' ? `${warnings} advarsel${warnings === 1 ? '' : 'er'}` : `${warnings} warning${warnings === 1 ? '' : 's'}`;
  return lang === 'nb' ? `${e} og ${w}` : `${e} and ${w}`;
}
