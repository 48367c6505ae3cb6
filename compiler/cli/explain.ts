/**
 * `lovkode explain`: the decision for one situation in prose for a person — the answer in plain
 * words, why (rules, reasons, citations with links; with --quote the statute text under each reason),
 * what to do (a checklist) and what is still open.
 */
import { boolFlag, CliError, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { noPositionals } from './decide.ts';
import { explainFacts } from './explain-text.ts';
import { dateFlag, localise, parseFacts } from './input.ts';
import { EXIT, write } from './io.ts';
import { packFor } from './packs.ts';

export { explainText } from './explain-text.ts';

/** Runs `explain`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'explain');
  const text = stringFlag(args, 'facts');
  if (text === undefined) {
    throw new CliError('E_MISSING_FLAG', {
      nb: "Oppgi situasjonen med --facts '{…}', f.eks. --facts '{\"channel\":\"email\"}'.",
      en: "Give the situation with --facts '{…}', e.g. --facts '{\"channel\":\"email\"}'.",
    });
  }
  const date = dateFlag(args);
  const pack = await packFor(stringFlag(args, 'rules'), ctx, stringFlag(args, 'root'));
  const parsed = parseFacts(text);
  const result = 'error' in parsed ? parsed : explainFacts(pack.tables, parsed.facts, { lang: ctx.lang, color: ctx.io.color, quote: boolFlag(args, 'quote'), ...(date ? { date } : {}) });
  if (typeof result !== 'string') {
    const e = localise(result.error, ctx.lang);
    throw new CliError(e.code, { nb: e.message, en: e.message });
  }
  await write(ctx.io.stdout, result);
  return EXIT.ok;
}
