/**
 * Area 2, the engine on the Norwegian pack (issue "analysis/questionnaire"): the whole compile with
 * analysis (cold in a fresh process, and warm, phase by phase), the next question on realistic
 * partial answers, decide on those partial answers, and the questionnaire state replayed from
 * total answers (what the site computes per page).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyse } from '../compiler/analyse/index.ts';
import { check } from '../compiler/check/index.ts';
import type { FactInput } from '../compiler/evaluate/types.ts';
import { build, freeze } from '../compiler/ir/compile.ts';
import { lower } from '../compiler/ir/lower.ts';
import { loadFiles } from '../compiler/load/index.ts';
import { DEFAULT_RULES } from '../compiler/pipeline.ts';
import { nextQuestion } from '../compiler/runtime/ask.ts';
import { decide } from '../compiler/runtime/engine.ts';
import { questionnaireState } from '../compiler/runtime/questionnaire.ts';
import { questionnaireStats } from '../compiler/analyse/questionnaire.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import type { TotalFacts } from '../test/reference/spec-reference.ts';
import { questionnairePaths } from './facts.ts';
import { compare, fmt, pct, stat, table, verdict, type BenchConfig } from './harness.ts';

const PHASES = ['load+parse', 'check', 'lower', 'build', 'analyse', 'freeze'] as const;
const DATE = '2026-07-02';

/** One compile of rules/main.lov with every phase timed (ms). */
export function compileNorwegian(): { phases: Record<string, number>; total: number; findings: number } {
  const t = [performance.now()];
  const loaded = loadFiles([DEFAULT_RULES]);
  t.push(performance.now());
  const checked = check(loaded.files);
  t.push(performance.now());
  const ir = lower(checked.program, loaded.texts);
  t.push(performance.now());
  const built = build(ir);
  t.push(performance.now());
  const findings = analyse(ir, built);
  t.push(performance.now());
  freeze(ir, built);
  t.push(performance.now());
  const phases = Object.fromEntries(PHASES.map((p, i) => [p, t[i + 1]! - t[i]!]));
  return { phases, total: t[t.length - 1]! - t[0]!, findings: findings.length };
}

/** The cold compile in fresh processes (bench/cold-compile.ts), `runs` times. */
function coldCompiles(runs: number): { importMs: number; compileMs: number }[] {
  const script = fileURLToPath(new URL('./cold-compile.ts', import.meta.url));
  return Array.from({ length: runs }, () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`bench: cold compile failed: ${out.stderr}`);
    return JSON.parse(out.stdout.trim().split('\n').pop()!) as { importMs: number; compileMs: number };
  });
}

