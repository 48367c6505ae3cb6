/**
 * The measuring kit of `npm run bench`: rounds of a workload timed with performance.now(), the
 * contenders of one comparison interleaved round by round (so drift of a shared machine hits all of
 * them alike), medians with their spread, a seeded random source and the plain-text tables.
 */
import { performance } from 'node:perf_hooks';

/** Settings shared by every area: `--quick` shrinks them. */
export interface BenchConfig {
  quick: boolean;
  /** Timed rounds per measurement (after warm-up). */
  rounds: number;
  /** Untimed warm-up rounds per contender. */
  warmup: number;
}

/** Summary of one measured quantity over the rounds. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, as a fraction. */
  spread: number;
  rounds: number;
}

/** Median, extremes and relative spread of some samples: `stat([3, 1, 2])`. */
export function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, spread: median === 0 ? 0 : (s[s.length - 1]! - s[0]!) / median, rounds: s.length };
}

/** Anything a benchmark computes is folded in here, so the work cannot be optimised away. */
export let sink = 0;
/** Folds a value into the sink. */
export function consume(x: number): void {
  sink = (sink + x) | 0;
}

/** One contender of a throughput comparison: `run()` does `ops` operations and returns a checksum. */
export interface Contender {
  name: string;
  ops: number;
  run: () => number | Promise<number>;
}

/** Throughput of one contender: operations per second over the rounds (median and spread). */
export interface Throughput {
  name: string;
  ops: number;
  /** Operations per second. */
  perSecond: Stat;
  /** Median microseconds per operation. */
  microsPerOp: number;
  /** Operations per second in each round, in the order of the rounds. */
  samples: number[];
}

/**
 * The ratio of two contenders' throughput round by round (`a` over `b`), for contenders timed in
 * the same `compare`: each round times both close together, so a slower or faster spell of a shared
 * machine hits both sides of a ratio alike and cancels out, where a ratio of medians taken over all
 * rounds keeps it. `pairedRatio(generated, baseline).median`.
 */
export function pairedRatio(a: Throughput, b: Throughput): Stat {
  return stat(a.samples.map((x, r) => x / b.samples[r]!));
}

/** Times contenders side by side: warm-up, then `rounds` rounds in a rotating order. */
export async function compare(contenders: Contender[], config: BenchConfig): Promise<Throughput[]> {
  for (const c of contenders) for (let i = 0; i < config.warmup; i++) consume(await c.run());
  const samples = contenders.map(() => [] as number[]);
  for (let r = 0; r < config.rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length;
      const c = contenders[i]!;
      const t0 = performance.now();
      consume(await c.run());
      const ms = performance.now() - t0;
      samples[i]!.push(c.ops / (ms / 1000));
    }
  }
  return contenders.map((c, i) => {
    const perSecond = stat(samples[i]!);
    return { name: c.name, ops: c.ops, perSecond, microsPerOp: 1e6 / perSecond.median, samples: samples[i]! };
  });
}

/** Times a function `rounds` times after `warmup` untimed calls; milliseconds per call. */
export async function timeMs(fn: () => unknown, rounds: number, warmup: number): Promise<Stat> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stat(samples);
}

/** A small, fast, seeded random source (mulberry32): `rng(42)()` ∈ [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number with thousands separators and at most `digits` significant decimals: `fmt(12345.6)` → "12,346". */
export function fmt(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 10 && digits === 0) return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A spread as "±x%" (half the range relative to the median). */
export function pct(spread: number): string {
  return `±${(spread * 50).toFixed(spread < 0.2 ? 1 : 0)}%`;
}

/** A plain-text table with a title; numbers right-aligned. */
export function table(title: string, head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`\n${title}`, line(head), rule, ...cells.slice(1).map(line)].join('\n');
}

/** PASS or FAIL with the goal, for the tables and results.json. */
export function verdict(pass: boolean): 'PASS' | 'FAIL' {
  return pass ? 'PASS' : 'FAIL';
}
