/**
 * The worker of «Sjekk kundelisten»: it holds the list and the state of the tool, parses the file
 * with papaparse, suggests what the columns mean, groups the rows by their mapped facts, finds the
 * campaign's questions, decides every group with the rule tables the page fetched, and renders each
 * step as HTML for the page. Everything stays in this worker's memory; nothing is sent anywhere.
 * Each language has its own small entry (list-worker-nb.ts, list-worker-en.ts) that passes its text.
 */
import { decodeList, parseList, writeList, type CsvParser, type ParsedList } from '../lib/list/csv.ts';
import { profileColumns, suggestMapping, suggestValues, type ColumnProfile, type ListMapping } from '../lib/list/mapping.ts';
import { PAGE_SIZE, type FromWorker, type RowView, type ToWorker, type View } from '../lib/list/protocol.ts';
import { campaignState, campaignWhy, changesFor, decideGroups, groupRows, reasonKey, summarise, type CampaignAnswers, type CampaignState, type Category, type Grouping, type GroupResult, type Summary } from '../lib/list/rows.ts';
import type { ListText } from '../lib/list/text-nb.ts';
import type { QuestionText } from '../lib/qtext.ts';
import { todayInNorway } from '../lib/answers.ts';
import { esc } from '../lib/render.ts';
import { answerView, asValue, campaignView, columnsView, factOf, rowsView, type ViewContext } from '../lib/list/view.ts';

// The parser is its own chunk, loaded as soon as the worker starts (before any list is chosen).
const parser: Promise<CsvParser> = import('papaparse').then((m) => (m.default ?? m) as unknown as CsvParser);

let ctx: ViewContext;
let list: ParsedList | undefined;
let preview: string[][] = [];
let profiles: ColumnProfile[] = [];
let grouping: Grouping | undefined;
let mapping: ListMapping = { columns: [] };
let answers: CampaignAnswers = {};
let campaign: CampaignState = { answered: [] };
let results: GroupResult[] | undefined;
let summary: Summary | undefined;
let filter = { category: '' as Category | '', reason: '' };

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
const view = (v: View) => post({ type: 'view', ...v });

/** Runs the worker with the tool's text in the page's language. */
export function runListWorker(text: ListText, q: QuestionText): void {
  self.onmessage = (event: MessageEvent<ToWorker>) => void handle(event.data, text, q);
}

async function handle(m: ToWorker, text: ListText, q: QuestionText): Promise<void> {
  if (m.type === 'init') {
    ctx = { tables: m.tables, date: todayInNorway(), lang: m.lang, t: text, q };
    await parser;
    return post({ type: 'ready' });
  }
  if (m.type === 'load') return load(new Uint8Array(m.bytes));
  if (!list) return;
  if (m.type === 'column') {
    const columns = mapping.columns.filter((c) => c.column !== m.col && c.fact !== m.fact);
    const fact = ctx.tables.facts.find((f) => f.name === m.fact);
    if (fact) columns.push({ column: m.col, fact: fact.name, values: suggestValues(fact, profiles[m.col]!) });
    mapping = { columns: columns.sort((a, b) => a.column - b.column) };
    regroup(`#c-${m.col}`);
  } else if (m.type === 'value') {
    const c = mapping.columns.find((x) => x.column === m.col);
    if (c) c.values[m.raw] = m.value;
    regroup(`#v-${m.col}-${profiles[m.col]!.distinct.findIndex((d) => d.raw === m.raw)}`);
  } else if (m.type === 'answer') {
    const fact = campaign.question && factOf(ctx, campaign.question.fact);
    if (!fact) return;
    answers = { ...answers, [fact.name]: m.raw === '' ? -1 : fact.type === 'boolean' ? Number(m.raw === 'true') : fact.values.indexOf(m.raw) };
    decideAll('');
  } else if (m.type === 'unanswer') {
    const fact = m.fact ?? campaign.answered.at(-1)?.fact;
    answers = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== fact));
    decideAll('');
  } else if (m.type === 'filter') {
    filter = { category: m.category, reason: m.reason };
    showPage(0);
  } else if (m.type === 'page') showPage(m.page);
  else download(m.what);
}

async function load(bytes: Uint8Array): Promise<void> {
  const { t } = ctx;
  view({ status: t.reading, problem: '', columns: null, campaign: null, answer: null });
  list = undefined;
  const text = decodeList(bytes);
  const parsed = 'problem' in text ? text : parseList(await parser, text.text, text.bom);
  if ('problem' in parsed) {
    return view({ status: '', problem: `<div class="callout callout-stop"><p>${esc(t.problem[parsed.problem.code])} <span class="list-hint">(${parsed.problem.code})</span></p></div>` });
  }
  list = parsed;
  preview = parsed.rows.slice(0, 5);
  profiles = profileColumns(parsed.header, parsed.bad.size === 0 ? parsed.rows : parsed.rows.filter((_, i) => !parsed.bad.has(i)));
  mapping = suggestMapping(ctx.tables, profiles);
  answers = {};
  grouping = undefined;
  view({ status: t.loaded(parsed.rows.length, parsed.header.length, ctx.lang, parsed.bad.size) });
  regroup('#h-columns');
}

