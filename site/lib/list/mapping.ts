/**
 * «Sjekk kundelisten»: how the columns of a contact list map to the facts of the rule pack, and how
 * each distinct cell value maps to a fact value. Suggestions come from the header names and the
 * values, matched against the pack's own fact names, questions, help texts and answer labels (read
 * from the tables, never hard-coded), plus the usual ways lists write yes and no. Pure, no DOM: the
 * worker, the page and the tests use it alike.
 */
import type { TableFact, Tables } from '../../../compiler/runtime/tables.ts';

/** A column's distinct values (trimmed), with how many rows have each; `more` when there were too many to list. */
export interface ColumnProfile {
  index: number;
  header: string;
  /** 'date' when nearly every filled cell is a date: its values are then the classes DATE_VALUE and ''. */
  kind: 'values' | 'date';
  distinct: { raw: string; count: number }[];
  more: boolean;
}

/** One column used as a fact: each distinct value (as in the profile) maps to a value index, or -1 (unknown). */
export interface ColumnMapping {
  column: number;
  fact: string;
  values: Record<string, number>;
}

/** The columns used as facts (at most one column per fact). */
export interface ListMapping {
  columns: ColumnMapping[];
}

/** How many distinct values a column may have and still be mapped value by value. */
export const DISTINCT_CAP = 60;
/** The value class every date in a date column falls into. */
export const DATE_VALUE = '(dato)';

const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})([ T].*)?$/;
const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', '1', 'x', '✓', '✔', 'ok', 'jepp', 'on']);
const NO = new Set(['nei', 'n', 'no', 'false', 'usann', '0', '-', 'off', 'ikke']);
const MARKS = new Set(['x', '✓', '✔']);

/** Whether a cell looks like a date (2026-07-02, 02.07.2026, 2/7/26, with or without a time). */
export function isDate(raw: string): boolean {
  const first = raw.charCodeAt(0);
  return first >= 48 && first <= 57 && DATE.test(raw);
}

/** The key a cell is mapped by: the trimmed text, or DATE_VALUE for any date in a date column. */
export function valueKey(raw: string, kind: ColumnProfile['kind']): string {
  const t = raw.trim();
  return kind === 'date' && t !== '' && isDate(t) ? DATE_VALUE : t;
}

