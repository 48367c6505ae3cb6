/**
 * Examples: every fact, value, outcome, obligation and rule they name is declared, no fact is
 * given twice (LOV5002), and each example expects something (LOV5003). Whether the expectations
 * hold is for the example runner, not the checker. Names used only here do not count as used.
 */
import type { ExampleDecl, Expectation, Name } from '../ast/types.ts';
import { OUTCOMES } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Message } from '../diagnostics/types.ts';
import { joinHints } from '../diagnostics/suggest.ts';
import type { CheckContext } from './context.ts';
import { firstHere, fixedListHint, hintFor } from './context.ts';
import { OUTCOME_LIST } from './completeness.ts';
import { checkValue, resolveFact } from './resolve.ts';

/** What `expect` accepts as an outcome: the four outcomes and `undecided`. */
const EXPECTED_OUTCOMES: readonly string[] = [...OUTCOMES, 'undecided'];

/** The `given` lines: declared facts with their values, each fact once (LOV5002). */
function checkGiven(ctx: CheckContext, example: ExampleDecl): void {
  const seen = new Map<string, Name>();
  for (const given of example.given) {
    const first = seen.get(given.fact.text);
    if (first) ctx.diagnostics.push(diagnostic('LOV5002', given.fact.range, [given.fact.text], { related: [firstHere(first, 'given')] }));
    else seen.set(given.fact.text, given.fact);
    const fact = resolveFact(ctx, given.fact, false);
    if (fact) checkValue(ctx, fact, given.value);
  }
}

/** An obligation code in `expect obligations` must be an obligation (LOV2004), not a set. */
function checkExpectedObligation(ctx: CheckContext, code: Name): void {
  if (ctx.program.obligations.has(code.text)) return;
  const isSet: Message | undefined = ctx.program.obligationSets.has(code.text)
    ? {
        nb: `«${code.text}» er et plikt-sett; skriv pliktene det skal gi.`,
        en: `“${code.text}” is an obligation set; list the obligations it should give.`,
      }
    : undefined;
  const hint = joinHints(hintFor(code, ctx.program.obligations.keys()), isSet);
  ctx.diagnostics.push(diagnostic('LOV2004', code.range, [code.text], { hint }));
}

/** One `expect` line: its outcome, obligations, rules or facts are declared. */
function checkExpectation(ctx: CheckContext, expectation: Expectation): void {
  switch (expectation.kind) {
    case 'outcome': {
      const o = expectation.outcome;
      if (EXPECTED_OUTCOMES.includes(o.text)) return;
      const ruleHint: Message | undefined = ctx.program.rulesByName.has(o.text)
        ? { nb: `For å forvente en regel, skriv «expect rule ${o.text}».`, en: `To expect a rule, write “expect rule ${o.text}”.` }
        : undefined;
      ctx.diagnostics.push(diagnostic('LOV2012', o.range, [o.text], { hint: ruleHint ?? fixedListHint(o, EXPECTED_OUTCOMES, OUTCOME_LIST) }));
      return;
    }
    case 'obligations':
      expectation.codes.forEach((code) => checkExpectedObligation(ctx, code));
      return;
    case 'rules':
      for (const rule of expectation.rules) {
        if (ctx.program.rulesByName.has(rule.text) || ctx.program.reasonsByName.has(rule.text)) continue;
        const names = [...ctx.program.rulesByName.keys(), ...ctx.program.reasonsByName.keys()];
        ctx.diagnostics.push(diagnostic('LOV2023', rule.range, [rule.text], { hint: hintFor(rule, names) }));
      }
      return;
    case 'missing':
      expectation.facts.forEach((fact) => resolveFact(ctx, fact, false));
      return;
  }
}

/** Checks one example: its givens, its expectations, and that it has any (LOV5003). */
export function checkExample(ctx: CheckContext, example: ExampleDecl): void {
  checkGiven(ctx, example);
  if (example.expect.length === 0) ctx.diagnostics.push(diagnostic('LOV5003', example.name.range));
  example.expect.forEach((e) => checkExpectation(ctx, e));
}
