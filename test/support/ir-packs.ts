/**
 * fast-check generators of small random rule packs at the IR level (facts, nested conditions,
 * exception hierarchies, conditional obligations, periods in force), small enough that every
 * completion of a partial assignment can be enumerated: the brute-force oracle for exactness tests.
 */
import fc from 'fast-check';
import type { IRExpr, IRPack, IRRule } from '../../compiler/ir/types.ts';

const OUTCOMES = ['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain'];
const DATES = ['2009-06-01', '2018-01-01', '2018-07-20'];
const range = { file: 'gen.lov', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const text = (s: string) => ({ nb: s, en: s });

function exprArb(domains: number[]): fc.Arbitrary<IRExpr> {
  const leaf: fc.Arbitrary<IRExpr> = fc.oneof(
    { weight: 1, arbitrary: fc.boolean().map((v): IRExpr => ({ k: 'const', v })) },
    {
      weight: 6,
      arbitrary: fc.nat({ max: domains.length - 1 }).chain((fact) =>
        fc.integer({ min: 1, max: (1 << domains[fact]!) - 2 }).map((mask): IRExpr => ({ k: 'in', fact, mask })),
      ),
    },
  );
  const { e } = fc.letrec<{ e: IRExpr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('e').map((x): IRExpr => ({ k: 'not', e: x })),
      fc.tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('e'), { minLength: 2, maxLength: 3 })).map(([k, es]): IRExpr => ({ k, es })),
    ),
  }));
  return e;
}

/** A random pack over 2–5 facts of 2–3 values, with up to 7 rules in an exception forest (a DAG). */
export const irPackArb: fc.Arbitrary<IRPack> = fc
  .array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 5 })
  .chain((domains) => {
    const expr = exprArb(domains);
    const ruleArb = fc.record({
      when: expr,
      outcome: fc.constantFrom(...OUTCOMES),
      obligations: fc.array(fc.record({ obligation: fc.nat({ max: 2 }), when: fc.oneof(fc.constant<IRExpr>({ k: 'const', v: true }), expr) }), { maxLength: 2 }),
      parentPick: fc.array(fc.nat(), { maxLength: 2 }),
      // priorities only over later rules, so the order is acyclic; reasons with their own conditions
      prevailPick: fc.array(fc.nat(), { maxLength: 2 }),
      // `except`: later rules whose results this rule leaves standing (any, so also ones without effect)
      exceptPick: fc.array(fc.nat(), { maxLength: 1 }),
      reasons: fc.array(expr, { maxLength: 2 }),
      period: fc.option(fc.record({ from: fc.option(fc.constantFrom(...DATES), { nil: undefined }), until: fc.option(fc.constantFrom(...DATES), { nil: undefined }) }), { nil: undefined }),
    });
    return fc.tuple(fc.constant(domains), fc.array(ruleArb, { minLength: 1, maxLength: 7 }), fc.array(fc.option(fc.constantFrom(...DATES), { nil: undefined }), { minLength: 3, maxLength: 3 }));
  })
  .map(([domains, rawRules, obligationFrom]) => {
    // Each rule is followed by its reasons (as lowering lays them out); `at` maps a rule to its index.
    const at: number[] = [];
    let next = 0;
    rawRules.forEach((r, i) => {
      at[i] = next;
      next += 1 + r.reasons.length;
    });
    const n = rawRules.length;
    const rules: IRRule[] = rawRules.flatMap((r, i) => {
      const over = [...new Set(r.prevailPick.map((p) => p % (n + 1)).filter((p) => p > i && p < n))].map((p) => at[p]!);
      const kept = [...new Set(r.exceptPick.map((p) => p % (n + 1)).filter((p) => p > i && p < n))].map((p) => at[p]!);
      const rule: IRRule = {
        id: `G${i}`,
        title: text(`G${i}`),
        // parents only among earlier rules, so the hierarchy is acyclic (a DAG: several parents allowed)
        parents: i === 0 ? [] : [...new Set(r.parentPick.map((p) => p % (i + 1)).filter((p) => p < i))].map((p) => at[p]!),
        exceptions: [],
        when: r.when,
        outcome: r.outcome,
        obligations: r.obligations,
        reason: text('because'),
        citations: [],
        ...(r.period?.from ? { from: r.period.from } : {}),
        ...(r.period?.until ? { until: r.period.until } : {}),
        range,
        ...(over.length ? { prevailsOver: over } : {}),
        ...(over.length && kept.length ? { prevailsExcept: kept } : {}),
        ...(r.reasons.length ? { reasons: r.reasons.map((_, k) => at[i]! + 1 + k) } : {}),
      };
      const reasons: IRRule[] = r.reasons.map((when, k) => ({
        id: `G${i}${'abc'[k]}`, title: text('why'), parents: [], exceptions: [], when, outcome: r.outcome, obligations: [],
        reason: text('why'), citations: [], ...(r.period?.from ? { from: r.period.from } : {}), ...(r.period?.until ? { until: r.period.until } : {}),
        range, reasonOf: at[i]!,
      }));
      return [rule, ...reasons];
    });
    rules.forEach((r, i) => r.parents.forEach((p) => rules[p]!.exceptions.push(i)));
    return {
      facts: domains.map((size, i) => ({
        name: `f${i}`,
        type: size === 2 && i % 2 === 0 ? ('boolean' as const) : ('enum' as const),
        values: size === 2 && i % 2 === 0 ? ['false', 'true'] : Array.from({ length: size }, (_, v) => `v${v}`),
        question: text(`f${i}?`),
        labels: Array.from({ length: size }, (_, v) => text(`v${v}`)),
        range,
      })),
      rules,
      obligations: [0, 1, 2].map((o) => ({ code: `O${o}`, text: text(`O${o}`), citations: [], ...(obligationFrom[o] ? { from: obligationFrom[o] } : {}), range })),
      conditions: [],
      examples: [],
      version: 'generated',
    };
  });

/** A partial assignment for a pack: each fact known (a value index) or unknown (-1). */
export function partialArb(pack: IRPack): fc.Arbitrary<number[]> {
  return fc.tuple(...pack.facts.map((f) => fc.integer({ min: -1, max: f.values.length - 1 })));
}

/** Every completion of a partial assignment. */
export function completions(pack: IRPack, partial: readonly number[]): number[][] {
  let out: number[][] = [[]];
  partial.forEach((v, i) => {
    const choices = v >= 0 ? [v] : pack.facts[i]!.values.map((_, j) => j);
    out = out.flatMap((prefix) => choices.map((c) => [...prefix, c]));
  });
  return out;
}
