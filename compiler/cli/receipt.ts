/**
 * Receipts for `decide --receipt`: read with a size cap (LIMITS.receiptBytes, checked before
 * reading), strict UTF-8, nesting checked before parsing, then validated field by field against the
 * receipt's schema (`{ tool?, rulesVersion?, date, lang?, facts, decision }`, as the site writes it)
 * before anything is used. A receipt that fails gets E_BAD_RECEIPT naming the field; one without a
 * stored decision cannot be compared, so it is rejected too.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Message } from '../diagnostics/types.ts';
import type { Decision, Lang } from '../evaluate/types.ts';
import { jsonDepth, LIMITS } from '../limits.ts';
import { decodeStrict } from '../load/utf8.ts';
import { CliError } from './args.ts';
import { isDate } from './input.ts';

/** A receipt whose every field has been checked. */
export interface Receipt {
  rulesVersion?: string;
  date: string;
  lang?: Lang;
  facts: Record<string, string | boolean | null>;
  decision: { outcome: Decision['outcome']; obligations: string[] };
}

const OUTCOMES = new Set(['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain']);
const TOP_FIELDS = new Set(['tool', 'rulesVersion', 'date', 'lang', 'facts', 'decision']);
/** Most entries a list in a receipt may have (facts, obligations, reasons, citations, missing). */
const MAX_ENTRIES = 1_000;
/** Longest short string (version, code, rule id). */
const MAX_SHORT = 200;
/** Longest text (an obligation's or reason's text, a citation field). */
const MAX_TEXT = 10_000;

/** Why a receipt is rejected: which field, and what is wrong with it. */
class Invalid extends Error {
  constructor(readonly why: Message) {
    super(why.en);
  }
}

const invalid = (field: string, nb: string, en: string): Invalid => new Invalid({ nb: `feltet «${field}» ${nb}`, en: `the field “${field}” ${en}` });

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function shortString(x: unknown, field: string, max = MAX_SHORT): string {
  if (typeof x !== 'string') throw invalid(field, 'må være en tekst.', 'must be a string.');
  if (x.length > max) throw invalid(field, `er lengre enn ${max} tegn.`, `is longer than ${max} characters.`);
  return x;
}

function list(x: unknown, field: string): unknown[] {
  if (!Array.isArray(x)) throw invalid(field, 'må være en liste.', 'must be a list.');
  if (x.length > MAX_ENTRIES) throw invalid(field, `har mer enn ${MAX_ENTRIES} elementer.`, `has more than ${MAX_ENTRIES} entries.`);
  return x;
}

function optionalTexts(x: Record<string, unknown>, field: string, keys: readonly string[]): void {
  for (const key of keys) if (x[key] !== undefined) shortString(x[key], `${field}.${key}`, MAX_TEXT);
}

function citations(x: unknown, field: string): void {
  if (x === undefined) return;
  list(x, field).forEach((c, i) => {
    if (!isObject(c)) throw invalid(`${field}[${i}]`, 'må være et objekt.', 'must be an object.');
    optionalTexts(c, `${field}[${i}]`, ['source', 'ref', 'title', 'url', 'status']);
  });
}

function facts(x: unknown): Receipt['facts'] {
  if (!isObject(x)) throw invalid('facts', 'mangler eller er ikke et objekt.', 'is missing or not an object.');
  const names = Object.keys(x);
  if (names.length > MAX_ENTRIES) throw invalid('facts', `har mer enn ${MAX_ENTRIES} fakta.`, `has more than ${MAX_ENTRIES} facts.`);
  for (const name of names) {
    const value = x[name];
    if (name.length > LIMITS.nameChars) throw invalid('facts', `har et faktanavn lengre enn ${LIMITS.nameChars} tegn.`, `has a fact name longer than ${LIMITS.nameChars} characters.`);
    if (value !== null && typeof value !== 'boolean') shortString(value, `facts.${name}`, LIMITS.valueChars);
  }
  return x as Receipt['facts'];
}

function decision(x: unknown): Receipt['decision'] {
  if (x === undefined) throw invalid('decision', 'mangler, så det er ingenting å sammenligne med.', 'is missing, so there is nothing to compare with.');
  if (!isObject(x)) throw invalid('decision', 'må være et objekt.', 'must be an object.');
  const outcome = x.outcome;
  if (outcome !== null && !(typeof outcome === 'string' && OUTCOMES.has(outcome))) {
    throw invalid('decision.outcome', `må være ett av ${[...OUTCOMES].join(', ')} eller null.`, `must be one of ${[...OUTCOMES].join(', ')} or null.`);
  }
  const obligations = list(x.obligations, 'decision.obligations').map((o, i) => {
    const field = `decision.obligations[${i}]`;
    if (!isObject(o)) throw invalid(field, 'må være et objekt med en «code».', 'must be an object with a “code”.');
    optionalTexts(o, field, ['text']);
    citations(o.citations, `${field}.citations`);
    return shortString(o.code, `${field}.code`);
  });
  if (x.reasons !== undefined) {
    list(x.reasons, 'decision.reasons').forEach((r, i) => {
      const field = `decision.reasons[${i}]`;
      if (!isObject(r)) throw invalid(field, 'må være et objekt.', 'must be an object.');
      if (r.rule !== undefined) shortString(r.rule, `${field}.rule`);
      optionalTexts(r, field, ['text', 'judgement']);
      citations(r.citations, `${field}.citations`);
    });
  }
  citations(x.citations, 'decision.citations');
  if (x.missing !== undefined) list(x.missing, 'decision.missing').forEach((m, i) => shortString(m, `decision.missing[${i}]`, LIMITS.nameChars));
  return { outcome: outcome as Decision['outcome'], obligations };
}

