/**
 * «Sjekk kundelisten»: the answer for every row of a contact list. Rows with the same mapped facts
 * form one group, and each group is decided once with the campaign answers added, by the same
 * runtime as the questionnaire (exact on partial facts). Also the campaign's questions: the facts
 * that are not in the list and can still change the answer for some group, asked in the
 * questionnaire's order. Pure, no DOM.
 */
import { decideByRestriction, questionWhy, whatWouldChange, type ChangeSet } from '../../../compiler/runtime/index.ts';
import { epochFor, restrict, support } from '../../../compiler/runtime/diagram.ts';
import type { Tables } from '../../../compiler/runtime/tables.ts';
import type { Lang, ObligationOut, Question, ReasonOut } from '../../../compiler/evaluate/types.ts';
import { valueKey, type ColumnProfile, type ListMapping } from './mapping.ts';

/** A campaign answer: a value index of the fact, or -1 for «left open» (unknown for every row). */
export type CampaignAnswers = Record<string, number>;

/** Rows with the same mapped facts. */
export interface Group {
  /** Per fact of the tables: the value index the rows give it, or -1. */
  facts: Int32Array;
  rows: number;
}

/** What a row is: an outcome of the pack, missing an answer, or not decidable (a bad row, a gap in the pack). */
export type Category = 'allowed' | 'allowed_with_conditions' | 'not_allowed' | 'uncertain' | 'missing' | 'error';

/** The answer for one group of rows. */
export interface GroupResult {
  category: Category;
  reasons: ReasonOut[];
  obligations: ObligationOut[];
  /** Fact names that still matter (only for `missing`), next question first. */
  missing: string[];
  /** For `error`: the stable code and the message. */
  error?: { code: string; message: string };
}

/** Every row's group: `groupOf[row]` indexes `groups`, or is -1 for a row that could not be read. */
export interface Grouping {
  groupOf: Int32Array;
  groups: Group[];
}

/** How many distinct cell texts per column groupRows remembers the value of (a date column can have a new text on every row). */
const CELL_CACHE = 1024;

/**
 * Groups the rows by their mapped facts; rows in `bad` (unreadable) get group -1. Each distinct cell
 * text is mapped once per column, and a row's combination is one number (its value indices in mixed
 * radix) while the combinations fit, so a row costs a few lookups and no allocation.
 */
export function groupRows(tables: Tables, rows: readonly (readonly string[])[], mapping: ListMapping, profiles: ColumnProfile[], bad: ReadonlySet<number> = new Set()): Grouping {
  const index = new Map(tables.facts.map((f, i) => [f.name, i]));
  let combinations = 1;
  const cols = mapping.columns.map((c) => {
    const fact = index.get(c.fact)!;
    const col = { column: c.column, fact, values: c.values, kind: profiles[c.column]?.kind ?? 'values', seen: new Map<string, number>(), weight: combinations };
    combinations *= tables.facts[fact]!.values.length + 1;
    return col;
  });
  const numeric = combinations <= 2 ** 30;
  const groupOf = new Int32Array(rows.length);
  const groups: Group[] = [];
  const byKey = new Map<number | string, number>();
  const values = new Int32Array(cols.length);
  for (let r = 0; r < rows.length; r++) {
    if (bad.has(r)) {
      groupOf[r] = -1;
      continue;
    }
    const row = rows[r]!;
    let code = 0;
    let text = '';
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const raw = row[col.column] ?? '';
      let v = col.seen.get(raw);
      if (v === undefined) {
        v = col.values[valueKey(raw, col.kind)] ?? -1;
        if (col.seen.size < CELL_CACHE) col.seen.set(raw, v);
      }
      values[c] = v;
      if (numeric) code += (v + 1) * col.weight;
      else text += `${v},`;
    }
    const key = numeric ? code : text;
    let g = byKey.get(key);
    if (g === undefined) {
      const facts = new Int32Array(tables.facts.length).fill(-1);
      cols.forEach((col, c) => (facts[col.fact] = values[c]!));
      g = groups.push({ facts, rows: 0 }) - 1;
      byKey.set(key, g);
    }
    groups[g]!.rows++;
    groupOf[r] = g;
  }
  return { groupOf, groups };
}

