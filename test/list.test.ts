/**
 * «Sjekk kundelisten» without a browser (site/lib/list): reading files (empty, binary, not UTF-8,
 * BOM, semicolons, quoted line breaks, bad rows), suggesting what columns and values mean, and —
 * on random lists (fast-check) — that every row's answer equals `decide` on that row's facts with
 * the campaign answers added, that the campaign asks exactly what can still matter (the same when
 * replayed from what it kept), and that «why we ask» names the rules a reference finds.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, loadDefaultPack } from '../compiler/index.ts';
import { decideAssignment, nextQuestion, sliceTables, validateFacts } from '../compiler/runtime/index.ts';
import { epochFor, reachableTerminals, restrict } from '../compiler/runtime/diagram.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { todayInNorway } from '../site/lib/answers.ts';
import { decodeList, detectDelimiter, parseList, writeList, type CsvParser, type ParsedList } from '../site/lib/list/csv.ts';
import { DATE_VALUE, profileColumns, suggestMapping, suggestValue, suggestValues, type ListMapping } from '../site/lib/list/mapping.ts';
import { campaignState, campaignWhy, decideGroups, groupRows, summarise, type CampaignAnswers, type CampaignState } from '../site/lib/list/rows.ts';

const parser = Papa as unknown as CsvParser;
const date = todayInNorway();
const bytes = (s: string) => new TextEncoder().encode(s);
let tables: Tables;

beforeAll(() => {
  tables = JSON.parse(JSON.stringify(sliceTables(loadDefaultPack().tables, date))) as Tables;
});

const parse = (text: string): ParsedList => {
  const decoded = decodeList(bytes(text));
  if ('problem' in decoded) throw new Error(decoded.problem.code);
  const list = parseList(parser, decoded.text, decoded.bom);
  if ('problem' in list) throw new Error(list.problem.code);
  return list;
};
const factAt = (name: string) => tables.facts.find((f) => f.name === name)!;
const valueOf = (name: string, v: number): string | boolean => (factAt(name).type === 'boolean' ? v === 1 : factAt(name).values[v]!);

describe('reading the list file', () => {
  it('names empty, binary and non-UTF-8 files with a stable code', () => {
    const code = (b: Uint8Array) => {
      const r = decodeList(b);
      return 'problem' in r ? r.problem.code : 'ok';
    };
    expect(code(bytes(''))).toBe('E_LIST_EMPTY');
    expect(code(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))).toBe('E_LIST_EMPTY');
    expect(code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).toBe('E_LIST_BINARY');
    expect(code(new Uint8Array([0x6e, 0x61, 0x76, 0x6e, 0x0a, 0xe6, 0xf8, 0xe5]))).toBe('E_LIST_ENCODING');
    expect(code(bytes('a,b\n1,2\n'))).toBe('ok');
    const noRows = parseList(parser, 'a;b\n', false);
    expect('problem' in noRows && noRows.problem.code).toBe('E_LIST_NO_ROWS');
  });

  it('reads a BOM, semicolons, quoted delimiters and line breaks, and marks rows with the wrong cell count', () => {
    const list = parse('\uFEFFnavn;samtykke;notat\n"Hansen; Ola";ja;"linje 1\nlinje 2"\nKari;nei\n\nPer;ja;"sa ""ja"""\n');
    expect(list.bom).toBe(true);
    expect(list.delimiter).toBe(';');
    expect(list.header).toEqual(['navn', 'samtykke', 'notat']);
    expect(list.rows[0]).toEqual(['Hansen; Ola', 'ja', 'linje 1\nlinje 2']);
    expect(list.rows).toHaveLength(3);
    expect(list.bad.get(1)).toEqual({ code: 'E_LIST_CELLS', cells: 2, header: 3 });
    expect(list.rows[2]).toEqual(['Per', 'ja', 'sa "ja"']);
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });

  it('names an unclosed quotation mark in the row it is in, blank lines before it not counted', () => {
    const list = parse('a,b\n\n1,2\n ,  \n3,"4\n');
    expect(list.rows).toEqual([['1', '2'], ['3', '4\n']]);
    expect([...list.bad]).toEqual([[1, { code: 'E_LIST_QUOTE' }]]);
  });

  it('writes the list back in its own delimiter, line break and BOM, with the added columns', () => {
    const list = parse('\uFEFFa;b\r\n"x;y";1\r\nz;"2\n3"\r\n');
    const out = writeList(list, ['lovkode_outcome'], (r) => [r === 0 ? 'allowed' : 'not;allowed']);
    expect(out).toBe('\uFEFFa;b;lovkode_outcome\r\n"x;y";1;allowed\r\nz;"2\n3";"not;allowed"\r\n');
    expect(parse(out).rows).toEqual([['x;y', '1', 'allowed'], ['z', '2\n3', 'not;allowed']]);
  });
});

describe('suggesting what columns and values mean', () => {
  it('reads yes and no the ways lists write them, and ticks and dates as yes', () => {
    const bool = tables.facts.find((f) => f.type === 'boolean')!;
    for (const yes of ['ja', 'Ja', 'yes', 'Y', 'true', '1', 'x', '✓', '2025-03-01', '01.03.2025']) expect(suggestValue(bool, yes), yes).toBe(1);
    for (const no of ['nei', 'No', 'false', '0', 'n']) expect(suggestValue(bool, no), no).toBe(0);
    expect(suggestValue(bool, 'kanskje')).toBe(-1);
    expect(suggestValue(bool, '')).toBe(-1);
    const ticks = profileColumns(['t'], [['x'], [''], ['x']])[0]!;
    expect(suggestValues(bool, ticks)).toEqual({ x: 1, '': 0 });
    const dates = profileColumns(['d'], [['2025-01-02'], [''], ['03.04.2025']])[0]!;
    expect(dates.kind).toBe('date');
    expect(suggestValues(bool, dates)).toEqual({ [DATE_VALUE]: 1, '': 0 });
  });

  it('matches enumeration values by name or by the start of their label, in both languages', () => {
    for (const f of tables.facts.filter((x) => x.type === 'enum')) {
      f.values.forEach((v, i) => {
        expect(suggestValue(f, v.toUpperCase())).toBe(i);
        expect(suggestValue(f, ` ${f.labels[i]!.nb} `)).toBe(f.labels.findIndex((l) => l.nb.toLowerCase() === f.labels[i]!.nb.toLowerCase() || l.en.toLowerCase() === f.labels[i]!.nb.toLowerCase()));
      });
    }
  });

  it('maps columns named by fact names to those facts, and never a column of names or addresses', () => {
    const names = tables.facts.slice(0, 4).map((f) => f.name);
    const rows = Array.from({ length: 120 }, (_, i) => [`person${i}@example.no`, ...names.map((n) => { const f = factAt(n); return f.type === 'boolean' ? String(i % 2 === 0) : f.values[i % f.values.length]!; })]);
    const mapping = suggestMapping(tables, profileColumns(['E-post', ...names], rows));
    expect(mapping.columns.map((c) => c.fact)).toEqual(names);
    expect(mapping.columns.map((c) => c.column)).toEqual([1, 2, 3, 4]);
    for (const c of mapping.columns) expect(Object.values(c.values).every((v) => v >= 0)).toBe(true);
  });

  it('suggests a fact for a Norwegian consent column and an English opt-out column', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`P${i}`, i % 2 ? 'ja' : 'nei', i % 3 ? 'no' : 'yes']);
    const mapping = suggestMapping(tables, profileColumns(['Navn', 'Samtykke', 'Unsubscribed'], rows));
    const facts = mapping.columns.map((c) => c.fact);
    expect(mapping.columns.map((c) => c.column)).toEqual([1, 2]);
    // Whichever facts they are, they are yes/no facts, and «ja»/«yes» mean yes.
    for (const c of mapping.columns) expect(factAt(c.fact).type).toBe('boolean');
    expect(new Set(facts).size).toBe(2);
    expect(mapping.columns[0]!.values).toEqual({ ja: 1, nei: 0 });
  });
});

/** A random list: some facts as columns (cells are value names, yes/no or blank), the other facts as campaign answers. */
const arbList = fc
  .record({
    seed: fc.integer(),
    columns: fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 6 }),
    rows: fc.array(fc.array(fc.nat(12), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
    campaign: fc.array(fc.integer({ min: -1, max: 10 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ columns, rows, campaign }) => {
    const facts = [...new Set(columns.map((c) => c % tables.facts.length))];
    const header = facts.map((f) => tables.facts[f]!.name);
    const cells = rows.map((r) => facts.map((f, i) => {
      const fact = tables.facts[f]!;
      const v = r[i]! % (fact.values.length + 1);
      return v === fact.values.length ? '' : fact.type === 'boolean' ? String(v === 1) : fact.values[v]!;
    }));
    const answers: CampaignAnswers = {};
    tables.facts.forEach((f, i) => {
      if (facts.includes(i)) return;
      const v = campaign[i]!;
      if (v < f.values.length) answers[f.name] = v;
    });
    return { header, cells, answers };
  });

function mapIdentity(header: string[], cells: string[][]): ListMapping {
  const profiles = profileColumns(header, cells);
  return { columns: header.map((name, column) => ({ column, fact: name, values: suggestValues(factAt(name), profiles[column]!) })) };
}

describe('the answer for every row (random lists)', () => {
  it('equals decide on the row\'s facts plus the campaign answers, rows grouped by their facts', () => {
    const pack = loadDefaultPack();
    fc.assert(
      fc.property(arbList, ({ header, cells, answers }) => {
        const profiles = profileColumns(header, cells);
        const mapping = mapIdentity(header, cells);
        const { groupOf, groups } = groupRows(tables, cells, mapping, profiles);
        const answered = Object.entries(answers).map(([fact, value]) => ({ fact, value }));
        const results = decideGroups(tables, answered, groups, date, 'en');
        expect(new Set(groups.map((g) => g.facts.join())).size).toBe(groups.length);
        cells.forEach((row, r) => {
          const facts: Record<string, string | boolean | null> = {};
          for (const [fact, v] of Object.entries(answers)) facts[fact] = v < 0 ? null : valueOf(fact, v);
          header.forEach((h, i) => (facts[h] = row[i] === '' ? null : factAt(h).type === 'boolean' ? row[i] === 'true' : row[i]!));
          const expected = decide(pack, facts, { date, lang: 'en' });
          const got = results[groupOf[r]!]!;
          if ('error' in expected) {
            expect(got.category).toBe('error');
            expect(got.error?.code).toBe(expected.error.code);
            return;
          }
          expect(got.category).toBe(expected.outcome ?? 'missing');
          expect(got.reasons.map((x) => x.rule)).toEqual(expected.reasons.map((x) => x.rule));
          expect(got.missing).toEqual(expected.missing);
          expect(got.obligations.map((o) => o.code)).toEqual(expected.obligations.map((o) => o.code));
        });
        const summary = summarise(groups, results, 0);
        expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(cells.length);
      }),
      { numRuns: 150 },
    );
  });

  it('the campaign replayed answer by answer (kept between calls) asks the same as worked out afresh each time', () => {
    fc.assert(
      fc.property(arbList, ({ header, cells }) => {
        const profiles = profileColumns(header, cells);
        const { groups } = groupRows(tables, cells, mapIdentity(header, cells), profiles);
        const mapped = new Set(header);
        const answers: CampaignAnswers = {};
        for (let i = 0; i < 40; i++) {
          const kept = campaignState(tables, answers, groups, mapped, date);
          // A copy of the groups array has nothing kept for it.
          expect(kept).toEqual(campaignState(tables, answers, [...groups], mapped, date));
          if (!kept.question) return;
          // Leave every third question open, answer the others with their first value.
          answers[kept.question.fact] = i % 3 === 2 ? -1 : 0;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('«why we ask» a campaign question lists the rules whose application depends on its answer for a group that needs it, as the questionnaire does for one case', () => {
    const epoch = tables.epochs[epochFor(tables, date)]!;
    const possible = (a: Int32Array) =>
      new Set(epoch.decides.flatMap((root, r) => (reachableTerminals(restrict(tables, root, a)).some((t) => (tables.terminals[t] as { v?: boolean }).v === true) ? [r] : [])));
    // The rules possible for one value of v and not for another, in some case; else every rule still possible.
    const reference = (cases: Int32Array[], v: number): string[] => {
      const all = new Set<number>();
      const depends = new Set<number>();
      for (const c of cases) {
        const per = tables.facts[v]!.values.map((_, x) => possible(Object.assign(c.slice(), { [v]: x })));
        for (const set of per) {
          for (const r of set) {
            all.add(r);
            if (!per.every((p) => p.has(r))) depends.add(r);
          }
        }
      }
      return [...(depends.size > 0 ? depends : all)].sort((a, b) => a - b).map((r) => tables.rules[r]!.id);
    };
    fc.assert(
      fc.property(arbList, ({ header, cells }) => {
        const profiles = profileColumns(header, cells);
        const { groups } = groupRows(tables, cells, mapIdentity(header, cells), profiles);
        const mapped = new Set(header);
        const answers: CampaignAnswers = {};
        let state: CampaignState = campaignState(tables, answers, groups, mapped, date);
        for (let i = 0; state.question && i < 40; i++) {
          const q = state.question;
          const v = tables.facts.findIndex((f) => f.name === q.fact);
          const given = new Map(state.answered.map((a) => [tables.facts.findIndex((f) => f.name === a.fact), a.value]));
          const cases = q.groups.map((g) => {
            const a = groups[g]!.facts.slice();
            for (const [f, x] of given) if (a[f] === -1) a[f] = x;
            return a;
          });
          expect(q.groups.length).toBeGreaterThan(0);
          const why = campaignWhy(tables, state, groups, date, 'en');
          expect(why.map((w) => w.rule)).toEqual(reference(cases, v));
          expect(why.every((w) => w.title === tables.rules.find((r) => r.id === w.rule)!.title.en)).toBe(true);
          answers[q.fact] = 0;
          state = campaignState(tables, answers, groups, mapped, date);
        }
        // The questionnaire's own «why we ask» for the first row's facts.
        const facts = Object.fromEntries(header.flatMap((h, i) => (cells[0]![i] === '' ? [] : [[h, factAt(h).type === 'boolean' ? cells[0]![i] === 'true' : cells[0]![i]]])));
        const next = nextQuestion(tables, facts, { date, lang: 'en' });
        if ('error' in next || !next.question) return;
        const valid = validateFacts(tables, facts) as { assignment: Int32Array };
        expect(next.question.why.map((w) => w.rule)).toEqual(reference([valid.assignment], tables.facts.findIndex((f) => f.name === next.question!.fact)));
      }),
      { numRuns: 40 },
    );
  });

  it('the campaign asks only what some row still misses, and once it is answered nothing else can matter', () => {
    fc.assert(
      fc.property(arbList, ({ header, cells }) => {
        const profiles = profileColumns(header, cells);
        const mapping = mapIdentity(header, cells);
        const { groups } = groupRows(tables, cells, mapping, profiles);
        const mapped = new Set(header);
        // Answer every question with its first value until none is left.
        const answers: CampaignAnswers = {};
        for (let i = 0; i < 40; i++) {
          const state = campaignState(tables, answers, groups, mapped, date);
          if (!state.question) {
            const given = new Map(state.answered.map((a) => [tables.facts.findIndex((f) => f.name === a.fact), a.value]));
            for (const g of groups) {
              const a = g.facts.slice();
              for (const [f, v] of given) if (a[f] === -1) a[f] = v;
              const d = decideAssignment(tables, a, date, 'nb');
              if (!('error' in d)) for (const m of d.missing) expect(mapped.has(m)).toBe(true);
            }
            return;
          }
          const q = state.question.fact;
          expect(mapped.has(q)).toBe(false);
          expect(Object.keys(answers)).not.toContain(q);
          answers[q] = 0;
        }
        throw new Error('the campaign did not end after 40 questions');
      }),
      { numRuns: 60 },
    );
  });
});
