/**
 * `lovkode check`: load, check and analyse a pack; print the diagnostics with code frames (or as
 * JSON) and a summary. Errors fail the command; warnings only with `--strict`.
 */
import { CliError, boolFlag, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { EXIT, paint, write } from './io.ts';
import { expandPaths, packHost, tally } from './packs.ts';
import { relativise, renderAt } from './report.ts';
import { sortDiagnostics, summarize } from '../diagnostics/render.ts';
import { compilePack, DEFAULT_RULES } from '../pipeline.ts';

/** How many diagnostics `check` prints when --max-diagnostics is not given. */
export const DEFAULT_MAX_DIAGNOSTICS = 50;

/** The --max-diagnostics flag: a whole number above 0 (default 50). */
function maxDiagnostics(args: ParsedArgs): number {
  const text = stringFlag(args, 'max-diagnostics') ?? String(DEFAULT_MAX_DIAGNOSTICS);
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new CliError('E_BAD_FLAG', {
      nb: `--max-diagnostics må være et helt tall over 0, ikke «${text}».`,
      en: `--max-diagnostics must be a whole number above 0, not “${text}”.`,
    });
  }
  return n;
}

/** Runs `check`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const { io, lang } = ctx;
  const max = maxDiagnostics(args);
  const entries = args.positionals.length > 0 ? await expandPaths(args.positionals, ctx) : [DEFAULT_RULES];
  const result = compilePack(entries, { host: packHost(args.positionals.length > 0 ? args.positionals : [DEFAULT_RULES], stringFlag(args, 'root'), ctx) });
  const { errors, warnings } = tally(result.diagnostics);
  const failed = errors > 0 || (boolFlag(args, 'strict') && warnings > 0);
  if (stringFlag(args, 'format') === 'json') {
    const { diagnostics } = relativise(result.diagnostics, result.texts, io.cwd);
    await write(io.stdout, `${JSON.stringify({ diagnostics, errors, warnings, files: result.texts.size }, null, 2)}\n`);
    return failed ? EXIT.failed : EXIT.ok;
  }
  const order = [...result.texts.keys()];
  const sorted = sortDiagnostics(result.diagnostics, order);
  const shown = sorted.slice(0, max);
  await write(io.stdout, renderAt(shown, result.texts, io, lang));
  const hidden = sorted.length - shown.length;
  if (hidden > 0) {
    const more = lang === 'nb'
      ? `… og ${hidden} ${hidden === 1 ? 'diagnose' : 'diagnoser'} til (${summarize(sorted.slice(max), lang)}); bruk --max-diagnostics ${sorted.length} for å se alle.`
      : `… and ${hidden} more ${hidden === 1 ? 'diagnostic' : 'diagnostics'} (${summarize(sorted.slice(max), lang)}); use --max-diagnostics ${sorted.length} to see them all.`;
    await write(io.stdout, `${paint(io, 'yellow', more)}\n`);
  }
  const files = result.texts.size;
  const where = lang === 'nb' ? `i ${files} ${files === 1 ? 'fil' : 'filer'}` : `in ${files} file${files === 1 ? '' : 's'}`;
  const summary =
    errors + warnings === 0
      ? paint(io, 'green', lang === 'nb' ? `✓ Ingen feil eller advarsler ${where}.` : `✓ No errors or warnings ${where}.`)
      : paint(io, failed ? 'red' : 'yellow', `${failed ? '✗' : '!'} ${summarize(result.diagnostics, lang)} ${where}.`);
  await write(io.stdout, `${summary}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
