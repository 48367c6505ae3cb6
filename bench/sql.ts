/**
 * Area 3d, the SQL target: generateSql's query on DuckDB over a table of random total fact rows
 * made inside DuckDB, against the JS engine deciding the same rows (read back from DuckDB, untimed).
 * Every row's outcome and obligations from DuckDB are compared with the JS answer before timing.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { performance } from 'node:perf_hooks';
import type { Decision, InputError } from '../compiler/evaluate/types.ts';
import { generateSql } from '../compiler/generate/sql.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { fmt, pct, stat, table, type BenchConfig } from './harness.ts';

const DATE = '2026-07-02';

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A column expression drawing a random value of the fact (uniformly). */
function randomColumn(fact: Tables['facts'][number]): string {
  const name = `"${fact.name}"`;
  if (fact.type === 'boolean') return `random() < 0.5 AS ${name}`;
  return `([${fact.values.map(literal).join(', ')}])[1 + floor(random() * ${fact.values.length})::INTEGER] AS ${name}`;
}

/** The JS answer in the SQL target's shape: outcome and comma-separated obligation codes. */
function jsAnswer(d: Decision | { error: InputError }): string {
  if ('error' in d) return `error:${d.error.code}`;
  return `${d.outcome}|${d.obligations.map((o) => o.code).join(',')}`;
}

/** Runs area 3d with `decide` from the engine on `tables`. */
export async function benchSql(
  config: BenchConfig,
  tables: Tables,
  decide: (facts: unknown, options: { date: string }) => Decision | { error: InputError },
  log: (s: string) => void,
): Promise<{ text: string; results: object }> {
  const n = config.quick ? 200_000 : 1_000_000;
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const threads = Number((await duck.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0]![0]);
  log(`sql: ${fmt(n)} random rows in DuckDB`);
  await duck.run('SELECT setseed(0.42)');
  await duck.run(`CREATE TABLE contacts AS SELECT i AS id, ${tables.facts.map(randomColumn).join(', ')} FROM range(${n}) t(i)`);
  // Read back by columns (getRowObjectsJS takes ~20 s for 1M rows), then one object literal per row,
  // as a driver or JSON.parse would give them (objects built key by key fall into V8's slow mode).
  const columns = (await duck.runAndReadAll('SELECT * FROM contacts ORDER BY id')).getColumnsObjectJS() as Record<string, unknown[]>;
  const row = new Function('c', 'i', `return { ${tables.facts.map((f) => `${JSON.stringify(f.name)}: c[${JSON.stringify(f.name)}][i]`).join(', ')} };`) as (c: object, i: number) => object;
  const facts = Array.from({ length: n }, (_, i) => row(columns, i));

  const query = generateSql(tables, { date: DATE, table: 'contacts', key: 'id' });
  const sqlRun = () => duck.run(`CREATE OR REPLACE TABLE answers AS ${query}`);
  await sqlRun();
  const answers = (await duck.runAndReadAll('SELECT outcome, obligations, error FROM answers ORDER BY id')).getRows();
  let mismatches = 0;
  let firstMismatch = '';
  facts.forEach((f, i) => {
    const [outcome, obligations, error] = answers[i]! as [string | null, string | null, string | null];
    const sqlAnswer = error ? `error:${error}` : `${outcome}|${obligations ?? ''}`;
    const js = jsAnswer(decide(f, { date: DATE }));
    if (sqlAnswer !== js) {
      if (mismatches++ === 0) firstMismatch = `row ${i}: SQL ${sqlAnswer} vs JS ${js}`;
    }
  });
  if (mismatches > 0) throw new Error(`bench: DuckDB and the JS engine disagree on ${mismatches} of ${n} rows; first: ${firstMismatch}`);

  log('sql: timing DuckDB and the JS engine');
  const rounds = config.quick ? 2 : 3;
  const jsRun = (): number => {
    const out = new Array<string>(facts.length);
    for (let i = 0; i < facts.length; i++) out[i] = jsAnswer(decide(facts[i], { date: DATE }));
    return out.length;
  };
  const time = async (fn: () => unknown): Promise<number[]> => {
    await fn();
    const ms: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      await fn();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  const duckMs = await time(sqlRun);
  const jsMs = await time(jsRun);
  await duck.run('SET threads = 1');
  const duckOneMs = await time(sqlRun);
  await duck.run(`SET threads = ${threads}`);
  const perSecond = (ms: number[]) => stat(ms.map((m) => n / (m / 1000)));
  const rowsOut = [
    { name: `DuckDB, generateSql query (CREATE TABLE answers AS …), ${threads} threads`, rows: perSecond(duckMs) },
    { name: 'DuckDB, the same query, 1 thread', rows: perSecond(duckOneMs) },
    { name: 'JS engine decide per row (outcome + obligation codes), 1 thread', rows: perSecond(jsMs) },
  ];
  const js = rowsOut[2]!.rows.median;
  const sqlTable = table(
    `SQL: ${fmt(n)} random total fact rows; DuckDB's answers equal the JS engine's on all ${fmt(n)} rows (query ${fmt(query.length / 1024)} KB)`,
    ['engine', 'rows/s (median)', 'spread', 'vs JS'],
    rowsOut.map((r) => [r.name, fmt(r.rows.median), pct(r.rows.spread), `${(r.rows.median / js).toFixed(2)}×`]),
  );
  duck.closeSync();
  return { text: sqlTable, results: { rows: n, threads, queryBytes: query.length, comparedRows: n, mismatches, results: rowsOut } };
}
