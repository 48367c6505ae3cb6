/**
 * The hand-written reference (test/reference/spec-reference.ts) reproduces every public scenario of
 * SPEC.md: outcome, obligations and the id of the deciding rule. The scenarios are the repository's
 * copy in test/data/legal/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceDecide, type TotalFacts } from './reference/spec-reference.ts';

interface Scenario {
  id: string;
  facts: TotalFacts;
  expected: string;
  obligations: string[];
  rule: string;
}

const file = fileURLToPath(new URL('./data/legal/scenarios.json', import.meta.url));
const scenarios = (JSON.parse(readFileSync(file, 'utf8')) as { scenarios: Scenario[] }).scenarios;

describe('reference implementation of SPEC.md section 8', () => {
  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThan(40);
  });

  for (const s of scenarios) {
    it(`${s.id}: ${s.expected} by ${s.rule}`, () => {
      const r = referenceDecide(s.facts);
      expect(r.outcome).toBe(s.expected.toLowerCase());
      expect([...r.obligations]).toEqual([...s.obligations].sort());
      expect(r.rule).toBe(s.rule);
    });
  }

  it('adds the written-offer duty to allowed consumer calls only when a contract is offered', () => {
    const call = scenarios.find((s) => s.rule === 'R60');
    expect(call).toBeDefined();
    const withContract = referenceDecide({ ...call!.facts, contractOfferedDuringCall: true });
    expect(withContract.obligations).toContain('WRITTEN_OFFER_AND_WRITTEN_ACCEPTANCE');
    const b2b = scenarios.find((s) => s.rule === 'R50');
    expect(referenceDecide({ ...b2b!.facts, contractOfferedDuringCall: true }).obligations).not.toContain(
      'WRITTEN_OFFER_AND_WRITTEN_ACCEPTANCE',
    );
  });

  it('returns sorted obligations and does not allocate a new result per call', () => {
    const s = scenarios[0]!;
    const a = referenceDecide(s.facts);
    expect(referenceDecide(s.facts)).toBe(a);
    for (const sc of scenarios) {
      const o = [...referenceDecide(sc.facts).obligations];
      expect(o).toEqual([...o].sort());
    }
  });
});
