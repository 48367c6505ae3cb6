/**
 * `lovkode decide`: one situation from `--facts`, or many from stdin (`--batch` NDJSON, `--csv`),
 * decided by the bundled pack or `--rules`; prints the decision contract of compiler/evaluate/types.ts.
 */
import { CliError, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { decideCsv, decideNdjson, decisionLine, type DecideOne } from './batch.ts';
import { dateFlag, errorLine, isDate, parseFacts } from './input.ts';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../evaluate/types.ts';
import type { Decider } from '../evaluate/index.ts';
import { EXIT, write } from './io.ts';
import { packFor } from './packs.ts';
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

interface Receipt {
  rulesVersion?: string;
  date: string;
  lang?: Lang;
  facts: Record<string, unknown>;
  decision?: { outcome: string | null; obligations?: { code: string }[] };
}

/** Reads a receipt saved from the site (or `lovkode ask`) and checks that it is one. */
async function readReceipt(path: string, ctx: Context): Promise<Receipt> {
  const text = await readFile(resolve(ctx.io.cwd, path), 'utf8').catch(() => {
    throw new CliError('E_NO_FILE', { nb: `Fant ikke kvitteringen «${path}».`, en: `Receipt “${path}” was not found.` });
  });
  const bad = (why: { nb: string; en: string }) => new CliError('E_BAD_RECEIPT', { nb: `«${path}» er ikke en kvittering fra lovkode: ${why.nb}`, en: `“${path}” is not a lovkode receipt: ${why.en}` });
  let r: Receipt;
  try {
    r = JSON.parse(text) as Receipt;
  } catch {
    throw bad({ nb: 'ikke gyldig JSON.', en: 'not valid JSON.' });
  }
  if (typeof r !== 'object' || r === null || typeof r.facts !== 'object' || r.facts === null) throw bad({ nb: 'feltet "facts" mangler.', en: 'the "facts" field is missing.' });
  if (typeof r.date !== 'string' || !isDate(r.date)) throw bad({ nb: 'feltet "date" (ÅÅÅÅ-MM-DD) mangler.', en: 'the "date" field (YYYY-MM-DD) is missing.' });
  return r;
}

/** Re-decides a receipt on its own date; exit 1 when today's rules decide it differently. */
async function decideReceipt(path: string, pack: Decider, ctx: Context): Promise<number> {
  const receipt = await readReceipt(path, ctx);
  const result = decide(pack, receipt.facts, { lang: receipt.lang === 'en' || receipt.lang === 'nb' ? receipt.lang : ctx.lang, date: receipt.date });
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
  const codes = (d?: { obligations?: { code: string }[] }) => (d?.obligations ?? []).map((o) => o.code).sort().join(',');
  const same = !receipt.decision || (receipt.decision.outcome === result.outcome && codes(receipt.decision) === codes(result));
  if (!same) notes.push(nb ? `Avgjørelsen er en annen enn på kvitteringen (${receipt.decision!.outcome} → ${result.outcome}).` : `The decision differs from the receipt (${receipt.decision!.outcome} → ${result.outcome}).`);
  if (notes.length > 0) await write(ctx.io.stderr, `${notes.join('\n')}\n`);
  return same ? EXIT.ok : EXIT.failed;
}

/** Runs `decide`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'decide');
  const mode = inputMode(args);
  const date = dateFlag(args);
  const pack = await packFor(stringFlag(args, 'rules'), ctx);
  const decideOne: DecideOne = (facts) => decide(pack, facts, { lang: ctx.lang, ...(date ? { date } : {}) });
  if (mode === 'batch') return decideNdjson(ctx, decideOne);
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
