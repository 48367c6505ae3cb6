/**
 * Runs the `example` blocks of a pack: each gives (possibly partial) facts and expects an outcome,
 * obligations, deciding rules or missing facts. Failures say what was expected and what came out.
 */
import type { Range } from '../ast/types.ts';
import type { IRPack } from '../ir/types.ts';
import { decideAssignment, today } from '../runtime/engine.ts';
import type { Tables } from '../runtime/tables.ts';

export interface ExampleFailure {
  expectation: 'outcome' | 'obligations' | 'rules' | 'missing' | 'pack';
  expected: string;
  actual: string;
}

export interface ExampleResult {
  name: string;
  range: Range;
  passed: boolean;
  failures: ExampleFailure[];
}

const list = (xs: readonly string[]): string => (xs.length > 0 ? [...xs].sort().join(', ') : 'none');

/** Runs every example of a lowered pack against its compiled tables. */
export function runExamples(ir: IRPack, tables: Tables): ExampleResult[] {
  return ir.examples.map((ex) => {
    const assignment = new Int32Array(ir.facts.length).fill(-1);
    for (const g of ex.given) assignment[g.fact] = g.value;
    const decision = decideAssignment(tables, assignment, ex.on ?? today(), 'en');
    const failures: ExampleFailure[] = [];
    if ('error' in decision) {
      failures.push({ expectation: 'pack', expected: 'a decision', actual: decision.error.message });
    } else {
      for (const e of ex.expect) {
        let expected: string;
        let actual: string;
        switch (e.kind) {
          case 'outcome':
            expected = e.outcome ?? 'undecided';
            actual = decision.outcome ?? `undecided (missing ${list(decision.missing)})`;
            if (e.outcome === decision.outcome) continue;
            break;
          case 'obligations':
            expected = list(e.codes);
            actual = list(decision.obligations.map((o) => o.code));
            break;
          case 'rules':
            expected = list(e.rules);
            actual = list(decision.reasons.map((r) => r.rule));
            break;
          case 'missing':
            expected = list(e.facts);
            actual = list(decision.missing);
            break;
        }
        if (expected !== actual) failures.push({ expectation: e.kind, expected, actual });
      }
    }
    return { name: ex.name, range: ex.range, passed: failures.length === 0, failures };
  });
}
