/**
 * Area 3a, the developers' API (issue "API"), on the same random total fact sets for every
 * contender: the generated standalone module's `decide` against the hand-written referenceDecide
 * (goal ≥ 0.8× its throughput), the engine core, the interpreter; then the peer engines on the
 * electronic-channel subset (goal: 50× their throughput or more). Every contender's answers are
 * checked against referenceDecide before it is timed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Decision, InputError } from '../compiler/evaluate/types.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import { generateModule } from '../compiler/generate/module.ts';
import type { Pack } from '../compiler/pipeline.ts';
import { decideAssignment } from '../compiler/runtime/engine.ts';
import { referenceDecide, type ReferenceResult, type TotalFacts } from '../test/reference/spec-reference.ts';
import { ELECTRONIC, toAssignment } from './facts.ts';
import { compare, fmt, pct, table, verdict, type BenchConfig, type Throughput } from './harness.ts';
import { jsonRulesEnginePeer, verifyPeer, zenPeer, type Peer } from './peers.ts';

const DATE = '2026-07-02';

type DecideFn = (facts: unknown, options?: { date?: string; lang?: 'nb' | 'en' }) => Decision | { error: InputError };

/** The generated module, written to a temporary .mjs file and imported. */
export async function importGenerated(pack: Pack): Promise<{ decide: DecideFn; bytes: number }> {
  const source = generateModule(pack.tables);
  const file = join(mkdtempSync(join(tmpdir(), 'lovkode-bench-')), 'pack.mjs');
  writeFileSync(file, source);
  const mod = (await import(pathToFileURL(file).href)) as { decide: DecideFn };
  return { decide: mod.decide, bytes: Buffer.byteLength(source) };
}

const codes = (d: Decision): string => d.obligations.map((o) => o.code).sort().join(',');

/** Throws unless `decide` gives referenceDecide's outcome and obligations on every input. */
function verifyDecide(name: string, decide: (f: TotalFacts) => Decision | { error: InputError }, facts: readonly TotalFacts[]): void {
  facts.forEach((f, i) => {
    const d = decide(f);
    const r = referenceDecide(f);
    if ('error' in d || d.outcome !== r.outcome || codes(d) !== r.obligations.join(',')) {
      throw new Error(`bench: ${name} disagrees with referenceDecide on input ${i}: ${JSON.stringify('error' in d ? d : { outcome: d.outcome, obligations: codes(d) })} vs ${JSON.stringify(r)}`);
    }
  });
}

const ratioTo = (r: Throughput, base: Throughput): number => r.perSecond.median / base.perSecond.median;

