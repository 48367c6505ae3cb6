/**
 * `lovkode check`: load, check and analyse a pack; print the diagnostics with code frames (or as
 * JSON) and a summary. Errors fail the command; warnings only with `--strict`.
 */
import { boolFlag, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { EXIT, paint, write } from './io.ts';
import { expandPaths, packHost, tally } from './packs.ts';
import { relativise, renderAt } from './report.ts';
import { summarize } from '../diagnostics/render.ts';
import { compilePack, DEFAULT_RULES } from '../pipeline.ts';

/** Runs `check`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const { io, lang } = ctx;
  const entries = args.positionals.length > 0 ? await expandPaths(args.positionals, ctx) : [DEFAULT_RULES];
  const result = compilePack(entries, { host: packHost(args.positionals.length > 0 ? args.positionals : [DEFAULT_RULES], stringFlag(args, 'root'), ctx) });
  const { errors, warnings } = tally(result.diagnostics);
  const failed = errors > 0 || (boolFlag(args, 'strict') && warnings > 0);
  if (stringFlag(args, 'format') === 'json') {
    const { diagnostics } = relativise(result.diagnostics, result.texts, io.cwd);
    await write(io.stdout, `${JSON.stringify({ diagnostics, errors, warnings, files: result.texts.size }, null, 2)}\n`);
    return failed ? EXIT.failed : EXIT.ok;
  }
  await write(io.stdout, renderAt(result.diagnostics, result.texts, io, lang));
  const files = result.texts.size;
  const where = lang === 'nb' ? `i ${files} ${files === 1 ? 'fil' : 'filer'}` : `in ${files} file${files === 1 ? '' : 's'}`;
  const summary =
    errors + warnings === 0
      ? paint(io, 'green', lang === 'nb' ? `✓ Ingen feil eller advarsler ${where}.` : `✓ No errors or warnings ${where}.`)
      : paint(io, failed ? 'red' : 'yellow', `${failed ? '✗' : '!'} ${summarize(result.diagnostics, lang)} ${where}.`);
  await write(io.stdout, `${summary}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
