/**
 * The SQL target gives the same answers as the JavaScript engine, on real engines embedded in the
 * test run: PostgreSQL (PGlite) and DuckDB, on random packs and thousands of random rows with NULL
 * meaning unknown.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSql } from '../compiler/generate/sql.ts';
import { build, freeze } from '../compiler/ir/compile.ts';
import { decideAssignment } from '../compiler/runtime/engine.ts';
import { epochFor } from '../compiler/runtime/diagram.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { irPackArb, partialArb } from './support/ir-packs.ts';

const DATE = '2026-11-29';
type Row = { id: number; outcome: string | null; obligations: string | null; error: string | null };

/** CREATE TABLE + INSERT statements for rows of partial facts (value index, -1 = NULL). */
function tableSql(tables: Tables, rows: number[][]): string {
  const columns = tables.facts.map((f) => `"${f.name}" ${f.type === 'boolean' ? 'BOOLEAN' : 'TEXT'}`);
  const literal = (f: number, v: number) => (v < 0 ? 'NULL' : tables.facts[f]!.type === 'boolean' ? (v === 1 ? 'TRUE' : 'FALSE') : `'${tables.facts[f]!.values[v]}'`);
  const inserts: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r, j) => `(${i + j}, ${r.map((v, f) => literal(f, v)).join(', ')})`);
    inserts.push(`INSERT INTO contacts VALUES ${values.join(',\n')};`);
  }
  return `DROP TABLE IF EXISTS contacts; CREATE TABLE contacts (id INTEGER, ${columns.join(', ')});\n${inserts.join('\n')}`;
}

function expected(tables: Tables, row: number[]): Omit<Row, 'id' | 'error'> {
  const d = decideAssignment(tables, Int32Array.from(row), DATE, 'en');
  if ('error' in d || d.outcome === null) return { outcome: null, obligations: null };
  return { outcome: d.outcome, obligations: d.obligations.map((o) => o.code).join(',') };
}

const cases = fc.sample(
  irPackArb.chain((pack) => fc.tuple(fc.constant(pack), fc.array(partialArb(pack), { minLength: 200, maxLength: 200 }))),
  { numRuns: 15, seed: 20261129 },
).map(([pack, rows]) => ({ tables: freeze(pack, build(pack)), rows }));

let pg: PGlite;
let duck: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;

beforeAll(async () => {
  pg = new PGlite();
  duck = await (await DuckDBInstance.create(':memory:')).connect();
}, 60_000);
afterAll(async () => {
  await pg.close();
  duck.closeSync();
});

const engines: Record<string, (setup: string, query: string) => Promise<Row[]>> = {
  postgresql: async (setup, query) => {
    await pg.exec(setup);
    return (await pg.query<Row>(query)).rows;
  },
  duckdb: async (setup, query) => {
    await duck.run(setup);
    return (await duck.runAndReadAll(query)).getRowObjectsJS() as unknown as Row[];
  },
};

describe.each(Object.keys(engines))('SQL target on %s', (engine) => {
  it('decides every row exactly as the JavaScript engine does', { timeout: 60_000 }, async () => {
    for (const { tables, rows } of cases) {
      const got = await engines[engine]!(tableSql(tables, rows), generateSql(tables, { date: DATE }));
      expect(got.length).toBe(rows.length);
      const byId = new Map(got.map((r) => [Number(r.id), r]));
      rows.forEach((row, i) => {
        const r = byId.get(i)!;
        expect({ outcome: r.outcome, obligations: r.outcome === null ? null : r.obligations }).toEqual(expected(tables, row));
      });
    }
  });

  it('flags a value the fact does not have instead of guessing', async () => {
    // A case whose first question is an enumeration: give it a value it does not have, the rest unknown.
    const { tables } = cases.find(({ tables: t }) => {
      const root = t.epochs[epochFor(t, DATE)]!.decision;
      return root >= 0 && t.facts[t.nodes[root]![0]!]!.type === 'enum';
    })!;
    const f = tables.nodes[tables.epochs[epochFor(tables, DATE)]!.decision]![0]!;
    const setup = tableSql(tables, [tables.facts.map(() => -1)]).replace(/\(0, ([^)]*)\)/, (_, vals: string) => `(0, ${vals.split(', ').map((v, i) => (i === f ? "'no_such_value'" : v)).join(', ')})`);
    const [r] = await engines[engine]!(setup, generateSql(tables, { date: DATE }));
    expect(r).toMatchObject({ outcome: null, error: 'E_BAD_VALUE' });
  });
});