/** Runs area 3a (generated module, reference, interpreter) and 3b (peers). */
export async function benchApi(config: BenchConfig, pack: Pack, facts: readonly TotalFacts[], log: (s: string) => void): Promise<{ text: string; results: object }> {
  const generated = await importGenerated(pack);
  const assignments = facts.map((f) => toAssignment(pack.tables, f));
  const ir = pack.ir;

  // The reference with the same full contract: its result mapped to the shared Decision once per rule result.
  const contracts = new Map<ReferenceResult, Decision>();
  for (const f of facts) {
    const r = referenceDecide(f);
    if (!contracts.has(r)) contracts.set(r, generated.decide(f) as Decision);
  }
  const referenceContract = (f: TotalFacts): Decision => contracts.get(referenceDecide(f))!;

  log(`api: verifying every contender on ${fmt(facts.length)} fact sets`);
  verifyDecide('generated decide(facts, {date})', (f) => generated.decide(f, { date: DATE, lang: 'nb' }), facts);
  verifyDecide('generated decide(facts)', (f) => generated.decide(f), facts);
  verifyDecide('reference + contract', referenceContract, facts);
  verifyDecide('decideAssignment', (f) => decideAssignment(pack.tables, toAssignment(pack.tables, f), DATE, 'nb'), facts);
  facts.forEach((f, i) => {
    const x = interpret(ir, assignments[i]!, DATE);
    const r = referenceDecide(f);
    const got = x.kind === 'decision' ? `${x.outcome}|${x.obligations.map((o) => ir.obligations[o]!.code).sort().join(',')}` : x.kind;
    if (got !== `${r.outcome}|${r.obligations.join(',')}`) throw new Error(`bench: the interpreter disagrees with referenceDecide on input ${i}: ${got}`);
  });

  const n = facts.length;
  log('api: timing decide');
  const results = await compare(
    [
      { name: 'referenceDecide (hand-written; codes only)', ops: n, run: () => facts.reduce((s, f) => s + referenceDecide(f).rule.length, 0) },
      { name: 'referenceDecide + shared contract lookup', ops: n, run: () => facts.reduce((s, f) => s + referenceContract(f).missing.length + 1, 0) },
      { name: 'generated decide(facts)', ops: n, run: () => facts.reduce((s, f) => s + ((generated.decide(f) as Decision).missing.length + 1), 0) },
      { name: 'generated decide(facts, {date, lang})', ops: n, run: () => facts.reduce((s, f) => s + ((generated.decide(f, { date: DATE, lang: 'nb' }) as Decision).missing.length + 1), 0) },
      { name: 'engine core decideAssignment (pre-validated)', ops: n, run: () => assignments.reduce((s, a) => s + ((decideAssignment(pack.tables, a, DATE, 'nb') as Decision).missing.length + 1), 0) },
      { name: 'interpreter (interpret on IR, pre-validated)', ops: n, run: () => assignments.reduce((s, a) => s + interpret(ir, a, DATE).kind.length, 0) },
    ],
    config,
  );
  const [ref, , genDefault, genDate, , interp] = results;
  const goalDefault = ratioTo(genDefault!, ref!);
  const goalDate = ratioTo(genDate!, ref!);
  const apiTable = table(
    `API: decide on ${fmt(n)} random total fact sets (every channel and all 37 spec rules hit); same inputs for all`,
    ['contender', 'decisions/s (median)', 'spread', 'µs/decision', 'vs reference', 'vs interpreter'],
    results.map((r) => [r.name, fmt(r.perSecond.median), pct(r.perSecond.spread), r.microsPerOp.toFixed(3), `${ratioTo(r, ref!).toFixed(3)}×`, `${ratioTo(r, interp!).toFixed(1)}×`]),
  );
  const apiLines = [
    `Generated decide(facts) vs referenceDecide: ${goalDefault.toFixed(3)}× (goal ≥ 0.8×) — ${verdict(goalDefault >= 0.8)}`,
    `Generated decide(facts, {date, lang}) vs referenceDecide: ${goalDate.toFixed(3)}× (goal ≥ 0.8×) — ${verdict(goalDate >= 0.8)}`,
    `(The generated decide returns the full contract — outcome, obligations with texts and citations, reasons, citations — as shared frozen objects; the reference returns codes. Module source: ${fmt(generated.bytes / 1024)} KB.)`,
  ];

  // Peers, on the electronic subset.
  const electronic = facts.filter((f) => ELECTRONIC.has(f.channel));
  const timed = electronic.slice(0, config.quick ? 2_000 : 5_000);
  const jre = jsonRulesEnginePeer();
  const zen = zenPeer();
  log(`api: verifying json-rules-engine and zen-engine on ${fmt(electronic.length)} electronic-channel inputs`);
  await verifyPeer('json-rules-engine', jre, electronic, 1);
  await verifyPeer('zen-engine', zen, electronic, 500);
  const oneAtATime = (peer: Peer) => async () => {
    let s = 0;
    for (const f of timed) s += (await peer(f)).rule.length;
    return s;
  };
  const batched = (peer: Peer, size: number) => async () => {
    let s = 0;
    for (let i = 0; i < timed.length; i += size) for (const a of await Promise.all(timed.slice(i, i + size).map(peer))) s += a.rule.length;
    return s;
  };
  log(`api: timing peers on ${fmt(timed.length)} electronic-channel inputs`);
  const peers = await compare(
    [
      { name: 'lovkode generated decide(facts)', ops: timed.length, run: () => timed.reduce((s, f) => s + ((generated.decide(f) as Decision).missing.length + 1), 0) },
      { name: 'referenceDecide (hand-written)', ops: timed.length, run: () => timed.reduce((s, f) => s + referenceDecide(f).rule.length, 0) },
      { name: 'json-rules-engine 7.3.1, await one at a time', ops: timed.length, run: oneAtATime(jre) },
      { name: 'zen-engine 0.54.0, await one at a time', ops: timed.length, run: oneAtATime(zen) },
      { name: 'zen-engine 0.54.0, Promise.all batches of 500', ops: timed.length, run: batched(zen, 500) },
    ],
    { ...config, rounds: config.quick ? 3 : 5 },
  );
  const lov = peers[0]!;
  // json-rules-engine is timed one at a time only: its first-match stop() is per engine, not per run.
  const peerRows = peers.slice(2);
  const worst = Math.min(...peerRows.map((p) => ratioTo(lov, p)));
  const peerTable = table(
    `Peers: scope + electronic rules (R01–R03, R10–R30), ${fmt(timed.length)} electronic-channel inputs; answers verified on all ${fmt(electronic.length)}`,
    ['contender', 'decisions/s (median)', 'spread', 'µs/decision', 'lovkode is … faster'],
    peers.map((p) => [p.name, fmt(p.perSecond.median), pct(p.perSecond.spread), p.microsPerOp.toFixed(3), p === lov ? '' : `${ratioTo(lov, p).toFixed(1)}×`]),
  );
  const peerLine = `lovkode vs the fastest peer setting: ${worst.toFixed(1)}× (goal ≥ 50×) — ${verdict(worst >= 50)}`;
  return {
    text: [apiTable, ...apiLines, peerTable, peerLine].join('\n'),
    results: {
      inputs: n,
      moduleBytes: generated.bytes,
      decide: results,
      goalGeneratedVsReference: { default: goalDefault, withDate: goalDate, goal: 0.8, verdictDefault: verdict(goalDefault >= 0.8), verdictWithDate: verdict(goalDate >= 0.8) },
      peers: { verifiedInputs: electronic.length, timedInputs: timed.length, results: peers, worstRatio: worst, goal: 50, verdict: verdict(worst >= 50) },
    },
  };
}
