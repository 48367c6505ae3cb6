/**
 * Area `http`, the web API under load: requests per second and latency (median, p99) at
 * concurrency 50 for `POST /v1/decide` against `GET` of a small static file of about the same size
 * from the same server process (bench/http-server.ts), over loopback, rounds interleaved. The client
 * is a small loop of our own on node:http with a keep-alive agent (no autocannon: one dependency
 * fewer, and the same client measures both). No compression (the client sends no Accept-Encoding).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Decision, InputError } from '../compiler/evaluate/types.ts';
import type { TotalFacts } from '../test/reference/spec-reference.ts';
import { fmt, pct, stat, table, type BenchConfig, type Stat } from './harness.ts';

const SERVER = fileURLToPath(new URL('./http-server.ts', import.meta.url));
const CONCURRENCY = 50;
/** No round runs longer than this, whatever the request count. */
const MAX_ROUND_MS = 20_000;

interface Load {
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Sends `total` requests with `concurrency` in flight (or stops at the time limit); latencies in ms. */
async function load(base: string, target: { method: string; path: string; bodies?: string[] }, total: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = new Float64Array(total);
  let issued = 0;
  let completed = 0;
  let failed = 0;
  const t0 = performance.now();
  const one = (body: string | undefined): Promise<number> =>
    new Promise((resolve, reject) => {
      const headers = body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
      const req = request(`${base}${target.path}`, { method: target.method, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const worker = async (): Promise<void> => {
    while (issued < total && performance.now() - t0 < MAX_ROUND_MS) {
      const i = issued++;
      const started = performance.now();
      const status = await one(target.bodies?.[i % target.bodies.length]);
      latencies[completed++] = performance.now() - started;
      if (status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = latencies.slice(0, completed).sort();
  const at = (q: number) => sorted[Math.min(completed - 1, Math.floor(q * completed))]!;
  return { completed, failed, seconds, perSecond: completed / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Runs the area; `decide` makes the static file's content (one decision, so both answers are alike in size). */
export async function benchHttp(
  config: BenchConfig,
  decide: (facts: unknown) => Decision | { error: InputError },
  facts: readonly TotalFacts[],
  dir: string,
  log: (s: string) => void,
): Promise<{ text: string; results: object }> {
  const first = decide(facts[0]);
  const staticFile = `${dir}/static.json`;
  writeFileSync(staticFile, JSON.stringify(first));
  const bodies = facts.slice(0, 1000).map((f) => JSON.stringify(f));
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, staticFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const base = chunk.toString().trim();
    const total = config.quick ? 4_000 : 20_000;
    const rounds = config.quick ? 2 : 4;
    const targets = [
      { name: 'GET a static file (same server, same headers layer)', method: 'GET', path: '/static.json' },
      { name: 'POST /v1/decide (complete facts, 1,000 different bodies)', method: 'POST', path: '/v1/decide', bodies },
    ];
    log(`http: warm-up, then ${rounds} rounds of ${fmt(total)} requests per target at concurrency ${CONCURRENCY}`);
    for (const t of targets) await load(base, t, 2_000);
    const loadBefore = loadavg()[0]!;
    const runs: Load[][] = targets.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < targets.length; k++) {
        const i = (k + r) % targets.length;
        const result = await load(base, targets[i]!, total);
        if (result.failed > 0) throw new Error(`bench: ${result.failed} of ${result.completed} requests to ${targets[i]!.path} failed`);
        runs[i]!.push(result);
      }
    }
    const loadAfter = loadavg()[0]!;
    const summary = targets.map((t, i) => {
      const perSecond: Stat = stat(runs[i]!.map((x) => x.perSecond));
      return { name: t.name, perSecond, p50: stat(runs[i]!.map((x) => x.p50)), p99: stat(runs[i]!.map((x) => x.p99)), requests: runs[i]!.reduce((s, x) => s + x.completed, 0) };
    });
    const ratio = summary[1]!.perSecond.median / summary[0]!.perSecond.median;
    const rows = summary.map((s, i) => [s.name, fmt(s.perSecond.median), pct(s.perSecond.spread), fmt(s.p50.median, 2), fmt(s.p99.median, 2), i === 0 ? '1×' : `${ratio.toFixed(2)}×`]);
    const text = `${table(
      `HTTP: concurrency ${CONCURRENCY}, ${rounds} rounds of ${fmt(total)} requests each, loopback, client and server on the same ${'2-core'} machine`,
      ['Target', 'requests/s', 'spread', 'p50 ms', 'p99 ms', 'vs static'],
      rows,
    )}\nLoad average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after. Client: own node:http loop, keep-alive, no compression.`;
    return {
      text,
      results: {
        concurrency: CONCURRENCY,
        requestsPerRound: total,
        rounds,
        client: 'own loop on node:http (keep-alive agent, 50 sockets)',
        targets: summary,
        decideVsStatic: ratio,
        loadAverage: { before: loadBefore, after: loadAfter },
      },
    };
  } finally {
    child.kill();
  }
}
