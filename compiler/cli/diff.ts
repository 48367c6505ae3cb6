/**
 * `lovkode diff OLD NEW`: every situation whose decision differs between two versions of a pack,
 * as minimal combinations of facts — the review a lawyer needs before approving an edit — in words
 * (diff-words.ts), or as identifiers with `--json`.
 */
import { CliError, boolFlag, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { EXIT, write } from './io.ts';
import { compiledPack } from './packs.ts';
import { diffPacks } from '../analyse/diff.ts';
import { diffInWords } from './diff-words.ts';

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
  await write(io.stdout, diffInWords(result, before.ir, after.ir, io, lang, limit));
  return EXIT.ok;
}
