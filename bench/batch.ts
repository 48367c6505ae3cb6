/**
 * Area 3c, batch decisions: `lovkode decide --batch` in process (the built run() with file and null streams)
 * and as the real CLI process on a file, against a plain read-split-write loop over the same NDJSON
 * file (readline, JSON.parse, JSON.stringify per line) and that loop with decide added; and the
 * memory of the real CLI process streaming a 1,000,000-line file (RSS sampled as the lines come out).
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, openSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decisionLine } from '../compiler/cli/batch.ts';
import type { run } from '../compiler/cli/main.ts';
import type { Decision, InputError } from '../compiler/evaluate/types.ts';
import { referenceDecide, type TotalFacts } from '../test/reference/spec-reference.ts';
import { fmt, pct, stat, table, verdict, type BenchConfig, type Stat } from './harness.ts';

const DATE = '2026-07-02';
const BIN = fileURLToPath(new URL('../bin/lovkode.mjs', import.meta.url));
const LIB_CLI = fileURLToPath(new URL('../lib/cli.js', import.meta.url));

/** Every second line of the batch is partial: the first half of its facts only (the answer is then often open). */
function partial(facts: TotalFacts): Partial<TotalFacts> {
  const keys = Object.keys(facts) as (keyof TotalFacts)[];
  return Object.fromEntries(keys.slice(0, Math.ceil(keys.length / 2)).map((k) => [k, facts[k]])) as Partial<TotalFacts>;
}

