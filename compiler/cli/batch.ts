/**
 * `decide --batch` and `decide --csv`: one situation per input line (or CSV row), one JSON line out
 * per situation, in the same order. Input is read as a stream and output waits for the pipe to
 * drain, so memory does not grow with the input. A rejected situation gives an error line and the
 * batch goes on.
 */
import { createInterface } from 'node:readline';
import type { Decision, InputError, Lang } from '../evaluate/types.ts';
import type { Context } from './commands.ts';
import { cellValue, csvRecords } from './csv.ts';
import { errorLine, parseFacts } from './input.ts';
import { EXIT, write } from './io.ts';

/** Decides one situation (facts as parsed from the input). */
export type DecideOne = (facts: unknown) => Decision | { error: InputError };

/** The decision as one JSON line, keys in the order of the contract. */
export function decisionLine(d: Decision): string {
  // Decisions on complete facts are shared, frozen objects: write each one's line once.
  const cached = lineCache.get(d);
  if (cached !== undefined) return cached;
  const line = JSON.stringify({ outcome: d.outcome, obligations: d.obligations, reasons: d.reasons, citations: d.citations, missing: d.missing });
  if (Object.isFrozen(d)) lineCache.set(d, line);
  return line;
}

const lineCache = new WeakMap<Decision, string>();

function lines(ctx: Context): AsyncIterable<string> {
  return createInterface({ input: ctx.io.stdin, crlfDelay: Infinity });
}

async function emit(ctx: Context, result: Decision | { error: InputError }, line: number): Promise<boolean> {
  if ('error' in result) {
    await write(ctx.io.stdout, `${errorLine(result.error, ctx.lang, line)}\n`);
    return false;
  }
  await write(ctx.io.stdout, `${decisionLine(result)}\n`);
  return true;
}

/** NDJSON in, NDJSON out; a blank line in gives a blank line out. Returns the exit code. */
export async function decideNdjson(ctx: Context, decideOne: DecideOne): Promise<number> {
  let lineNo = 0;
  let rejected = 0;
  for await (const text of lines(ctx)) {
    lineNo++;
    if (text.trim() === '') {
      await write(ctx.io.stdout, '\n');
      continue;
    }
    const parsed = parseFacts(text);
    const result = 'error' in parsed ? parsed : decideOne(parsed.facts);
    if (!(await emit(ctx, result, lineNo))) rejected++;
  }
  return rejected > 0 ? EXIT.usage : EXIT.ok;
}

function csvError(message: { nb: string; en: string }, lang: Lang, line: number, extra: Partial<InputError> = {}): string {
  return errorLine({ code: 'E_BAD_CSV', message: message[lang], ...extra } as unknown as InputError, lang, line);
}

/** CSV in (header row of fact names), NDJSON out: one line per data row. Returns the exit code. */
export async function decideCsv(ctx: Context, decideOne: DecideOne): Promise<number> {
  let header: string[] | undefined;
  let rejected = 0;
  for await (const record of csvRecords(lines(ctx))) {
    if (record.error) {
      await write(ctx.io.stdout, `${csvError(record.error, ctx.lang, record.line)}\n`);
      rejected++;
      continue;
    }
    if (!header) {
      header = record.cells ?? [];
      const problem = headerProblem(header, decideOne);
      if (problem) {
        await write(ctx.io.stdout, `${problem(ctx.lang)}\n`);
        return EXIT.usage;
      }
      continue;
    }
    if (record.cells === null) {
      await write(ctx.io.stdout, '\n');
      continue;
    }
    if (record.cells.length !== header.length) {
      const message = {
        nb: `Raden har ${record.cells.length} celler, men overskriftsraden har ${header.length}.`,
        en: `The row has ${record.cells.length} cells, but the header row has ${header.length}.`,
      };
      await write(ctx.io.stdout, `${csvError(message, ctx.lang, record.line)}\n`);
      rejected++;
      continue;
    }
    const cells = record.cells;
    const facts = Object.fromEntries(header.map((name, i) => [name, cellValue(cells[i]!)]));
    if (!(await emit(ctx, decideOne(facts), record.line))) rejected++;
  }
  if (!header) {
    const message = { nb: 'Ingen overskriftsrad: første linje må liste faktanavnene.', en: 'No header row: the first line must list the fact names.' };
    await write(ctx.io.stdout, `${csvError(message, ctx.lang, 1)}\n`);
    return EXIT.usage;
  }
  return rejected > 0 ? EXIT.usage : EXIT.ok;
}

/** A header row is wrong when it is empty, repeats a name or names an unknown fact; the rows cannot be read then. */
function headerProblem(header: string[], decideOne: DecideOne): ((lang: Lang) => string) | undefined {
  if (header.length === 0 || header.some((h) => h === '')) {
    return (lang) => csvError({ nb: 'Overskriftsraden har en tom kolonne.', en: 'The header row has an empty column.' }, lang, 1);
  }
  const twice = header.find((h, i) => header.indexOf(h) !== i);
  if (twice !== undefined) {
    return (lang) =>
      csvError({ nb: `Kolonnen «${twice}» står to ganger i overskriftsraden.`, en: `Column “${twice}” appears twice in the header row.` }, lang, 1, { field: twice });
  }
  const probe = decideOne(Object.fromEntries(header.map((h) => [h, null])));
  if ('error' in probe && probe.error.code === 'E_UNKNOWN_FACT') {
    const error = probe.error;
    return (lang) => errorLine(error, lang, 1);
  }
  return undefined;
}