/** Runs area 2 on the Norwegian pack's tables with the shared total facts. */
export async function benchEngine(config: BenchConfig, tables: Tables, facts: readonly TotalFacts[], log: (s: string) => void): Promise<{ text: string; results: object }> {
  log('engine: compile of rules/main.lov (cold, in fresh processes)');
  const cold = coldCompiles(config.quick ? 1 : 3);
  const coldCompile = stat(cold.map((c) => c.compileMs));
  const coldImport = stat(cold.map((c) => c.importMs));
  log('engine: compile of rules/main.lov (warm)');
  for (let i = 0; i < config.warmup + 1; i++) compileNorwegian();
  const warmRuns = Array.from({ length: config.quick ? 5 : 15 }, () => compileNorwegian());
  const warm = stat(warmRuns.map((r) => r.total));
  const phaseMedians = Object.fromEntries(PHASES.map((p) => [p, stat(warmRuns.map((r) => r.phases[p]!)).median]));
  const compilePass = coldCompile.median < 1000;

  const compileTable = table(
    'Engine: the Norwegian pack (rules/main.lov), compile + analysis',
    ['measurement', 'ms (median)', 'spread', 'runs', ...PHASES.map((p) => `${p} ms`)],
    [
      ['cold: first compilePack in a fresh process', fmt(coldCompile.median, 1), pct(coldCompile.spread), coldCompile.rounds, ...PHASES.map(() => '')],
      ['cold: importing the compiler (tsx)', fmt(coldImport.median, 1), pct(coldImport.spread), coldImport.rounds, ...PHASES.map(() => '')],
      ['warm: load → … → freeze, in process', fmt(warm.median, 1), pct(warm.spread), warm.rounds, ...PHASES.map((p) => fmt(phaseMedians[p]!, 1))],
    ],
  );
  const compileLine = `Compile + analysis of the Norwegian pack, cold: ${fmt(coldCompile.median, 1)} ms (goal: well under 1 s) — ${verdict(compilePass)}`;

  // Realistic partial answers: the questionnaire's own path through each fact set.
  const sample = facts.slice(0, config.quick ? 150 : 500);
  const ask = (p: FactInput, declined: string[]) => nextQuestion(tables, p, { date: DATE, lang: 'nb', declined });
  const states = questionnairePaths(sample, ask);
  const open = states.filter((s) => {
    const d = decide(tables, s, { date: DATE });
    return !('error' in d) && d.outcome === null;
  });
  const answers = sample as unknown as FactInput[];
  log(`engine: next question on ${states.length} partial answer sets`);
  const results = await compare(
    [
      { name: 'nextQuestion (partial answers, questionnaire paths)', ops: states.length, run: () => states.reduce((s, p) => s + ('error' in ask(p, []) ? 0 : 1), 0) },
      { name: 'decide on the same partial answers', ops: states.length, run: () => states.reduce((s, p) => s + ('error' in decide(tables, p, { date: DATE }) ? 0 : 1), 0) },
      { name: 'questionnaireState (replay of total answers)', ops: answers.length, run: () => answers.reduce((s, a) => s + ('error' in questionnaireState(tables, a, { date: DATE }) ? 0 : 1), 0) },
    ],
    { ...config, rounds: config.quick ? 3 : 5 },
  );
  const questionsPerPath = states.length / sample.length;
  const qTable = table(
    `Engine: questionnaire on realistic partial answers (${fmt(states.length)} states from ${fmt(sample.length)} paths, ${questionsPerPath.toFixed(1)} per path; ${fmt(open.length)} still open)`,
    ['operation', 'µs/call (median)', 'calls/s', 'spread'],
    results.map((r) => [r.name, r.microsPerOp.toFixed(1), fmt(r.perSecond.median), pct(r.perSecond.spread)]),
  );
  // How many questions: expected under the typical answers (each fact's typical answer 70 %), per
  // channel, as the questionnaire chooses them and, for comparison, in declaration order.
  const channel = tables.facts.findIndex((f) => f.name === 'channel');
  const lengths = (['chosen', 'declared'] as const).map((policy) => {
    const perChannel = tables.facts[channel]!.values.map((name, v) => {
      const answered = new Int32Array(tables.facts.length).fill(-1);
      answered[channel] = v;
      return { channel: name, typical: 1 + questionnaireStats(tables, DATE, answered, policy).typicalQuestions };
    });
    const all = questionnaireStats(tables, DATE, undefined, policy);
    return { policy, typical: all.typicalQuestions, mean: all.meanQuestions, max: all.maxQuestions, perChannel };
  });
  const lengthTable = table(
    'Questionnaire length: expected questions under the typical answers (typical answer 70 %, the others evenly)',
    ['order', 'all', ...tables.facts[channel]!.values],
    lengths.map((l) => [l.policy === 'chosen' ? 'as chosen (declared order, then fewest expected)' : 'declaration order', l.typical.toFixed(2), ...l.perChannel.map((c) => c.typical.toFixed(2))]),
  );
  return {
    text: [compileTable, compileLine, qTable, lengthTable].join('\n'),
    results: {
      compile: {
        coldMs: coldCompile, coldImportMs: coldImport, warmMs: warm, warmPhasesMs: phaseMedians,
        findings: warmRuns[0]!.findings, goalMs: 1000, verdict: verdict(compilePass),
      },
      questionnaire: { states: states.length, paths: sample.length, openStates: open.length, results, lengths },
    },
  };
}
