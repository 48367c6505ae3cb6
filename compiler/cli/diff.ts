/**
 * `lovkode diff OLD NEW`: every situation whose decision differs between two versions of a pack,
 * as minimal combinations of facts — the review a lawyer needs before approving an edit.
 */
import { CliError, boolFlag, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { EXIT, paint, write } from './io.ts';
import { compiledPack } from './packs.ts';
import { diffPacks, type DecisionSummary } from '../analyse/diff.ts';

/** Runs `diff`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const { io, lang } = ctx;
  if (args.positionals.length !== 2) {
    throw new CliError('E_USAGE', {
      nb: 'Oppgi to versjoner av regelsettet: lovkode diff GAMMEL NY (filer eller mapper).',
      en: 'Give two versions of the pack: lovkode diff OLD NEW (files or folders).',
    });
  }
  const limitText = stringFlag(args, 'limit') ?? '200';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new CliError('E_BAD_FLAG', { nb: `--limit må være et helt tall over 0, ikke «${limitText}».`, en: `--limit must be a whole number above 0, not “${limitText}”.` });
  }
  const before = await compiledPack(args.positionals[0]!, ctx);
  const after = await compiledPack(args.positionals[1]!, ctx);
  const result = diffPacks(before.ir, after.ir, limit);
  if (boolFlag(args, 'json')) {
    await write(io.stdout, `${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const nb = lang === 'nb';
  const show = (s: DecisionSummary) =>
    s.outcome === null
      ? paint(io, 'red', nb ? `ingen avgjørelse (${s.rules.join(', ') || 'hull'})` : `no decision (${s.rules.join(', ') || 'gap'})`)
      : `${s.outcome}${s.obligations.length > 0 ? ` [${s.obligations.join(', ')}]` : ''} ${paint(io, 'dim', `(${s.rules.join(', ')})`)}`;
  const out: string[] = [];
  if (result.vocabulary.length > 0) out.push(paint(io, 'bold', nb ? 'Endrede fakta og verdier:' : 'Changed facts and values:'), ...result.vocabulary.map((v) => `  ${v}`), '');
  for (const d of result.differences) {
    const facts = Object.entries(d.facts).map(([f, vs]) => (vs.length === 1 ? `${f} = ${vs[0]}` : `${f} in {${vs.join(', ')}}`)).join(', ') || (nb ? 'alle situasjoner' : 'every situation');
    const since = d.from ? (nb ? ` (fra ${d.from})` : ` (from ${d.from})`) : '';
    const [was, now] = nb ? ['før:', 'nå:'] : ['before:', 'after:'];
    out.push(`${paint(io, 'bold', nb ? 'Når' : 'When')} ${facts}${since}:`, `  ${was.padEnd(8)}${show(d.before)}`, `  ${now.padEnd(8)}${show(d.after)}`);
  }
  const n = result.differences.length;
  out.push(
    '',
    n === 0
      ? paint(io, 'green', nb ? 'Ingen avgjørelse er endret.' : 'No decision has changed.')
      : nb
        ? `${n}${result.truncated ? '+' : ''} kombinasjoner av fakta avgjøres annerledes.${result.truncated ? ` (Viser de første ${limit}; bruk --limit.)` : ''}`
        : `${n}${result.truncated ? '+' : ''} combinations of facts are decided differently.${result.truncated ? ` (Showing the first ${limit}; use --limit.)` : ''}`,
  );
  await write(io.stdout, `${out.join('\n')}\n`);
  return EXIT.ok;
}
