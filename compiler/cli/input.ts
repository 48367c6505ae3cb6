/**
 * Input for `decide` and `explain`: the `--facts` JSON, the `--date` flag, and input errors in the
 * chosen language with a stable code (the same object for one situation and for each batch line).
 */
import type { InputError, Lang } from '../evaluate/types.ts';
import { CliError, listChoices, stringFlag, type ParsedArgs } from './args.ts';
import { didYouMean, suggestionHint } from '../diagnostics/suggest.ts';
import { checkFactsShape, checkFactsText, limitText } from '../limits.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The `--date` flag, checked; undefined means today. */
export function dateFlag(args: ParsedArgs): string | undefined {
  const date = stringFlag(args, 'date');
  if (date === undefined || isDate(date)) return date;
  throw new CliError('E_BAD_DATE', {
    nb: `Ugyldig dato «${date}» for --date: skriv ÅÅÅÅ-MM-DD, for eksempel 2025-03-01.`,
    en: `Invalid date “${date}” for --date: write YYYY-MM-DD, for example 2025-03-01.`,
  });
}

/** Parses one situation: a JSON text that must hold an object, within the limits of compiler/limits.ts. */
export function parseFacts(text: string): { facts: unknown } | { error: InputError } {
  const tooBig = checkFactsText(text);
  if (tooBig) return { error: tooBig };
  let facts: unknown;
  try {
    facts = JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { error: { code: 'E_BAD_JSON', message: detail.length > 200 ? `${detail.slice(0, 200)}…` : detail } };
  }
  const tooLong = checkFactsShape(facts);
  return tooLong ? { error: tooLong } : { facts };
}

/** Rewrites an input error's message in the chosen language (the code, field and choices stay). */
export function localise(error: InputError, lang: Lang): InputError {
  const nb = lang === 'nb';
  const field = error.field ?? '';
  const value = JSON.stringify(error.value);
  const choices = error.choices ? listChoices(error.choices, lang) : '';
  let message: string;
  switch (error.code) {
    case 'E_BAD_JSON':
      message = nb ? `Ikke gyldig JSON (${error.message}).` : `Not valid JSON (${error.message}).`;
      break;
    case 'E_NOT_AN_OBJECT':
      message = nb
        ? 'Faktaene må være ett JSON-objekt med faktanavn og verdier, f.eks. {"channel":"email"}.'
        : 'The facts must be one JSON object of fact names and values, e.g. {"channel":"email"}.';
      break;
    case 'E_UNKNOWN_FACT': {
      const hint = suggestionHint(didYouMean(field, error.choices ?? []));
      message = (nb ? `Ukjent faktum «${field}».` : `Unknown fact “${field}”.`) + (hint ? ` ${hint[lang]}` : '');
      break;
    }
    case 'E_BAD_VALUE':
      message = nb
        ? `${value} er ikke en gyldig verdi for «${field}». Gyldige verdier: ${choices}.`
        : `${value} is not a valid value of “${field}”. Valid values: ${choices}.`;
      break;
    case 'E_ENCODING':
      message = nb ? `Ikke gyldig UTF-8: byte ${value} i inndataene (talt fra 0).` : `Not valid UTF-8: byte ${value} of the input (counting from 0).`;
      break;
    case 'E_LIMIT_SIZE':
    case 'E_LIMIT_DEPTH':
    case 'E_LIMIT_NAME':
    case 'E_LIMIT_VALUE':
      message = limitText(error.code, field)[lang];
      break;
    default:
      message = error.message;
  }
  return { ...error, message };
}

/** The JSON line for a rejected situation: `{"error":{code,message,field,value,choices,line}}`. */
export function errorLine(error: InputError, lang: Lang, line?: number): string {
  const e = localise(error, lang);
  const out: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.field !== undefined) out.field = e.field;
  if (e.value !== undefined) out.value = e.value;
  if (e.choices !== undefined) out.choices = e.choices;
  if (line !== undefined) out.line = line;
  return JSON.stringify({ error: out });
}