/** Lower case words of a text, camelCase and snake_case split: `words('hasConsent_dato')` → has, consent, dato. */
export function words(text: string): string[] {
  return text
    .replace(/([a-zæøå])([A-ZÆØÅ])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A word's stem: its first five letters (samtykke ~ samtykket, reservert ~ reservasjonsregisteret); short words have none. */
const stem = (w: string): string => (w.length < 4 ? '' : w.slice(0, 5));
const sameStem = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

interface FactWords {
  fact: TableFact;
  /** stem → weight (the fact's name counts more than its question, the question more than its help). */
  words: Map<string, number>;
}

const factWordCache = new WeakMap<Tables, FactWords[]>();

/** Each fact's words, weighted by where they stand and by how rare they are across the facts. */
function factWords(tables: Tables): FactWords[] {
  const hit = factWordCache.get(tables);
  if (hit) return hit;
  const raw = tables.facts.map((fact) => {
    const m = new Map<string, number>();
    const add = (text: string | undefined, weight: number) => {
      for (const w of words(text ?? '').map(stem)) if (w) m.set(w, Math.max(m.get(w) ?? 0, weight));
    };
    add(fact.help?.nb, 0.5);
    add(fact.help?.en, 0.5);
    add(fact.question.nb, 1);
    add(fact.question.en, 1);
    add(fact.name, 2);
    return { fact, words: m };
  });
  const df = new Map<string, number>();
  for (const r of raw) for (const w of r.words.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = tables.facts.length;
  for (const r of raw) for (const [w, weight] of r.words) r.words.set(w, weight * Math.log(1 + n / df.get(w)!));
  factWordCache.set(tables, raw);
  return raw;
}

/** How well a header names a fact (0 = not at all); the exact fact name wins outright. */
export function headerScore(tables: Tables, header: string, fact: TableFact): number {
  if (header.trim().toLowerCase() === fact.name.toLowerCase()) return 100;
  const fw = factWords(tables).find((f) => f.fact === fact)!;
  let score = 0;
  for (const h of new Set(words(header).map(stem))) {
    if (!h) continue;
    let best = 0;
    for (const [w, weight] of fw.words) if (weight > best && sameStem(h, w)) best = weight;
    score += best;
  }
  return score;
}

/** The value a cell suggests for a fact (a value index), or -1 when it suggests none (left unknown). */
export function suggestValue(fact: TableFact, raw: string, profile?: ColumnProfile): number {
  const t = raw.trim().toLowerCase();
  if (fact.type === 'boolean') {
    if (t === '') return profile && markerColumn(profile) ? 0 : -1;
    if (t === DATE_VALUE || isDate(t) || YES.has(t)) return 1;
    return NO.has(t) ? 0 : -1;
  }
  if (t === '') return -1;
  const exact = fact.values.findIndex((v, i) => v.toLowerCase() === t || fact.labels[i]!.nb.toLowerCase() === t || fact.labels[i]!.en.toLowerCase() === t);
  if (exact >= 0) return exact;
  if (t.length < 3) return -1;
  const starts = fact.values.flatMap((_, i) => {
    const l = fact.labels[i]!;
    return [l.nb, l.en].some((label) => label.toLowerCase().startsWith(`${t} `) || label.toLowerCase().startsWith(`${t},`)) ? [i] : [];
  });
  return starts.length === 1 ? starts[0]! : -1;
}

/** A column of ticks or dates: an empty cell there means «no». */
function markerColumn(profile: ColumnProfile): boolean {
  const filled = profile.distinct.filter((d) => d.raw !== '');
  return filled.length > 0 && filled.every((d) => d.raw === DATE_VALUE || MARKS.has(d.raw.toLowerCase()));
}

/** The share of filled cells (by rows) whose value suggests a value of the fact. */
export function valueFit(fact: TableFact, profile: ColumnProfile): number {
  let filled = 0;
  let fit = 0;
  for (const d of profile.distinct) {
    if (d.raw === '') continue;
    filled += d.count;
    if (suggestValue(fact, d.raw, profile) >= 0) fit += d.count;
  }
  return filled === 0 ? 0 : fit / filled;
}

/** The value mapping a column gets when it is used as a fact: every distinct value with its suggestion. */
export function suggestValues(fact: TableFact, profile: ColumnProfile): Record<string, number> {
  return Object.fromEntries(profile.distinct.map((d) => [d.raw, suggestValue(fact, d.raw, profile)]));
}

/**
 * Suggested columns → facts: each column's best fact by header and values, best pairs first, one
 * column per fact; a column with too many different values (names, e-mail addresses) is never used.
 */
export function suggestMapping(tables: Tables, profiles: ColumnProfile[]): ListMapping {
  const pairs: { column: ColumnProfile; fact: TableFact; score: number }[] = [];
  for (const column of profiles) {
    if (column.more) continue;
    for (const fact of tables.facts) {
      const header = headerScore(tables, column.header, fact);
      const fit = valueFit(fact, column);
      // A fitting header is what counts; values alone only suggest an enumeration they name exactly.
      const score = header > 0 ? header * (0.5 + fit) : fact.type === 'enum' && fit >= 0.8 ? fit : 0;
      if (score >= 0.8 && fit > 0) pairs.push({ column, fact, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.column.index - b.column.index);
  const usedFacts = new Set<string>();
  const usedColumns = new Set<number>();
  const columns: ColumnMapping[] = [];
  for (const p of pairs) {
    if (usedFacts.has(p.fact.name) || usedColumns.has(p.column.index)) continue;
    usedFacts.add(p.fact.name);
    usedColumns.add(p.column.index);
    columns.push({ column: p.column.index, fact: p.fact.name, values: suggestValues(p.fact, p.column) });
  }
  return { columns: columns.sort((a, b) => a.column - b.column) };
}

/**
 * Profiles the columns of parsed rows: distinct trimmed values with counts, dates folded into one
 * class. One pass counts the trimmed values (one lookup a cell, at most DISTINCT_CAP values); whether
 * a value is a date is asked once per value counted (and per cell past the cap); only a date column
 * is read again.
 */
export function profileColumns(header: string[], rows: readonly (readonly string[])[]): ColumnProfile[] {
  return header.map((h, index) => {
    let slots = new Map<string, number>();
    let counts: number[] = [];
    let more = false;
    /** Counts a cell's value; false when it is past the cap. */
    const count = (key: string): boolean => {
      const slot = slots.get(key);
      if (slot !== undefined) counts[slot]!++;
      else if (counts.length < DISTINCT_CAP) slots.set(key, counts.push(1) - 1);
      else return !(more = true);
      return true;
    };
    let filled = 0;
    let dates = 0;
    const cell = (t: string, n: number) => {
      if (t === '') return;
      filled += n;
      if (isDate(t)) dates += n;
    };
    for (const row of rows) {
      const t = (row[index] ?? '').trim();
      if (!count(t)) cell(t, 1);
    }
    slots.forEach((slot, t) => cell(t, counts[slot]!));
    const kind: ColumnProfile['kind'] = filled > 0 && dates >= filled * 0.9 ? 'date' : 'values';
    if (kind === 'date') {
      slots = new Map();
      counts = [];
      more = false;
      for (const row of rows) count(valueKey(row[index] ?? '', kind));
    }
    const distinct = [...slots].map(([raw, slot]) => ({ raw, count: counts[slot]! })).sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw));
    return { index, header: h, kind, distinct, more };
  });
}