/** Writes `lines` NDJSON lines, cycling through the facts, odd lines partial; returns the file's size in bytes. */
export async function writeNdjson(path: string, facts: readonly TotalFacts[], lines: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < lines; i++) {
    const f = facts[i % facts.length]!;
    const line = `${JSON.stringify(i % 2 === 1 ? partial(f) : f)}\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** A writable that drops what it gets, counting its bytes (and keeping the first `keep` characters). */
function nullSink(keep = 0): Writable & { bytes: number; kept: string } {
  const sink = new Writable({
    // Counts without decoding (a null device does not decode what it gets); decodes only what it keeps.
    write(chunk: Buffer | string, _enc, cb) {
      sink.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (sink.kept.length < keep) sink.kept += chunk.toString();
      cb();
    },
  }) as Writable & { bytes: number; kept: string };
  sink.bytes = 0;
  sink.kept = '';
  return sink;
}

/**
 * The built CLI's run() (lib/cli.js, what `lovkode` runs, as the real process below does). Not the
 * TypeScript sources: tsx, which runs the bench, keeps function names by wrapping every function it
 * makes (`__name`), also the closures the engine makes per call, which the built code does not do;
 * that made the in-process batch about a third slower than the same code built (2026-12-02).
 */
let builtRun: Promise<typeof run> | undefined;

/** `lovkode decide --batch` in process: run() with the file as stdin and a null stdout. */
async function inProcessBatch(file: string, keep = 0): Promise<{ bytes: number; kept: string }> {
  const stdout = nullSink(keep);
  const stderr = nullSink(4096);
  builtRun ??= import(pathToFileURL(LIB_CLI).href).then((m: { run: typeof run }) => m.run);
  const code = await (await builtRun)(['decide', '--batch', '--date', DATE], { stdin: createReadStream(file), stdout, stderr, cwd: process.cwd(), color: false });
  if (code !== 0) throw new Error(`bench: lovkode decide --batch exited ${code}: ${stderr.kept}`);
  return stdout;
}

/** The plain loop: readline, JSON.parse, JSON.stringify and write per line. */
async function plainLoop(file: string): Promise<number> {
  const sink = nullSink();
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    if (!sink.write(`${JSON.stringify(JSON.parse(line))}\n`)) await once(sink, 'drain');
  }
  return sink.bytes;
}

/** The real CLI as a child process, stdin from the file, stdout to /dev/null; wall-clock ms. */
async function cliProcess(file: string): Promise<number> {
  const input = openSync(file, 'r');
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'decide', '--batch', '--date', DATE], { stdio: [input, 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  const [code] = (await once(child, 'exit')) as [number];
  closeSync(input);
  if (code !== 0) throw new Error(`bench: the lovkode process exited ${code}: ${err}`);
  return performance.now() - t0;
}

/** Resident memory of a process from /proc (MB): current and peak; undefined once it has exited. */
function procMemory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? NaN);
    return { rss: kb('VmRSS:') / 1024, hwm: kb('VmHWM:') / 1024 };
  } catch {
    return undefined;
  }
}

/** Streams a big file through the real CLI, sampling its memory every `every` lines of output. */
async function memoryCurve(file: string, lines: number, every: number): Promise<{ lines: number; rssMB: number; peakMB: number }[]> {
  const input = openSync(file, 'r');
  const child = spawn(process.execPath, [BIN, 'decide', '--batch', '--date', DATE], { stdio: [input, 'pipe', 'ignore'] });
  const samples: { lines: number; rssMB: number; peakMB: number }[] = [];
  let count = 0;
  let next = every;
  child.stdout!.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
    if (count >= next || count >= lines) {
      const m = procMemory(child.pid!);
      if (m) samples.push({ lines: count, rssMB: m.rss, peakMB: m.hwm });
      while (next <= count) next += every;
    }
  });
  const [code] = (await once(child, 'exit')) as [number];
  closeSync(input);
  if (code !== 0 || count !== lines) throw new Error(`bench: the memory run exited ${code} after ${count} of ${lines} lines`);
  return samples;
}

/** Runs area 3c. `dir` is a scratch directory for the NDJSON files. */
export async function benchBatch(
  config: BenchConfig,
  decide: (facts: unknown) => Decision | { error: InputError },
  facts: readonly TotalFacts[],
  dir: string,
  log: (s: string) => void,
): Promise<{ text: string; results: object }> {
  const n = config.quick ? 20_000 : 100_000;
  const file = `${dir}/batch-${n}.ndjson`;
  const inBytes = await writeNdjson(file, facts, n);
  const empty = `${dir}/empty.ndjson`;
  await writeNdjson(empty, facts, 0);

  // Check the batch's answers on the first lines against the reference before timing.
  const checked = await inProcessBatch(file, 2_000_000);
  const outLines = checked.kept.split('\n').slice(0, -1);
  outLines.slice(0, 1000).forEach((line, i) => {
    if (i % 2 === 1) return; // a partial line: the reference decides complete facts only
    const d = JSON.parse(line) as Decision;
    const r = referenceDecide(facts[i % facts.length]!);
    if (d.outcome !== r.outcome || d.obligations.map((o) => o.code).sort().join(',') !== r.obligations.join(',')) {
      throw new Error(`bench: decide --batch line ${i + 1} disagrees with referenceDecide`);
    }
  });
  const outBytes = checked.bytes;

  log(`batch: ${fmt(n)} lines in process and through the plain loops`);
  const rounds = config.quick ? 2 : 4;
  const timedVariants: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'plain loop: readline + JSON.parse + JSON.stringify(facts)', run: () => plainLoop(file) },
    { name: 'plain loop + decide + decisionLine (JSON of the contract)', run: () => plainLoopLines(file, decide) },
    { name: 'lovkode decide --batch, in process (the built run() with streams)', run: () => inProcessBatch(file) },
  ];
  for (const v of timedVariants) await v.run();
  const samples = timedVariants.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < timedVariants.length; k++) {
      const i = (k + r) % timedVariants.length;
      const t0 = performance.now();
      await timedVariants[i]!.run();
      samples[i]!.push(n / ((performance.now() - t0) / 1000));
    }
  }
  log('batch: the real CLI process');
  const startup = stat(await repeat(rounds, () => cliProcess(empty)));
  const cliMs = stat(await repeat(rounds, () => cliProcess(file)));
  const cliRows: Stat = stat([cliMs.min, cliMs.median, cliMs.max].map((ms) => n / (ms / 1000)));
  const cliNet = n / ((cliMs.median - startup.median) / 1000);
  const rows = timedVariants.map((v, i) => ({ name: v.name, rowsPerSecond: stat(samples[i]!) }));
  rows.push({ name: `lovkode decide --batch, real process on the file (incl. ${fmt(startup.median)} ms start-up)`, rowsPerSecond: cliRows });
  const plain = rows[0]!.rowsPerSecond.median;
  const batchTable = table(
    `Batch: ${fmt(n)} NDJSON lines, every second one partial (${fmt(inBytes / n)} bytes in, ${fmt(outBytes / n)} bytes out per line on average)`,
    ['pipeline', 'rows/s (median)', 'spread', 'vs plain loop'],
    [
      ...rows.map((r) => [r.name, fmt(r.rowsPerSecond.median), pct(r.rowsPerSecond.spread), `${(r.rowsPerSecond.median / plain).toFixed(2)}×`]),
      ['  the same process without its start-up', fmt(cliNet), '', `${(cliNet / plain).toFixed(2)}×`],
    ],
  );

  const big = config.quick ? 300_000 : 1_000_000;
  const bigFile = `${dir}/batch-${big}.ndjson`;
  log(`batch: memory of the real CLI over ${fmt(big)} lines`);
  await writeNdjson(bigFile, facts, big);
  const t0 = performance.now();
  const curve = await memoryCurve(bigFile, big, 100_000);
  const bigSeconds = (performance.now() - t0) / 1000;
  const at = (k: number) => curve.find((s) => s.lines >= k);
  const first = at(100_000);
  const lastSample = curve[curve.length - 1];
  const memTable = table(
    `Memory: the real CLI process streaming ${fmt(big)} lines (${fmt(big / bigSeconds)} rows/s through a pipe), RSS from /proc`,
    ['lines out', 'RSS MB', 'peak RSS MB so far'],
    curve.map((s) => [fmt(s.lines), s.rssMB.toFixed(1), s.peakMB.toFixed(1)]),
  );
  // Flat: the peak at the last sample at most 10 % above the peak at 100,000 lines (GC timing alone moves it a few MB).
  const growthMB = first && lastSample ? lastSample.peakMB - first.peakMB : NaN;
  const flat = growthMB <= 0.1 * (first?.peakMB ?? 0);
  const memLine = first && lastSample
    ? `Peak RSS at ${fmt(first.lines)} lines: ${first.peakMB.toFixed(1)} MB; at ${fmt(lastSample.lines)} lines: ${lastSample.peakMB.toFixed(1)} MB (growth ${growthMB.toFixed(1)} MB; goal: flat, at most 10 % growth) — ${verdict(flat)}`
    : 'Memory samples missing (the process ended before /proc could be read)';
  const batchVsPlain = rows[2]!.rowsPerSecond.median / plain;
  const goalLine = `decide --batch vs the plain loop, in process: ${batchVsPlain.toFixed(2)}× (real process ${(cliRows.median / plain).toFixed(2)}×, ${(cliNet / plain).toFixed(2)}× without its start-up; goal ≥ 0.8×) — ${verdict(batchVsPlain >= 0.8)}`;
  return {
    text: [batchTable, goalLine, memTable, memLine].join('\n'),
    results: {
      lines: n, bytesInPerLine: inBytes / n, bytesOutPerLine: outBytes / n,
      rowsPerSecond: Object.fromEntries(rows.map((r) => [r.name, r.rowsPerSecond])),
      cliStartupMs: startup, cliMs, cliRowsPerSecondWithoutStartup: cliNet,
      /** `decide --batch` in process against the plain read-parse-stringify loop (goal ≥ 0.8). */
      batchVsPlain, goal: 0.8, verdict: verdict(batchVsPlain >= 0.8),
      memory: { lines: big, seconds: bigSeconds, curve, growthMB, verdict: verdict(flat) },
    },
  };
}

/** The plain loop with decide and the CLI's own decisionLine (what a hand-rolled batch would do). */
async function plainLoopLines(file: string, decide: (facts: unknown) => Decision | { error: InputError }): Promise<number> {
  const sink = nullSink();
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    if (!sink.write(`${decisionLine(decide(JSON.parse(line)) as Decision)}\n`)) await once(sink, 'drain');
  }
  return sink.bytes;
}

async function repeat<T>(times: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await fn());
  return out;
}