/** After the mapping changed: group the rows again, show the columns, then the campaign and the answer. */
function regroup(focus: string): void {
  grouping = groupRows(ctx.tables, list!.rows, mapping, profiles, new Set(list!.bad.keys()));
  view({ columns: columnsView(ctx, list!.header, preview, profiles, mapping) });
  decideAll(focus);
}

/** Finds the next campaign question; when there is none, decides every group and shows the answer. */
function decideAll(focus: string): void {
  const t0 = performance.now();
  const { groups } = grouping!;
  campaign = campaignState(ctx.tables, answers, groups, new Set(mapping.columns.map((c) => c.fact)), ctx.date);
  if (campaign.question) {
    results = summary = undefined;
    const why = campaignWhy(ctx.tables, campaign, groups, ctx.date, ctx.lang);
    return view({ campaign: campaignView(ctx, campaign, why), answer: null, focus: focus || '#q-heading' });
  }
  results = decideGroups(ctx.tables, campaign.answered, groups, ctx.date, ctx.lang);
  summary = summarise(groups, results, list!.bad.size);
  filter = { category: '', reason: '' };
  view({ campaign: campaignView(ctx, campaign), answer: answerView(ctx, summary, results, (ids) => changesFor(ctx.tables, campaign.answered, groups, results!, ids, ctx.date, ctx.lang), performance.now() - t0), focus: focus || '#h-answer' });
  showPage(0);
}

function showPage(page: number): void {
  if (!list || !grouping || !results) return;
  const { groupOf } = grouping;
  const keep = (g: number): boolean => {
    const r = g < 0 ? undefined : results![g];
    if (filter.category && (r ? r.category : 'error') !== filter.category) return false;
    return !filter.reason || (r ? reasonKey(r) : 'E_BAD_CSV') === filter.reason;
  };
  const matching: number[] = [];
  for (let i = 0; i < groupOf.length; i++) if (keep(groupOf[i]!)) matching.push(i);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const rows: RowView[] = matching.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE).map((i) => {
    const g = groupOf[i]!;
    const problem = list!.bad.get(i);
    return { n: i + 1, cells: list!.rows[i]!, category: g < 0 ? 'error' : results![g]!.category, group: g, ...(problem ? { problem } : {}) };
  });
  view({ rows: rowsView(ctx, list.header, rows, results, p, pages, matching.length) });
}

/** The added columns of the download, named the same in both languages so mailing tools can filter on them. */
const ADDED = ['lovkode_outcome', 'lovkode_rule', 'lovkode_missing', 'lovkode_obligations'];

function download(what: 'csv' | 'receipt'): void {
  if (!list || !grouping || !results || !summary) return;
  const { t } = ctx;
  const { groupOf } = grouping;
  const name = (base: string, ext: string) => `lovkode-${base}-${ctx.date}.${ext}`;
  if (what === 'csv') {
    const extra = (row: number): string[] => {
      const g = groupOf[row]!;
      if (g < 0) return ['error', 'E_BAD_CSV', '', ''];
      const r = results![g]!;
      return [r.category, reasonKey(r), r.missing.join(' '), r.obligations.map((o) => o.code).join(' ')];
    };
    return post({ type: 'file', blob: new Blob([writeList(list, ADDED, extra)], { type: 'text/csv;charset=utf-8' }), name: name(t.fileName, 'csv') });
  }
  const { tables } = ctx;
  const valueOf = (fact: string, v: number) => (v < 0 ? null : asValue(factOf(ctx, fact), v));
  const receipt = {
    tool: 'lovkode',
    kind: 'list',
    rulesVersion: tables.version,
    date: ctx.date,
    lang: ctx.lang,
    campaign: Object.fromEntries(campaign.answered.map((a) => [a.fact, valueOf(a.fact, a.value)])),
    columns: mapping.columns.map((c) => ({
      column: list!.header[c.column],
      fact: c.fact,
      values: Object.fromEntries(Object.entries(c.values).map(([raw, v]) => [raw, valueOf(c.fact, v)])),
    })),
    rows: summary.rows,
    counts: summary.counts,
    reasons: summary.reasons.map(({ category, key, rows }) => ({ category, rules: key, rows })),
    missing: summary.missing,
    obligations: summary.obligations,
  };
  post({ type: 'file', blob: new Blob([`${JSON.stringify(receipt, null, 2)}\n`], { type: 'application/json' }), name: name(t.receiptName, 'json') });
}
