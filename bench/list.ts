/**
 * Area «list» (issue 14, «Sjekk kundelisten»): a contact list of 100,000 rows (20,000 with --quick)
 * checked as the browser's worker does it — read the bytes, parse with papaparse, profile the
 * columns, suggest the mapping, group the rows, ask the campaign (first answer to every question),
 * show «why we ask» for each question, decide every group, summarise and find what would change each
 * reason — against parsing the same CSV alone (papaparse, rows only; and, as the baseline was until
 * 2026-12-02, with its 'greedy' blank-line skipping), and with writing the answered list back. Goal:
 * decided and summarised in under 2 s.
 */
import Papa from 'papaparse';
import { sliceTables } from '../compiler/runtime/slice.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { decodeList, parseList, writeList, type CsvParser } from '../site/lib/list/csv.ts';
import { profileColumns, suggestMapping } from '../site/lib/list/mapping.ts';
import { campaignState, campaignWhy, changesFor, decideGroups, groupRows, reasonKey, summarise, type CampaignAnswers } from '../site/lib/list/rows.ts';
import { compare, fmt, pct, rng, table, verdict, type BenchConfig } from './harness.ts';

const DATE = '2026-07-02';
const parser = Papa as unknown as CsvParser;

/** A seeded contact list: an e-mail column and six per-person facts with realistic spellings and blanks. */
function contactList(tables: Tables, n: number): Uint8Array {
  const random = rng(1414);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const yesNo = ['ja', 'nei', 'Ja', 'nei', ''];
  const columns: { header: string; values: string[] }[] = [
    { header: 'Samtykke', values: yesNo },
    { header: 'Reservert', values: ['x', '', '', ''] },
    { header: 'Avmeldt dato', values: ['2025-03-01', '', '', '', ''] },
    ...['recipientType', 'consentMethod', 'customerRelationship'].flatMap((name) => {
      const f = tables.facts.find((x) => x.name === name);
      return f ? [{ header: name, values: [...f.values, ''] }] : [];
    }),
  ];
  const lines = [['E-post', ...columns.map((c) => c.header)].join(',')];
  for (let i = 0; i < n; i++) lines.push([`kunde${i}@example.no`, ...columns.map((c) => pick(c.values))].join(','));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** The whole check as the worker does it; returns the rows summarised. */
function check(tables: Tables, bytes: Uint8Array, write: boolean): number {
  const decoded = decodeList(bytes);
  if ('problem' in decoded) throw new Error(decoded.problem.code);
  const list = parseList(parser, decoded.text, decoded.bom);
  if ('problem' in list) throw new Error(list.problem.code);
  const profiles = profileColumns(list.header, list.rows);
  const mapping = suggestMapping(tables, profiles);
  const { groupOf, groups } = groupRows(tables, list.rows, mapping, profiles, new Set(list.bad.keys()));
  const mapped = new Set(mapping.columns.map((c) => c.fact));
  const answers: CampaignAnswers = {};
  let state = campaignState(tables, answers, groups, mapped, DATE);
  while (state.question) {
    // The page shows each question with «why we ask».
    campaignWhy(tables, state, groups, DATE, 'nb');
    answers[state.question.fact] = 0;
    state = campaignState(tables, answers, groups, mapped, DATE);
  }
  const results = decideGroups(tables, state.answered, groups, DATE, 'nb');
  const summary = summarise(groups, results, list.bad.size);
  // What the page shows for each reason: what would change it.
  for (const r of summary.reasons) changesFor(tables, state.answered, groups, results, r.groups, DATE, 'nb');
  if (write) {
    const out = writeList(list, ['lovkode_outcome', 'lovkode_rule'], (r) => {
      const g = results[groupOf[r]!]!;
      return [g.category, reasonKey(g)];
    });
    return summary.rows + out.length;
  }
  return summary.rows + groups.length;
}

/** Runs the area: parse alone, check, check + write, side by side. */
export async function benchList(config: BenchConfig, full: Tables, log: (s: string) => void) {
  const tables = sliceTables(full, DATE);
  const n = config.quick ? 20_000 : 100_000;
  const bytes = contactList(tables, n);
  const parseOnly = () => Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ',' }).data.length;
  // The baseline before 2026-12-02 also skipped blank lines with papaparse's 'greedy' option, which joins every row.
  const parseGreedy = () => Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ',', skipEmptyLines: 'greedy' }).data.length;
  // The list the check sees: how many distinct combinations the rows fall into.
  const decoded = decodeList(bytes) as { text: string; bom: boolean };
  const list = parseList(parser, decoded.text, false) as Exclude<ReturnType<typeof parseList>, { problem: unknown }>;
  const profiles = profileColumns(list.header, list.rows);
  const mapping = suggestMapping(tables, profiles);
  const groups = groupRows(tables, list.rows, mapping, profiles).groups.length;
  log(`list: ${fmt(n)} rows, ${(bytes.length / 1e6).toFixed(1)} MB, ${mapping.columns.length} columns mapped, ${fmt(groups)} distinct combinations`);
  const [parse, greedy, checked, written] = await compare(
    [
      { name: 'parse the CSV alone (papaparse)', ops: n, run: parseOnly },
      { name: "parse alone, papaparse skipping blank lines 'greedy'", ops: n, run: parseGreedy },
      { name: 'check: parse, map, group, campaign, decide, summarise', ops: n, run: () => check(tables, bytes, false) },
      { name: 'check and write the answered list', ops: n, run: () => check(tables, bytes, true) },
    ],
    config,
  );
  const ms = (t: typeof parse) => (n / t!.perSecond.median) * 1000;
  const ratio = ms(checked) / ms(parse);
  const pass = ms(checked) < 2000;
  const rows = [parse!, greedy!, checked!, written!].map((t) => [t.name, fmt(ms(t)), fmt(t.perSecond.median), pct(t.perSecond.spread), `${(ms(t) / ms(parse)).toFixed(2)}×`]);
  const text = [
    table(`Contact list check («Sjekk kundelisten»), ${fmt(n)} rows, ${fmt(groups)} distinct combinations`, ['', 'ms', 'rows/s', 'spread', 'vs parse'], rows),
    `List of ${fmt(n)} rows decided and summarised: ${fmt(ms(checked))} ms, ${ratio.toFixed(2)}× parsing it alone, ${(ms(checked) / ms(greedy)).toFixed(2)}× parsing it the 'greedy' way (goal < 2,000 ms) — ${verdict(pass)}`,
  ].join('\n');
  return {
    text,
    results: {
      rows: n,
      megabytes: bytes.length / 1e6,
      distinctCombinations: groups,
      mappedColumns: mapping.columns.length,
      parseMs: ms(parse), parseGreedyMs: ms(greedy), checkMs: ms(checked), checkAndWriteMs: ms(written),
      ratioVsParse: ratio,
      ratioVsGreedyParse: ms(checked) / ms(greedy),
      spread: { parse: parse!.perSecond.spread, parseGreedy: greedy!.perSecond.spread, check: checked!.perSecond.spread, write: written!.perSecond.spread },
      goalMs: 2000,
      verdict: verdict(pass),
    },
  };
}
