/**
 * "Did you mean …?": the closest known names to a misspelt one, by Damerau–Levenshtein distance
 * (the optimal-string-alignment variant: insert, delete, substitute, or swap two neighbours).
 */
import type { Message } from './types.ts';

/**
 * The edit distance between two strings, counting a swap of two neighbouring characters as one
 * edit. With `max`, only a band of width 2·max+1 is computed and the answer is `max + 1` as soon as
 * it must exceed `max`: time O(length · max), memory O(length).
 */
export function editDistance(a: string, b: string, max = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  const big = max + 1;
  // Three rows (i-2, i-1, i); only the band |i - j| ≤ max is computed, and the cells just outside
  // it are set to `big`, so no row is ever cleared whole (that would make it quadratic again).
  let before = new Int32Array(cols).fill(big);
  let prev = new Int32Array(cols).fill(big);
  let row = new Int32Array(cols).fill(big);
  for (let j = 0; j <= Math.min(b.length, max); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    row[from - 1] = from - 1 === 0 && i <= max ? i : big;
    if (to + 1 <= b.length) row[to + 1] = big;
    let rowMin = row[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = Math.min(best, big);
      if (row[j]! < rowMin) rowMin = row[j]!;
    }
    if (rowMin > max) return big;
    [before, prev, row] = [prev, row, before];
  }
  return Math.min(prev[b.length]!, big);
}

/** Names longer than this get no suggestion (a typo hint for them would cost more than it helps). */
const MAX_SUGGEST_LENGTH = 1_000;

/** How many edits a suggestion for a name of this length may be away: about a third of the name, at most 8. */
function allowedDistance(name: string): number {
  return Math.min(8, Math.max(1, Math.floor(name.length / 3)));
}

/** Compares ignoring case, with a case-only difference counted as a small (half) edit. */
function distance(name: string, candidate: string, max: number): number {
  if (name.toLowerCase() === candidate.toLowerCase()) return 0.5;
  return editDistance(name.toLowerCase(), candidate.toLowerCase(), max);
}

/** More equally close candidates than this, and the hint would be a guess: suggest none. */
const MAX_SUGGESTIONS = 3;

/**
 * The candidates closest to `name` (at most three, in candidate order), or none when nothing is
 * close enough to be a plausible typo, or when too many are equally close (`R9` among `R1`…`R8`).
 * When no candidate is a few edits away, one the name begins or ends short of is suggested.
 * `name` itself is never suggested.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string[] {
  if (name.length > MAX_SUGGEST_LENGTH) return [];
  const limit = allowedDistance(name);
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    // Only names of similar length can be a few edits away.
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const d = distance(name, candidate, limit);
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    found.push(candidate);
  }
  if (found.length === 0) found = byPrefix(name, candidates);
  return found.length > MAX_SUGGESTIONS ? [] : found;
}

/** Candidates that begin with the name or that the name begins with (`sms` → `sms_mms`), ignoring case. */
function byPrefix(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  if (lower.length < 3) return [];
  return [...new Set(candidates)].filter((c) => {
    const other = c.toLowerCase();
    return c !== name && other.length >= 3 && (other.startsWith(lower) || lower.startsWith(other));
  });
}

function quoteList(names: readonly string[], open: string, close: string, or: string): string {
  const quoted = names.map((n) => `${open}${n}${close}`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${or} ${quoted.at(-1)}`;
}

/** The hint «Mente du «x»?» / "Did you mean “x”?" for some suggestions, or undefined for none. */
export function suggestionHint(suggestions: readonly string[]): Message | undefined {
  if (suggestions.length === 0) return undefined;
  return {
    nb: `Mente du ${quoteList(suggestions, '«', '»', 'eller')}?`,
    en: `Did you mean ${quoteList(suggestions, '“', '”', 'or')}?`,
  };
}

/** Joins two optional hints into one (a suggestion, then more help). */
export function joinHints(a: Message | undefined, b: Message | undefined): Message | undefined {
  if (!a) return b;
  if (!b) return a;
  return { nb: `${a.nb} ${b.nb}`, en: `${a.en} ${b.en}` };
}