/** A group's facts with the campaign answers added (a campaign answer never overrides a fact from the list). */
function withCampaign(group: Group, given: Map<number, number>): Int32Array {
  const a = group.facts.slice();
  for (const [f, v] of given) if (a[f] === -1) a[f] = v;
  return a;
}

/** The campaign so far: the answers that still matter, in the order asked, and the next question. */
export interface CampaignState {
  answered: { fact: string; value: number }[];
  /** The next fact to ask for the whole list, how many more can follow at most, and the groups whose answer depends on it. */
  question?: { fact: string; left: number; groups: number[] };
}

/** A group not settled under some campaign answers, and the facts its answer still depends on. */
interface OpenGroup {
  group: number;
  support: number[];
}

/**
 * The open groups per grouping (its groups array), date and campaign answers so far. Every answer
 * replays the ones before it, so each step is worked out once for a list.
 */
const openGroups = new WeakMap<Group[], Map<string, OpenGroup[]>>();

/**
 * Replays the campaign answers in question order, as the questionnaire does: the next question is
 * the first fact (in the pack's order) that some group still misses, that no column gives and that
 * was not left open. Answers to facts no group needs any more are dropped. A group whose answer does
 * not depend on the fact just answered keeps what it had: only the others are restricted again.
 */
export function campaignState(tables: Tables, answers: CampaignAnswers, groups: Group[], mapped: ReadonlySet<string>, date: string): CampaignState {
  const index = new Map(tables.facts.map((f, i) => [f.name, i]));
  const mappedIdx = new Set([...mapped].map((m) => index.get(m)!));
  const given = new Map<number, number>();
  const answered: CampaignState['answered'] = [];
  const root = tables.epochs[epochFor(tables, date)]!.decision;
  let memo = openGroups.get(groups);
  if (!memo) openGroups.set(groups, (memo = new Map()));
  let key = date;
  let open = memo.get(key);
  if (!open) {
    open = [];
    for (let g = 0; g < groups.length; g++) {
      const r = restrict(tables, root, groups[g]!.facts);
      if (r.root >= 0) open.push({ group: g, support: support(r) });
    }
    memo.set(key, open);
  }
  for (;;) {
    const pending = new Set<number>();
    for (const o of open) for (const f of o.support) if (!mappedIdx.has(f) && !given.has(f)) pending.add(f);
    if (pending.size === 0) return { answered };
    const next = Math.min(...pending);
    const name = tables.facts[next]!.name;
    const value = answers[name];
    if (value === undefined) {
      return { answered, question: { fact: name, left: pending.size - 1, groups: open.filter((o) => o.support.includes(next)).map((o) => o.group) } };
    }
    given.set(next, value);
    answered.push({ fact: name, value });
    key += ` ${next}=${value}`;
    let after = memo.get(key);
    if (!after) {
      after = [];
      for (const o of open) {
        if (value < 0 || !o.support.includes(next)) {
          after.push(o);
          continue;
        }
        const r = restrict(tables, root, withCampaign(groups[o.group]!, given));
        if (r.root >= 0) after.push({ group: o.group, support: support(r) });
      }
      memo.set(key, after);
    }
    open = after;
  }
}

/** The campaign answers as indices by fact index. */
function givenOf(tables: Tables, answered: CampaignState['answered']): Map<number, number> {
  const index = new Map(tables.facts.map((f, i) => [f.name, i]));
  return new Map(answered.map((a) => [index.get(a.fact)!, a.value]));
}

/** «Why we ask» the campaign's next question: the rules whose application depends on its answer, for the groups that need it. */
export function campaignWhy(tables: Tables, campaign: CampaignState, groups: Group[], date: string, lang: Lang): Question['why'] {
  const q = campaign.question;
  if (!q) return [];
  const given = givenOf(tables, campaign.answered);
  return questionWhy(tables, date, q.groups.map((g) => withCampaign(groups[g]!, given)), tables.facts.findIndex((f) => f.name === q.fact), lang);
}

