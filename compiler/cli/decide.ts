/**
 * `lovkode decide`: one situation from `--facts`, or many from stdin (`--batch` NDJSON, `--csv`),
 * decided by the bundled pack or `--rules`; prints the decision contract of compiler/evaluate/types.ts.
 */
import { CliError, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { decideCsv, decideNdjson, decisionLine, type DecideOne } from './batch.ts';
import { dateFlag, errorLine, parseFacts } from './input.ts';
import { differences, readReceipt } from './receipt.ts';
import type { Decider } from '../evaluate/index.ts';
import { EXIT, write } from './io.ts';
import { packFor } from './packs.ts';
import { lineDecider } from './scan.ts';
import { decide } from '../evaluate/index.ts';

/** Rejects stray positional arguments (a common slip: facts without --facts). */
export function noPositionals(args: ParsedArgs, command: string): void {
  if (args.positionals.length === 0) return;
  const arg = args.positionals[0]!;
  throw new CliError('E_UNEXPECTED_ARGUMENT', {
    nb: `«${command}» tar ingen argumenter uten flagg, men fikk «${arg}». Mente du --facts '${arg}'?`,
    en: `“${command}” takes no arguments without a flag, but got “${arg}”. Did you mean --facts '${arg}'?`,
  });
}

/** Which input a command reads: exactly one of --facts, --batch, --csv, --receipt. */
function inputMode(args: ParsedArgs): 'facts' | 'batch' | 'csv' | 'receipt' {
  const given = (['facts', 'batch', 'csv', 'receipt'] as const).filter((f) => args.flags.has(f));
  if (given.length === 1) return given[0]!;
  if (given.length === 0) {
    throw new CliError('E_MISSING_FLAG', {
      nb: "Oppgi situasjonen med --facts '{…}', eller les mange fra stdin med --batch (NDJSON) eller --csv.",
      en: "Give the situation with --facts '{…}', or read many from stdin with --batch (NDJSON) or --csv.",
    });
  }
  const names = given.map((f) => `--${f}`).join(', ');
  throw new CliError('E_CONFLICTING_FLAGS', {
    nb: `Bruk bare ett av ${names}.`,
    en: `Use only one of ${names}.`,
  });
}

/** Re-decides a receipt on its own date; exit 1 when the rules now decide it differently (outcome or obligations). */
async function decideReceipt(path: string, pack: Decider, ctx: Context): Promise<number> {
  const receipt = readReceipt(path, ctx.io.cwd);
  const result = decide(pack, receipt.facts, { lang: receipt.lang ?? ctx.lang, date: receipt.date });
  if ('error' in result) {
    await write(ctx.io.stdout, `${errorLine(result.error, ctx.lang)}\n`);
    return EXIT.usage;
  }
  await write(ctx.io.stdout, `${decisionLine(result)}\n`);
  const nb = ctx.lang === 'nb';
  const notes: string[] = [];
  if (receipt.rulesVersion && receipt.rulesVersion !== pack.tables.version) {
    notes.push(nb ? `Kvitteringen ble laget med regelsett ${receipt.rulesVersion}; nå gjelder ${pack.tables.version}.` : `The receipt was made with rule pack ${receipt.rulesVersion}; now it is ${pack.tables.version}.`);
  }
  const differs = differences(receipt.decision, result, ctx.lang);
  if (differs.length > 0) {
    const head = nb
      ? `Avgjørelsen er en annen enn på kvitteringen (${receipt.decision.outcome} → ${result.outcome}).`
      : `The decision differs from the receipt (${receipt.decision.outcome} → ${result.outcome}).`;
    notes.push(`${head}\n${differs.map((d) => `  - ${d}`).join('\n')}`);
  }
  if (notes.length > 0) await write(ctx.io.stderr, `${notes.join('\n')}\n`);
  return differs.length === 0 ? EXIT.ok : EXIT.failed;
}

/** Runs `decide`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'decide');
  const mode = inputMode(args);
  const date = dateFlag(args);
  const pack = await packFor(stringFlag(args, 'rules'), ctx, stringFlag(args, 'root'));
  const options = { lang: ctx.lang, ...(date ? { date } : {}) };
  const decideOne: DecideOne = (facts) => decide(pack, facts, options);
  if (mode === 'batch') return decideNdjson(ctx, decideOne, lineDecider(pack.tables, date, ctx.lang));
  if (mode === 'csv') return decideCsv(ctx, decideOne);
  if (mode === 'receipt') return decideReceipt(stringFlag(args, 'receipt')!, pack, ctx);
  const parsed = parseFacts(stringFlag(args, 'facts')!);
  const result = 'error' in parsed ? parsed : decideOne(parsed.facts);
  if ('error' in result) {
    await write(ctx.io.stdout, `${errorLine(result.error, ctx.lang)}\n`);
    return EXIT.usage;
  }
  await write(ctx.io.stdout, `${decisionLine(result)}\n`);
  return EXIT.ok;
}
