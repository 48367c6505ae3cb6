/**
 * Start-up of the `lovkode` command, side by side with a bare `node -e 0` in the same rounds:
 * `lovkode --version` (goal ≤ 1.3×), `lovkode decide --facts …` on the bundled pack (≤ 2×) and
 * `lovkode check rules/` (≤ 5×). Each round runs every command once as a fresh process, in a
 * rotating order; the ratio is taken per round (so a busy moment hits both sides) and reported as
 * the median with its range, next to the 1-minute load average during the runs. The CPU time each
 * process used (bench/cpu-report.mjs) is shown beside it: on a busy machine it is the steadier figure.
 * Runs the built CLI (lib/cli.js, `npm run build:lib`), exactly what `npx lovkode` runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, stat, table, verdict, type BenchConfig, type Stat } from './harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/lovkode.mjs', import.meta.url));
const CPU_HOOK = new URL('./cpu-report.mjs', import.meta.url).href;
// recipientOptedOut: revision 2 of the pack leaves a company address's decision open without it (R10a).
const FACTS = { channel: 'sms_mms', recipientType: 'generic_business_address', purpose: 'marketing', senderActsInBusiness: true, recipientOptedOut: false };

interface Command {
  name: string;
  args: string[];
  goal?: number;
  /** Checks the command's output, so a fast failure is not measured as a fast start. */
  ok: (stdout: string, status: number | null) => boolean;
}

const COMMANDS: Command[] = [
  { name: 'node -e 0', args: ['-e', '0'], ok: (_, s) => s === 0 },
  { name: 'lovkode --version', args: [BIN, '--version'], goal: 1.3, ok: (out, s) => s === 0 && /^lovkode \d/.test(out) },
  { name: 'lovkode decide --facts …', args: [BIN, 'decide', '--date', '2026-11-29', '--facts', JSON.stringify(FACTS)], goal: 2, ok: (out, s) => s === 0 && JSON.parse(out).outcome === 'allowed_with_conditions' },
  { name: 'lovkode check rules/', args: [BIN, 'check', 'rules/'], goal: 5, ok: (_, s) => s === 0 },
];

/** Runs one command as a fresh process: milliseconds from spawn to exit, and the CPU milliseconds it used. */
function time(cmd: Command): { ms: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, ...cmd.args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (!cmd.ok(r.stdout, r.status)) throw new Error(`bench: ${cmd.name} failed (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
  return { ms, cpu: Number(r.output[3]) / 1000 };
}

/** Measures start-up of the CLI against a bare Node start; see the file comment. */
export async function benchStartup(config: BenchConfig, log: (s: string) => void): Promise<{ text: string; results: object }> {
  if (!existsSync(fileURLToPath(new URL('../lib/cli.js', import.meta.url)))) throw new Error('bench: lib/cli.js is missing; run `npm run build:lib` first');
  const rounds = config.quick ? 5 : 15;
  log(`startup: ${COMMANDS.length} commands × ${rounds} rounds (after ${config.warmup} warm-up rounds)`);
  for (let w = 0; w < config.warmup; w++) for (const c of COMMANDS) time(c);
  const ms = COMMANDS.map(() => [] as number[]);
  const cpu = COMMANDS.map(() => [] as number[]);
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < COMMANDS.length; k++) {
      const i = (k + r) % COMMANDS.length;
      const t = time(COMMANDS[i]!);
      ms[i]!.push(t.ms);
      cpu[i]!.push(t.cpu);
    }
    loads.push(loadavg()[0]!);
  }
  const load = stat(loads);
  const base = ms[0]!;
  const figures = COMMANDS.map((c, i) => {
    const ratio: Stat = stat(ms[i]!.map((m, r) => m / base[r]!));
    const cpuRatio: Stat = stat(cpu[i]!.map((m, r) => m / cpu[0]![r]!));
    return { name: c.name, ms: stat(ms[i]!), ratio, cpuMs: stat(cpu[i]!), cpuRatio, goal: c.goal, verdict: c.goal === undefined ? undefined : verdict(ratio.median <= c.goal) };
  });
  const loadText = `load ${load.min.toFixed(1)}–${load.max.toFixed(1)}`;
  const rows = figures.map((f) => [
    f.name,
    fmt(f.ms.median, 1),
    `${fmt(f.ms.min, 1)}–${fmt(f.ms.max, 1)}`,
    `${f.ratio.median.toFixed(2)}×`,
    `${f.ratio.min.toFixed(2)}–${f.ratio.max.toFixed(2)}×`,
    fmt(f.cpuMs.median, 1),
    `${f.cpuRatio.median.toFixed(2)}×`,
    f.goal === undefined ? '—' : `≤ ${f.goal}×`,
  ]);
  const text = [
    table(`Start-up: fresh processes, ${rounds} interleaved rounds (1-min load average ${load.min.toFixed(2)}–${load.max.toFixed(2)}, median ${load.median.toFixed(2)})`, ['Command', 'Median ms', 'Range ms', 'vs node -e 0', 'Range (per round)', 'CPU ms', 'CPU vs node', 'Goal'], rows),
    ...figures.filter((f) => f.goal !== undefined).map((f) => `${f.name} vs node -e 0: ${f.ratio.median.toFixed(2)}× (${f.ratio.min.toFixed(2)}–${f.ratio.max.toFixed(2)}×, ${loadText}; CPU time ${f.cpuRatio.median.toFixed(2)}×) (goal ≤ ${f.goal}×) — ${f.verdict}`),
  ].join('\n');
  return { text, results: { rounds, loadAverage1m: load, commands: figures } };
}
