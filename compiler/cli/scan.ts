/**
 * The fast path of `decide --batch`: a line that is a flat JSON object of the pack's facts with
 * valid values (`true`, `false`, `null` or a plain string, no escapes) is read from its bytes
 * straight into the engine's assignment, without decoding it, JSON.parse and the object it builds.
 * Any other line — bad JSON, an unknown fact, a wrong value, an escape, a number, a nested value, a
 * line over the size limit — is left to the general path (parseFacts and the engine's validation),
 * which gives every error, so the two paths cannot decide a line differently: both end in the same
 * assignment. A line the scanner reads is valid UTF-8: its bytes are JSON's punctuation and the
 * names and values of the pack.
 */
import type { Decision, InputError, Lang } from '../evaluate/types.ts';
import { checkDate, decider } from '../runtime/engine.ts';
import type { Tables } from '../runtime/tables.ts';
import { LIMITS } from '../limits.ts';
import type { LineScan } from './lines.ts';

/** Reads the line `bytes[start..end)` into `assignment` (-1 = unknown); false when the line needs the general path. */
export type FactScanner = (bytes: Uint8Array, start: number, end: number, assignment: Int32Array) => boolean;

const QUOTE = 34;
const BACKSLASH = 92;

/** A name or value the scanner may match: JSON writes it as itself between quotes, and no limit of compiler/limits.ts applies. */
function plain(text: string, max: number): boolean {
  if (text.length > max) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}

/** A plain name or value as UTF-8, the bytes that stand between its quotes; undefined for any other (never matched). */
const encode = (text: string, max: number): Uint8Array | undefined => (plain(text, max) ? Buffer.from(text) : undefined);

/** The index after JSON's white space (space, tab, line feed, carriage return) from `i`. */
function skipSpace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = bytes[i]!;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}

/** The index of the quote that ends a string begun at `i`, or -1 when an escape, a control character or the line's end comes first. */
function stringEnd(bytes: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) return i;
    if (c === BACKSLASH || c < 0x20) return -1;
  }
  return -1;
}

/** Whether `bytes` hold `word` from `i` on (the caller knows they have room for it). */
function holds(bytes: Uint8Array, i: number, word: Uint8Array): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word[k]) return false;
  return true;
}

/** Whether a quoted `word` starts at `i` and ends before `end`: the quotes, then the word's bytes. */
function quoted(bytes: Uint8Array, i: number, end: number, word: Uint8Array | undefined): boolean {
  if (word === undefined) return false;
  const close = i + 1 + word.length;
  return close < end && bytes[close] === QUOTE && bytes[i] === QUOTE && holds(bytes, i + 1, word);
}

const NULL = Buffer.from('null');
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/** Whether the literal `word` starts at `i`. */
const literal = (bytes: Uint8Array, i: number, end: number, word: Uint8Array): boolean => i + word.length <= end && holds(bytes, i, word);

/** The scanner for one pack's facts: `factScanner(tables)(bytes, start, end, assignment)`. */
export function factScanner(tables: Tables): FactScanner {
  const names = tables.facts.map((f) => encode(f.name, LIMITS.nameChars));
  // Names out of the pack's order are looked up by their bytes, read one char per byte.
  const latin1 = (b: Uint8Array, from: number, to: number): string => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');
  const index = new Map<string, number>();
  names.forEach((name, i) => name && index.set(latin1(name, 0, name.length), i));
  // Per fact, its values (a boolean fact has none: `false` is 0 and `true` is 1, as in the engine).
  const values = tables.facts.map((f) => (f.type === 'boolean' ? undefined : f.values.map((v) => encode(v, LIMITS.valueChars))));
  const count = names.length;

  return (bytes, start, end, assignment) => {
    // A line over the size limit goes the general way, which says so.
    if (end - start > LIMITS.factsBytes) return false;
    assignment.fill(-1);
    let i = skipSpace(bytes, start, end);
    if (bytes[i] !== 123 || i >= end) return false; // {
    i = skipSpace(bytes, i + 1, end);
    if (bytes[i] === 125 && i < end) return skipSpace(bytes, i + 1, end) === end; // }
    let f = -1;
    for (;;) {
      // The name: most often the fact after the last one.
      f++;
      let close: number;
      if (f < count && quoted(bytes, i, end, names[f])) close = i + 1 + names[f]!.length;
      else {
        if (bytes[i] !== QUOTE || i >= end) return false;
        close = stringEnd(bytes, i + 1, end);
        if (close < 0) return false;
        f = index.get(latin1(bytes, i + 1, close)) ?? -1;
        if (f < 0) return false;
      }
      i = skipSpace(bytes, close + 1, end);
      if (bytes[i] !== 58 || i >= end) return false; // :
      i = skipSpace(bytes, i + 1, end);
      const own = values[f];
      if (literal(bytes, i, end, NULL)) {
        assignment[f] = -1; // the last of a repeated name counts, as in JSON.parse
        i += 4;
      } else if (own === undefined) {
        if (literal(bytes, i, end, TRUE)) {
          assignment[f] = 1;
          i += 4;
        } else if (literal(bytes, i, end, FALSE)) {
          assignment[f] = 0;
          i += 5;
        } else return false;
      } else {
        let v = 0;
        while (v < own.length && !quoted(bytes, i, end, own[v])) v++;
        if (v === own.length) return false;
        assignment[f] = v;
        i += own[v]!.length + 2;
      }
      i = skipSpace(bytes, i, end);
      if (i >= end) return false;
      const next = bytes[i];
      if (next === 125) return skipSpace(bytes, i + 1, end) === end; // }
      if (next !== 44) return false; // ,
      i = skipSpace(bytes, i + 1, end);
    }
  };
}

/**
 * `decide --batch`'s fast path for one pack, date and language: the decision on a line the scanner
 * reads, or undefined for a line that needs the general path (also every line, when the engine
 * would reject the date: it says so on each line).
 */
export function lineDecider(tables: Tables, date: string | undefined, lang: Lang): LineScan<Decision | { error: InputError }> | undefined {
  if (date !== undefined && checkDate(date) !== undefined) return undefined;
  const scan = factScanner(tables);
  const decideValid = decider(tables);
  const assignment = new Int32Array(tables.facts.length);
  return (bytes, start, end) => {
    if (!scan(bytes, start, end, assignment)) return undefined;
    return decideValid(assignment, date, lang);
  };
}
