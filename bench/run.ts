/**
 * `npm run bench` — lovkode's benchmark: the compiler, the engine on the Norwegian pack, the
 * developers' API against the hand-written reference and two peer engines, batch decisions and
 * their memory, the SQL target on DuckDB and the CLI's start-up, all in one run. Prints the tables and the goals, and
 * writes bench/results.json with the machine it ran on.
 *
 *   npm run bench                 # full run (a few minutes on 2 cores)
 *   npm run bench -- --quick      # smaller inputs and fewer rounds
 *   npm run bench -- --only api,sql
 *   npm run bench -- --only http      # the web API under load (concurrency 50)
 *   npm run bench -- --only list   # the contact-list check of the site (issue 14)
 *   npm run bench -- --only module    # lib/no.mjs: decide vs a baseline, partial facts, size
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from './harness.ts';

const AREA_SCRIPT = fileURLToPath(new URL('./area.ts', import.meta.url));

const AREAS = ['compiler', 'engine', 'api', 'module', 'batch', 'sql', 'http', 'startup', 'list'] as const;
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
    /** Load averages (1, 5, 15 min) when the run started: other work on the machine shows up as spread. */
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
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

  process.stdout.write(`${texts.join('\n')}\n`);
  const scratch = mkdtempSync(join(tmpdir(), 'lovkode-bench-'));
  try {
    // Each area runs in a fresh process: the 10,000-rule compiles leave a heap that made the
    // questionnaire 7× slower when it ran after them in the same process.
    for (const area of areas) {
      const out = join(scratch, `${area}.json`);
      const child = spawn(process.execPath, ['--import', 'tsx', AREA_SCRIPT, area, out, scratch, ...(config.quick ? ['--quick'] : [])], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, LOVKODE_BENCH_START: String(Date.now() - (performance.now() - started)) },
      });
      const [code] = (await once(child, 'exit')) as [number];
      if (code !== 0) throw new Error(`bench: area ${area} failed (exit ${code})`);
      const r = JSON.parse(readFileSync(out, 'utf8')) as { text: string; results: Record<string, unknown> };
      texts.push(r.text);
      const { inputs, inputsLine, ...rest } = r.results as { inputs: unknown; inputsLine: string };
      results.inputs ??= inputs;
      if (texts.length === 1) texts.push(inputsLine);
      results[area] = rest;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const goals = texts.join('\n').split('\n').filter((l) => / — (PASS|FAIL)$/.test(l));
  const summary = `\nGoals:\n${goals.map((g) => `  ${g}`).join('\n')}\nLoad average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)\nTotal time: ${((performance.now() - started) / 1000).toFixed(0)} s `;
  process.stdout.write(`${summary}\n`);
  results.goals = goals;
  results.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  results.seconds = (performance.now() - started) / 1000;
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Results written to ${out}\n`);
}

await main();
