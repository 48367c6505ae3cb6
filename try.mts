import { loadDefaultPack } from './compiler/index.ts';
import { sliceTables } from './compiler/runtime/slice.ts';
import Papa from 'papaparse';
import { decodeList, parseList } from './site/lib/list/csv.ts';
import { profileColumns, suggestMapping } from './site/lib/list/mapping.ts';
import { campaignState, decideGroups, groupRows, summarise } from './site/lib/list/rows.ts';
import { decideAssignment, whatWouldChange } from './compiler/runtime/index.ts';
const tables = sliceTables(loadDefaultPack().tables, '2026-07-02');
const rnd = (k: number) => Math.floor(Math.random() * k);
const f = (n: string) => tables.facts.find((x) => x.name === n)!;
const cols = ['recipientType','consentMethod','customerRelationship'];
const lines = ['E-post,Samtykke,Reservert,' + cols.join(',')];
for (let i = 0; i < 20000; i++) lines.push([`k${i}@x.no`, ['ja','nei',''][rnd(3)], ['x',''][rnd(2)], ...cols.map(c => [...f(c).values, ''][rnd(f(c).values.length+1)])].join(','));
const bytes = new TextEncoder().encode(lines.join('\n'));
for (let round = 0; round < 3; round++) {
let t = performance.now(); const T = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
const d = decodeList(bytes) as any; const list = parseList(Papa as any, d.text, false) as any; T('parse');
const profiles = profileColumns(list.header, list.rows); T('profile');
const mapping = suggestMapping(tables, profiles); T('suggest');
const { groups } = groupRows(tables, list.rows, mapping, profiles); T(`group ${groups.length}`);
const mapped = new Set(mapping.columns.map((c) => c.fact)); const answers: any = {};
let s = campaignState(tables, answers, groups, mapped, '2026-07-02'); let q = 0;
while (s.question) { answers[s.question.fact] = 0; s = campaignState(tables, answers, groups, mapped, '2026-07-02'); q++; } T(`campaign ${q}q`);
const res = decideGroups(tables, s.answered, groups, '2026-07-02', 'nb'); T('decideGroups');
const given = new Map(s.answered.map(a => [tables.facts.findIndex(x => x.name === a.fact), a.value]));
let nd = 0; for (const g of groups) { const a = g.facts.slice(); for (const [k,v] of given) if (a[k] === -1) a[k] = v; decideAssignment(tables, a, '2026-07-02', 'nb'); } T('  decide only');
for (const g of groups) { const a = g.facts.slice(); for (const [k,v] of given) if (a[k] === -1) a[k] = v; const dd = decideAssignment(tables, a, '2026-07-02', 'nb') as any; if (dd.outcome === 'not_allowed' || dd.outcome === 'uncertain') { nd++; whatWouldChange(tables, a, '2026-07-02', 'nb'); } } T(`  + wwc ${nd}`);
summarise(groups, res, 0); T('summarise');
}
