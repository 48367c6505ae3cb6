/**
 * Area 1, the compiler (issue "language"): parse + check throughput and the full compile, phase by
 * phase, for synthetic packs of 100, 1,000 and 10,000 rules; the growth from 1,000 to 10,000 rules
 * against the goal (within 12×); and decisions per second of the direct interpreter versus the
 * compiled diagram on the same random total facts.
 */
import { performance } from 'node:perf_hooks';
import { analyse } from '../compiler/analyse/index.ts';
import { check } from '../compiler/check/index.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import { build, freeze } from '../compiler/ir/compile.ts';
import { lower } from '../compiler/ir/lower.ts';
import { loadFiles, memoryHost } from '../compiler/load/index.ts';
import { decideAssignment } from '../compiler/runtime/engine.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import type { IRPack } from '../compiler/ir/types.ts';
import { randomAssignments } from './facts.ts';
import { compare, consume, fmt, pct, stat, table, verdict, type BenchConfig, type Stat, type Throughput } from './harness.ts';
import { syntheticPack } from './synthetic.ts';

const PHASES = ['load+parse', 'check', 'lower', 'build', 'analyse', 'freeze'] as const;
type Phase = (typeof PHASES)[number];

export interface CompileFigures {
  rules: number;
  lines: number;
  total: Stat;
  phases: Record<Phase, number>;
  /** Rules per second through load+parse and check (medians). */
  parseCheckRulesPerSecond: number;
  nodes: number;
}

/** One compile of a synthetic pack (its files by name) with every phase timed (ms); throws if the pack does not compile. */
function compileOnce(pack: Record<string, string>): { phases: Record<Phase, number>; ir: IRPack; tables: Tables } {
  const path = '/synthetic/main.lov';
  const host = memoryHost(Object.fromEntries(Object.entries(pack).map(([name, text]) => [`/synthetic/${name}`, text])));
  const t = [performance.now()];
  const loaded = loadFiles([path], host);
  t.push(performance.now());
  const checked = check(loaded.files);
  t.push(performance.now());
  const errors = [...loaded.diagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`bench: the synthetic pack does not compile: ${errors[0]!.code} ${errors[0]!.message.en}`);
  const ir = lower(checked.program, loaded.texts);
  t.push(performance.now());
  const built = build(ir);
  t.push(performance.now());
  const findings = analyse(ir, built);
  t.push(performance.now());
  const tables = freeze(ir, built);
  t.push(performance.now());
  if (findings.some((d) => d.severity === 'error')) throw new Error('bench: the synthetic pack has analysis errors');
  const phases = Object.fromEntries(PHASES.map((p, i) => [p, t[i + 1]! - t[i]!])) as Record<Phase, number>;
  return { phases, ir, tables };
}

/** The rounds per pack size: fewer for the big packs. */
function roundsFor(rules: number, config: BenchConfig): number {
  if (rules >= 10_000) return config.quick ? 1 : 3;
  if (rules >= 1_000) return config.quick ? 3 : 5;
  return config.quick ? 5 : 15;
}

