/**
 * One area of `npm run bench`, run by bench/run.ts in a fresh process:
 * `node --import tsx bench/area.ts AREA OUT.json SCRATCH_DIR [--quick]`. Draws the shared inputs
 * from their fixed seed (so every area sees the same fact sets), prints the area's tables and
 * writes `{ text, results }` to OUT.json.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadDefaultPack } from '../compiler/pipeline.ts';
import { decide } from '../compiler/runtime/engine.ts';
import { benchApi } from './api.ts';
import { benchBatch } from './batch.ts';
import { benchCompiler } from './compiler.ts';
import { benchEngine } from './engine.ts';
import { benchList } from './list.ts';
import { ELECTRONIC, SPEC_RULES, coverage, totalFacts } from './facts.ts';
import { fmt, sink, type BenchConfig } from './harness.ts';
import { benchSql } from './sql.ts';
import { benchHttp } from './http.ts';
import { benchStartup } from './startup.ts';
import { benchModule } from './module.ts';

const [area, out, scratch] = process.argv.slice(2) as [string, string, string];
const quick = process.argv.includes('--quick');
const config: BenchConfig = { quick, rounds: quick ? 3 : 7, warmup: quick ? 1 : 2 };
const started = Number(process.env.LOVKODE_BENCH_START ?? Date.now());
const log = (s: string): void => {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
};

const pack = loadDefaultPack();
const n = quick ? 20_000 : 100_000;
const facts = totalFacts(pack.tables, n, 20261129);
const cov = coverage(facts);
const missed = SPEC_RULES.filter((r) => !cov.rules.has(r));
if (missed.length > 0 || cov.channels.size !== 9) throw new Error(`bench: the random facts miss rules ${missed.join(', ')} or channels (${cov.channels.size} of 9)`);
const electronicShare = facts.filter((f) => ELECTRONIC.has(f.channel)).length / n;
const rarest = [...cov.rules].sort((a, b) => a[1] - b[1])[0]!;
const inputsLine = `Inputs: ${fmt(n)} random total fact sets (seeded), all 9 channels and all ${SPEC_RULES.length} rules of SPEC.md 5.3–5.4 hit (rarest: ${rarest[0]} × ${rarest[1]}); ${(electronicShare * 100).toFixed(1)}% electronic channels. Each area runs in a fresh process.`;

const t0 = performance.now();
const r =
  area === 'compiler' ? await benchCompiler(config, log)
  : area === 'engine' ? await benchEngine(config, pack.tables, facts, log)
  : area === 'api' ? await benchApi(config, pack, facts, log)
  : area === 'batch' ? await benchBatch(config, (f) => decide(pack.tables, f, { date: '2026-07-02' }), facts, scratch, log)
  : area === 'sql' ? await benchSql(config, pack.tables, (f, o) => decide(pack.tables, f, o), log)
  : area === 'module' ? await benchModule(config, pack.tables, facts, log)
  : area === 'http' ? await benchHttp(config, (f) => decide(pack.tables, f), facts, scratch, log)
  : area === 'startup' ? await benchStartup(config, log)
  : area === 'list' ? await benchList(config, pack.tables, log)
  : undefined;
if (!r) throw new Error(`bench: unknown area ${area}`);
process.stdout.write(`${r.text}\n`);
const inputs = { facts: n, rules: Object.fromEntries([...cov.rules].sort()), channels: Object.fromEntries(cov.channels) };
writeFileSync(out, JSON.stringify({ text: r.text, results: { ...r.results, seconds: (performance.now() - t0) / 1000, checksum: sink, inputs, inputsLine } }));
