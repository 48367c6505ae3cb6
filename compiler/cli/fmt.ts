/**
 * `lovkode fmt`: rewrite rule files in the standard form, or with `--check` only list the files that
 * would change. A file with syntax errors is never written; its errors are shown instead.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { boolFlag, CliError, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { EXIT, paint, write } from './io.ts';
import { DEFAULT_DIR, expandPaths } from './packs.ts';
import { renderAt, shownPath } from './report.ts';
import { format } from '../format/index.ts';

/** Runs `fmt`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const { io, lang } = ctx;
  const checkOnly = boolFlag(args, 'check');
  const files = await expandPaths(args.positionals.length > 0 ? args.positionals : [DEFAULT_DIR], ctx);
  for (const file of files) {
    if (!(await stat(file).catch(() => undefined))?.isFile()) {
      const p = shownPath(file, io.cwd);
      throw new CliError('E_FILE_NOT_FOUND', { nb: `Fant ikke filen «${p}».`, en: `File “${p}” was not found.` });
    }
  }
  let changed = 0;
  let broken = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const result = format(text, file);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      broken++;
      await write(io.stderr, renderAt(errors, new Map([[file, text]]), io, lang));
      continue;
    }
    if (result.text === text) continue;
    changed++;
    if (!checkOnly) await writeFile(file, result.text);
    await write(io.stdout, `${shownPath(file, io.cwd)}\n`);
  }
  const n = files.length;
  const parts: string[] = [];
  if (lang === 'nb') {
    parts.push(checkOnly ? `${changed} av ${n} filer ville blitt endret` : `${changed} av ${n} filer formatert`);
    if (broken > 0) parts.push(`${broken} med syntaksfeil ble ikke rørt`);
  } else {
    parts.push(checkOnly ? `${changed} of ${n} files would change` : `${changed} of ${n} files formatted`);
    if (broken > 0) parts.push(`${broken} with syntax errors left untouched`);
  }
  const bad = broken > 0 || (checkOnly && changed > 0);
  await write(io.stderr, `${paint(io, bad ? 'red' : 'green', `${parts.join('; ')}.`)}\n`);
  return bad ? EXIT.failed : EXIT.ok;
}
