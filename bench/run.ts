/**
 * `npm run bench` — lovkode's benchmark: the compiler, the engine on the Norwegian pack, the
 * developers' API against the hand-written reference and two peer engines, batch decisions and
 * their memory, and the SQL target on DuckDB, all in one run. Prints the tables and the goals, and
 * writes bench/results.json with the machine it ran on.
 *
 *   npm run bench                 # full run (a few minutes on 2 cores)
 *   npm run bench -- --quick      # smaller inputs and fewer rounds
 *   npm run bench -- --only api,sql
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { decide } from '../compiler/runtime/engine.ts';
import { loadDefaultPack } from '../compiler/pipeline.ts';
import { benchApi } from './api.ts';
import { benchBatch } from './batch.ts';
import { benchCompiler } from './compiler.ts';
import { benchEngine } from './engine.ts';
import { ELECTRONIC, SPEC_RULES, coverage, totalFacts } from './facts.ts';
import { fmt, sink, type BenchConfig } from './harness.ts';
import { benchSql } from './sql.ts';

const AREAS = ['compiler', 'engine', 'api', 'batch', 'sql'] as const;
type Area = (typeof AREAS)[number];

function options(argv: string[]): { config: BenchConfig; areas: Area[]; out: string } {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only'));
  const value = only?.includes('=') ? only.split('=')[1]! : only ? argv[argv.indexOf(only) + 1] ?? '' : '';
  const areas = only ? (value.split(',') as Area[]) : [...AREAS];
  const unknown = areas.filter((a) => !AREAS.includes(a));
  if (unknown.length > 0) throw new Error(`bench: unknown area ${unknown.join(', ')}; choose from ${AREAS.join(', ')}`);
  const name = quick || only ? 'results-partial.json' : 'results.json';
  return { config: { quick, rounds: quick ? 3 : 7, warmup: quick ? 1 : 2 }, areas, out: fileURLToPath(new URL(name, import.meta.url)) };
}

/** The machine and software the figures belong to. */
function machine(): object {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    host: hostname(),
    date: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const { config, areas, out } = options(process.argv.slice(2));
  const started = performance.now();
  const log = (s: string): void => {
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
  };
  const info = machine();
  const texts: string[] = [`lovkode benchmark (${config.quick ? 'quick' : 'full'} run) — ${JSON.stringify(info)}`];
  const results: Record<string, unknown> = { machine: info, mode: config.quick ? 'quick' : 'full', areas };

  const pack = loadDefaultPack();
  const n = config.quick ? 20_000 : 100_000;
  const facts = totalFacts(pack.tables, n, 20261129);
  const cov = coverage(facts);
  const missed = SPEC_RULES.filter((r) => !cov.rules.has(r));
  if (missed.length > 0 || cov.channels.size !== 9) throw new Error(`bench: the random facts miss rules ${missed.join(', ')} or channels (${cov.channels.size} of 9)`);
  const electronicShare = facts.filter((f) => ELECTRONIC.has(f.channel)).length / n;
  texts.push(
    `Inputs: ${fmt(n)} random total fact sets (seeded), all 9 channels and all 37 rules of SPEC.md 5.3 hit (rarest: ${[...cov.rules].sort((a, b) => a[1] - b[1])[0]!.join(' × ')}); ${(electronicShare * 100).toFixed(1)}% electronic channels.`,
  );
  results.inputs = { facts: n, rules: Object.fromEntries([...cov.rules].sort()), channels: Object.fromEntries(cov.channels) };

  process.stdout.write(`${texts.join('\n')}\n`);

  const scratch = mkdtempSync(join(tmpdir(), 'lovkode-bench-'));
  try {
    for (const area of areas) {
      const t0 = performance.now();
      const r =
        area === 'compiler' ? await benchCompiler(config, log)
        : area === 'engine' ? await benchEngine(config, pack.tables, facts, log)
        : area === 'api' ? await benchApi(config, pack, facts, log)
        : area === 'batch' ? await benchBatch(config, (f) => decide(pack.tables, f, { date: '2026-07-02' }), facts, scratch, log)
        : await benchSql(config, pack.tables, (f, o) => decide(pack.tables, f, o), log);
      results[area] = { ...r.results, seconds: (performance.now() - t0) / 1000 };
      texts.push(r.text);
      process.stdout.write(`${r.text}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const goals = texts.join('\n').split('\n').filter((l) => / — (PASS|FAIL)$/.test(l));
  const summary = `\nGoals:\n${goals.map((g) => `  ${g}`).join('\n')}\nTotal time: ${((performance.now() - started) / 1000).toFixed(0)} s (checksum ${sink})`;
  process.stdout.write(`${summary}\n`);
  results.goals = goals;
  results.seconds = (performance.now() - started) / 1000;
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Results written to ${out}\n`);
}

await main();