/** Checks a parsed receipt against the schema; throws Invalid naming the first field that is wrong. */
export function validateReceipt(r: unknown): Receipt {
  if (!isObject(r)) throw new Invalid({ nb: 'det er ikke et JSON-objekt.', en: 'it is not a JSON object.' });
  const extra = Object.keys(r).find((k) => !TOP_FIELDS.has(k));
  if (extra !== undefined) throw invalid(extra.slice(0, 40), 'hører ikke hjemme i en kvittering.', 'does not belong in a receipt.');
  if (r.tool !== undefined && r.tool !== 'lovkode') throw invalid('tool', 'må være "lovkode".', 'must be "lovkode".');
  if (typeof r.date !== 'string' || !isDate(r.date)) throw invalid('date', '(ÅÅÅÅ-MM-DD) mangler eller er ikke en dato.', '(YYYY-MM-DD) is missing or not a date.');
  if (r.lang !== undefined && r.lang !== 'nb' && r.lang !== 'en') throw invalid('lang', 'må være "nb" eller "en".', 'must be "nb" or "en".');
  const out: Receipt = { date: r.date, facts: facts(r.facts), decision: decision(r.decision) };
  if (r.rulesVersion !== undefined) out.rulesVersion = shortString(r.rulesVersion, 'rulesVersion');
  if (r.lang !== undefined) out.lang = r.lang as Lang;
  return out;
}

/** Reads at most `cap + 1` bytes of a regular file (refusing FIFOs and devices without waiting on them). */
function readCapped(path: string, cap: number): Buffer | 'not-a-file' | 'too-large' {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return 'not-a-file';
    if (info.size > cap) return 'too-large';
    const buffer = Buffer.alloc(cap + 1);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buffer.length; filled += n) n = readSync(fd, buffer, filled, buffer.length - filled, null);
    return filled > cap ? 'too-large' : buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates the receipt at `path` (relative to `cwd`); every problem is a CliError with exit 2. */
export function readReceipt(path: string, cwd: string): Receipt {
  const bad = (why: Message, code = 'E_BAD_RECEIPT') =>
    new CliError(code, { nb: `«${path}» er ikke en kvittering fra lovkode: ${why.nb}`, en: `“${path}” is not a lovkode receipt: ${why.en}` });
  let bytes: ReturnType<typeof readCapped>;
  try {
    bytes = readCapped(resolve(cwd, path), LIMITS.receiptBytes);
  } catch {
    throw new CliError('E_NO_FILE', { nb: `Fant ikke kvitteringen «${path}».`, en: `Receipt “${path}” was not found.` });
  }
  if (bytes === 'not-a-file') throw bad({ nb: 'det er ikke en vanlig fil.', en: 'it is not a regular file.' });
  if (bytes === 'too-large') {
    throw bad({ nb: `filen er større enn ${LIMITS.receiptBytes} byte.`, en: `the file is larger than ${LIMITS.receiptBytes} bytes.` }, 'E_LIMIT_RECEIPT');
  }
  const decoded = decodeStrict(bytes);
  if ('offset' in decoded) throw bad({ nb: `ikke gyldig UTF-8 (byte ${decoded.offset}).`, en: `not valid UTF-8 (byte ${decoded.offset}).` }, 'E_ENCODING');
  if (jsonDepth(decoded.text, LIMITS.jsonDepth) > LIMITS.jsonDepth) throw bad({ nb: 'JSON-en er nøstet for dypt.', en: 'the JSON nests too deeply.' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.text);
  } catch {
    throw bad({ nb: 'ikke gyldig JSON.', en: 'not valid JSON.' });
  }
  try {
    return validateReceipt(parsed);
  } catch (err) {
    if (err instanceof Invalid) throw bad(err.why);
    throw err;
  }
}

/** What differs between the stored decision and the new one (outcome, obligations), in words; empty when nothing does. */
export function differences(stored: Receipt['decision'], now: Decision, lang: Lang): string[] {
  const nb = lang === 'nb';
  const out: string[] = [];
  if (stored.outcome !== now.outcome) out.push(nb ? `utfall: ${stored.outcome} på kvitteringen, ${now.outcome} nå` : `outcome: ${stored.outcome} on the receipt, ${now.outcome} now`);
  const before = new Set(stored.obligations);
  const after = new Set(now.obligations.map((o) => o.code));
  const gone = [...before].filter((c) => !after.has(c)).sort();
  const added = [...after].filter((c) => !before.has(c)).sort();
  if (gone.length > 0) out.push(nb ? `plikter bare på kvitteringen: ${gone.join(', ')}` : `obligations only on the receipt: ${gone.join(', ')}`);
  if (added.length > 0) out.push(nb ? `plikter bare nå: ${added.join(', ')}` : `obligations only now: ${added.join(', ')}`);
  return out;
}