/** Decides every group once, with the campaign answers added. */
export function decideGroups(tables: Tables, answered: CampaignState['answered'], groups: Group[], date: string, lang: Lang): GroupResult[] {
  const given = givenOf(tables, answered);
  return groups.map((group) => {
    const d = decideByRestriction(tables, withCampaign(group, given), date, lang);
    if ('error' in d) return { category: 'error', reasons: [], obligations: [], missing: [], error: { code: d.error.code, message: d.error.message } };
    if (d.outcome === null) return { category: 'missing', reasons: [], obligations: [], missing: d.missing };
    return { category: d.outcome, reasons: d.reasons, obligations: d.obligations, missing: [] };
  });
}

/**
 * What would make the rows of one reason allowed: the change sets of its first `max` groups that are
 * refused or uncertain, without repeats. Computed only for what the page shows, not for every group.
 */
export function changesFor(tables: Tables, answered: CampaignState['answered'], groups: Group[], results: GroupResult[], ids: number[], date: string, lang: Lang, max = 3): ChangeSet[] {
  const given = givenOf(tables, answered);
  const seen = new Set<string>();
  const out: ChangeSet[] = [];
  for (const g of ids.slice(0, max)) {
    const category = results[g]!.category;
    if (category !== 'not_allowed' && category !== 'uncertain') continue;
    for (const c of whatWouldChange(tables, withCampaign(groups[g]!, given), date, lang)) {
      const key = c.actions.map((a) => `${a.fact}=${a.value}`).join('&');
      if (!seen.has(key) && seen.add(key)) out.push(c);
    }
  }
  return out.slice(0, 4);
}

/** Rows by one reason (the rules that decided) or one missing fact, or one obligation. */
export interface Tally {
  key: string;
  rows: number;
}

/** The summary the page shows first: rows per category, per reason, per missing fact and per obligation. */
export interface Summary {
  rows: number;
  counts: Record<Category, number>;
  /** Per category (not `missing`), the reasons (rule ids joined by a space) with their rows, most rows first. */
  reasons: { category: Category; key: string; rows: number; groups: number[] }[];
  /** Per missing fact, the rows that still need its answer. */
  missing: Tally[];
  /** Per obligation code, the rows that may receive it only when it is met. */
  obligations: Tally[];
}

/** The key a result is grouped by in the summary and the filter: its reasons' rule ids, or its error code. */
export function reasonKey(r: GroupResult): string {
  return r.category === 'error' ? (r.error?.code ?? 'error') : r.category === 'missing' ? '' : r.reasons.map((x) => x.rule).join(' ');
}

const CATEGORIES: Category[] = ['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain', 'missing', 'error'];

/** Sums the groups' results over their rows; `unreadable` rows count as errors with code E_BAD_CSV. */
export function summarise(groups: Group[], results: GroupResult[], unreadable: number): Summary {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const reasons = new Map<string, Summary['reasons'][number]>();
  const missing = new Map<string, number>();
  const obligations = new Map<string, number>();
  groups.forEach((g, i) => {
    const r = results[i]!;
    counts[r.category] += g.rows;
    for (const m of r.missing) missing.set(m, (missing.get(m) ?? 0) + g.rows);
    for (const o of r.obligations) obligations.set(o.code, (obligations.get(o.code) ?? 0) + g.rows);
    if (r.category === 'missing') return;
    const key = `${r.category}|${reasonKey(r)}`;
    const entry = reasons.get(key) ?? { category: r.category, key: reasonKey(r), rows: 0, groups: [] };
    entry.rows += g.rows;
    entry.groups.push(i);
    reasons.set(key, entry);
  });
  if (unreadable > 0) {
    counts.error += unreadable;
    reasons.set('error|E_BAD_CSV', { category: 'error', key: 'E_BAD_CSV', rows: unreadable, groups: [] });
  }
  const byRows = <T extends { rows: number }>(list: T[]) => list.sort((a, b) => b.rows - a.rows);
  const tally = (m: Map<string, number>) => byRows([...m].map(([key, rows]) => ({ key, rows })));
  return {
    rows: groups.reduce((s, g) => s + g.rows, 0) + unreadable,
    counts,
    reasons: byRows([...reasons.values()]).sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category)),
    missing: tally(missing),
    obligations: tally(obligations),
  };
}
