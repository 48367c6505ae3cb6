/**
 * Runs the `example` blocks of a pack: each gives (possibly partial) facts and expects an outcome,
 * obligations, deciding rules or missing facts. A fact an example does not give is unknown, unless
 * the example says `given typical`: then it takes its declared typical value. Failures say what was
 * expected and what came out; when a failure comes only from facts the example does not give (a
 * fact added to the pack after the example was written), the result names exactly those facts.
 */
import type { Range } from '../ast/types.ts';
import type { IRExample, IRPack } from '../ir/types.ts';
import { decideAssignment, today } from '../runtime/engine.ts';
import type { Tables } from '../runtime/tables.ts';

export interface ExampleFailure {
  expectation: 'outcome' | 'obligations' | 'rules' | 'missing' | 'pack';
  expected: string;
  actual: string;
  /** For a list: the names that came out but were not expected, and those expected that did not. */
  extra?: string[];
  lacking?: string[];
  /** For a pack that gives no answer: the error code (E_PACK_GAP, E_PACK_CONFLICT). */
  code?: string;
}

export interface ExampleResult {
  name: string;
  range: Range;
  passed: boolean;
  failures: ExampleFailure[];
  /** When the example fails only because it does not give these facts: the values that make it pass. */
  unnamed?: { fact: string; value: string; typical: boolean }[];
}

/** How many decisions the search for the facts behind a failure may take per example. */
const MAX_TRIES = 40;

const list = (xs: readonly string[]): string => (xs.length > 0 ? [...xs].sort().join(', ') : 'none');

/** The failures of one example on one assignment (value index per fact, -1 = unknown). */
function failuresOf(ex: IRExample, tables: Tables, assignment: Int32Array, asked?: Set<string>): ExampleFailure[] {
  const decision = decideAssignment(tables, assignment, ex.on ?? today(), 'en');
  if ('error' in decision) return [{ expectation: 'pack', expected: 'a decision', actual: decision.error.message, code: decision.error.code }];
  decision.missing.forEach((f) => asked?.add(f));
  const failures: ExampleFailure[] = [];
  const compare = (expectation: ExampleFailure['expectation'], want: readonly string[], got: readonly string[]) => {
    if (list(want) === list(got)) return;
    const extra = got.filter((x) => !want.includes(x)).sort();
    const lacking = want.filter((x) => !got.includes(x)).sort();
    failures.push({ expectation, expected: list(want), actual: list(got), ...(extra.length > 0 ? { extra } : {}), ...(lacking.length > 0 ? { lacking } : {}) });
  };
  for (const e of ex.expect) {
    switch (e.kind) {
      case 'outcome':
        if (e.outcome !== decision.outcome) {
          failures.push({ expectation: 'outcome', expected: e.outcome ?? 'undecided', actual: decision.outcome ?? `undecided (missing ${list(decision.missing)})` });
        }
        break;
      case 'obligations':
        compare('obligations', e.codes, decision.obligations.map((o) => o.code));
        break;
      case 'rules':
        compare('rules', e.rules, decision.reasons.map((r) => r.rule));
        break;
      case 'missing':
        compare('missing', e.facts, decision.missing);
        break;
    }
  }
  return failures;
}

/** The facts an example leaves unknown whose values make it pass: the typical values first (fewest needed), else one fact's value. */
function unnamedCause(ir: IRPack, ex: IRExample, tables: Tables, assignment: Int32Array, failures: ExampleFailure[], asked: Set<string>): ExampleResult['unnamed'] {
  const open = ir.facts.flatMap((_, f) => (assignment[f]! < 0 ? [f] : []));
  let budget = MAX_TRIES;
  const passes = (set: Map<number, number>) => {
    if (budget-- <= 0) return false;
    const a = Int32Array.from(assignment);
    for (const [f, v] of set) a[f] = v;
    return failuresOf(ex, tables, a).length === 0;
  };
  const describe = (set: Map<number, number>) =>
    [...set].map(([f, v]) => ({ fact: ir.facts[f]!.name, value: ir.facts[f]!.values[v]!, typical: ir.facts[f]!.typical === v }));
  /** One fact alone, its typical value first: deciding with many facts unknown is slow, so the likeliest come first. */
  const single = (facts: number[]) => {
    for (const f of facts) {
      const { typical, values } = ir.facts[f]!;
      const order = [...(typical === undefined ? [] : [typical]), ...values.keys()].filter((v, i, all) => all.indexOf(v) === i);
      for (const v of order) if (passes(new Map([[f, v]]))) return describe(new Map([[f, v]]));
    }
    return undefined;
  };
  // A fact a `missing` list has too many of is the likeliest cause.
  const extra = new Set(failures.flatMap((x) => (x.expectation === 'missing' ? (x.extra ?? []) : [])));
  const fromExtra = single(open.filter((f) => extra.has(ir.facts[f]!.name)));
  if (fromExtra) return fromExtra;
  const typical = new Map(open.flatMap((f) => (ir.facts[f]!.typical === undefined ? [] : [[f, ir.facts[f]!.typical!] as [number, number]])));
  if (typical.size > 0 && passes(typical)) {
    const likely = new Map([...typical].filter(([f]) => asked.has(ir.facts[f]!.name)));
    if (likely.size > 0 && likely.size < typical.size && passes(likely)) for (const f of [...typical.keys()]) if (!likely.has(f)) typical.delete(f);
    for (const f of [...typical.keys()]) {
      const v = typical.get(f)!;
      typical.delete(f);
      if (!passes(typical)) typical.set(f, v);
    }
    return describe(typical);
  }
  return single(open.filter((f) => asked.has(ir.facts[f]!.name)));
}

/** Runs every example of a lowered pack against its compiled tables. */
export function runExamples(ir: IRPack, tables: Tables): ExampleResult[] {
  return ir.examples.map((ex) => {
    const assignment = new Int32Array(ir.facts.length).fill(-1);
    if (ex.typical) ir.facts.forEach((f, i) => f.typical !== undefined && (assignment[i] = f.typical));
    for (const g of ex.given) assignment[g.fact] = g.value;
    const asked = new Set<string>();
    const failures = failuresOf(ex, tables, assignment, asked);
    const unnamed = failures.length > 0 && failures.every((f) => f.expectation !== 'pack') ? unnamedCause(ir, ex, tables, assignment, failures, asked) : undefined;
    return { name: ex.name, range: ex.range, passed: failures.length === 0, failures, ...(unnamed ? { unnamed } : {}) };
  });
}
