/**
 * The limits on input, in one place so every front end (CLI, compile API, language server, web API)
 * inherits them: sizes and depths of facts JSON, batch lines and CSV records, the length of fact
 * names and values, rule-file size and token count, and receipts. Each limit has a stable error code
 * (docs/cli.md "Limits"); the checks here cost at most one linear pass over the text. No Node APIs.
 */

/** The limits (documented in docs/cli.md, "Limits"). */
export const LIMITS = {
  /** Bytes (UTF-8) of one facts object: `--facts`, one `--batch` line. */
  factsBytes: 1_048_576,
  /** Nesting of arrays and objects in a facts object (a valid one nests 1 deep). */
  jsonDepth: 64,
  /** Characters of one fact name. */
  nameChars: 1_000,
  /** Characters of one fact value. */
  valueChars: 1_000,
  /** Bytes of one CSV record (a row, quoted line breaks included). */
  csvRecordBytes: 1_048_576,
  /** Columns of a CSV header row. */
  csvColumns: 10_000,
  /** Bytes of one rule file. */
  ruleFileBytes: 4_194_304,
  /** Tokens of one rule file. */
  ruleTokens: 250_000,
  /** Syntax errors collected per rule file; the rest is counted in one closing diagnostic. */
  syntaxErrors: 1_000,
  /** Bytes of a receipt file. */
  receiptBytes: 1_048_576,
} as const;

/** The codes of the limits on facts input (one each; the `code` of an input error). */
export type LimitCode = 'E_LIMIT_SIZE' | 'E_LIMIT_DEPTH' | 'E_LIMIT_NAME' | 'E_LIMIT_VALUE';

/** A limit that input broke: the code, the field (for names and values) and the message in English. */
export interface LimitError {
  code: LimitCode;
  message: string;
  field?: string;
}

/** The message of a broken limit in both languages (`field` is the fact, for names and values). */
export function limitText(code: LimitCode, field = ''): { nb: string; en: string } {
  switch (code) {
    case 'E_LIMIT_SIZE':
      return {
        nb: `Faktaene er for store: høyst ${LIMITS.factsBytes} byte per situasjon (per linje i --batch).`,
        en: `The facts are too large: at most ${LIMITS.factsBytes} bytes per situation (per line in --batch).`,
      };
    case 'E_LIMIT_DEPTH':
      return {
        nb: `Faktaene er nøstet for dypt: høyst ${LIMITS.jsonDepth} nivåer med [ ] og { } (et gyldig faktaobjekt har ett).`,
        en: `The facts nest too deeply: at most ${LIMITS.jsonDepth} levels of [ ] and { } (a valid facts object has one).`,
      };
    case 'E_LIMIT_NAME':
      return {
        nb: `Faktanavnet «${field}» er for langt: høyst ${LIMITS.nameChars} tegn.`,
        en: `The fact name “${field}” is too long: at most ${LIMITS.nameChars} characters.`,
      };
    case 'E_LIMIT_VALUE':
      return {
        nb: `Verdien av «${field}» er for lang: høyst ${LIMITS.valueChars} tegn.`,
        en: `The value of “${field}” is too long: at most ${LIMITS.valueChars} characters.`,
      };
  }
}

function limitError(code: LimitCode, field?: string): LimitError {
  return { code, message: limitText(code, field).en, ...(field !== undefined ? { field } : {}) };
}

/** UTF-8 length of a string, without allocating (a lone surrogate counts as 3 bytes, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * How deep arrays and objects nest in a JSON text, stopping as soon as `max` is passed (one linear
 * pass that skips strings; the text need not be valid JSON). Returns `max + 1` when it is deeper.
 */
export function jsonDepth(text: string, max: number): number {
  // Fast path: a flat object has one `{` and no `[`, so it cannot nest.
  const first = text.indexOf('{');
  if (text.indexOf('[') === -1 && (first === -1 || text.indexOf('{', first + 1) === -1)) return first === -1 ? 0 : 1;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > deepest) deepest = depth;
      if (deepest > max) return max + 1;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** Checks the raw text of one facts object (size, then nesting) before it is parsed. */
export function checkFactsText(text: string): LimitError | undefined {
  // A character is at most 3 UTF-8 bytes, at least 1: count bytes only when it could matter.
  if (text.length * 3 > LIMITS.factsBytes && (text.length > LIMITS.factsBytes || utf8Length(text) > LIMITS.factsBytes)) return limitError('E_LIMIT_SIZE');
  if (jsonDepth(text, LIMITS.jsonDepth) > LIMITS.jsonDepth) return limitError('E_LIMIT_DEPTH');
  return undefined;
}

/** Shortens a long name or value for an error message (the start, an ellipsis and the length). */
export function clip(text: string, keep = 40): string {
  return text.length <= keep ? text : `${text.slice(0, keep)}… (${text.length})`;
}

/** Checks the names and values of a parsed facts object: none longer than the limits. */
export function checkFactsShape(facts: unknown): LimitError | undefined {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return undefined;
  for (const name in facts) {
    if (!Object.prototype.hasOwnProperty.call(facts, name)) continue;
    if (name.length > LIMITS.nameChars) return limitError('E_LIMIT_NAME', clip(name));
    const value = (facts as Record<string, unknown>)[name];
    if (typeof value === 'string' && value.length > LIMITS.valueChars) return limitError('E_LIMIT_VALUE', name);
  }
  return undefined;
}