/** Runs area 1 and returns its printed tables and figures. */
export async function benchCompiler(config: BenchConfig, log: (s: string) => void): Promise<{ text: string; results: object }> {
  const sizes = [100, 1_000, 10_000];
  const figures: CompileFigures[] = [];
  let last: { ir: IRPack; tables: Tables } | undefined;
  let mid: { ir: IRPack; tables: Tables } | undefined;
  for (const rules of sizes) {
    const pack = syntheticPack(rules);
    log(`compiler: synthetic pack of ${rules} rules`);
    const warm = compileOnce(pack); // warm-up (also the JIT for the smaller sizes)
    if (rules === 1_000) mid = warm;
    last = warm;
    const rounds = roundsFor(rules, config);
    const runs = Array.from({ length: rounds }, () => compileOnce(pack).phases);
    const totals = runs.map((p) => PHASES.reduce((s, k) => s + p[k], 0));
    const phases = Object.fromEntries(PHASES.map((k) => [k, stat(runs.map((p) => p[k])).median])) as Record<Phase, number>;
    const parseCheck = stat(runs.map((p) => p['load+parse'] + p.check)).median;
    figures.push({ rules: warm.ir.rules.length, lines: Object.values(pack).reduce((n, text) => n + text.split('\n').length, 0), total: stat(totals), phases, parseCheckRulesPerSecond: warm.ir.rules.length / (parseCheck / 1000), nodes: warm.tables.nodes.length });
  }
  const [, thousand, tenThousand] = figures;
  const growth = tenThousand!.total.median / thousand!.total.median;
  const growthPass = growth <= 12;

  const compileTable = table(
    'Compiler: synthetic packs (full compile = load → parse → check → lower → build → analyse → freeze)',
    ['rules', 'lines', 'parse+check rules/s', 'full compile ms (median)', 'spread', 'rounds', ...PHASES.map((p) => `${p} %`), 'diagram nodes'],
    figures.map((f) => {
      const sum = PHASES.reduce((s, k) => s + f.phases[k], 0);
      return [
        fmt(f.rules), fmt(f.lines), fmt(f.parseCheckRulesPerSecond), fmt(f.total.median, 1), pct(f.total.spread), f.total.rounds,
        ...PHASES.map((k) => ((100 * f.phases[k]) / sum).toFixed(1)), fmt(f.nodes),
      ];
    }),
  );
  const growthLine = `Growth 10,000 vs 1,000 rules: ${growth.toFixed(2)}× (goal: within 12×) — ${verdict(growthPass)}`;

  // Interpreter vs compiled diagram, same random total facts, on the 1,000- and 10,000-rule packs.
  const interp: { pack: number; results: Throughput[] }[] = [];
  for (const p of [mid!, last!]) {
    // The interpreter walks every rule: ~1 ms a decision on the 10,000-rule pack, so fewer inputs there.
    const n = (config.quick ? 2_000 : 10_000) / (p === last ? 10 : 1);
    const inputs = randomAssignments(p.tables, n, 7);
    const date = '2026-07-02';
    for (const a of inputs.slice(0, 200)) {
      const i = interpret(p.ir, a, date);
      const d = decideAssignment(p.tables, a, date, 'nb');
      const outcome = 'error' in d ? null : d.outcome;
      if (i.kind !== 'decision' || i.outcome !== outcome) throw new Error('bench: interpreter and compiled diagram disagree on a synthetic pack');
    }
    log(`compiler: interpreter vs diagram on ${p.ir.rules.length} rules`);
    const results = await compare(
      [
        { name: 'interpreter (interpret on IR)', ops: n, run: () => inputs.reduce((s, a) => s + interpret(p.ir, a, date).kind.length, 0) },
        { name: 'compiled diagram (decideAssignment)', ops: n, run: () => inputs.reduce((s, a) => s + ('error' in decideAssignment(p.tables, a, date, 'nb') ? 1 : 2), 0) },
      ],
      { ...config, rounds: config.quick ? 3 : 5 },
    );
    interp.push({ pack: p.ir.rules.length, results });
    consume(results.length);
  }
  const interpTable = table(
    'Interpreter vs compiled diagram: decisions per second on random total facts (synthetic packs)',
    ['pack', 'contender', 'decisions/s (median)', 'spread', 'µs/decision', 'vs interpreter'],
    interp.flatMap(({ pack, results }) =>
      results.map((r) => [`${fmt(pack)} rules`, r.name, fmt(r.perSecond.median), pct(r.perSecond.spread), r.microsPerOp.toFixed(2), `${(r.perSecond.median / results[0]!.perSecond.median).toFixed(1)}×`]),
    ),
  );
  return {
    text: [compileTable, growthLine, interpTable].join('\n'),
    results: { synthetic: figures, growth10kVs1k: { ratio: growth, goal: 12, verdict: verdict(growthPass) }, interpreter: interp },
  };
}
