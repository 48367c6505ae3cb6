/**
 * `exception to`: each named rule must exist (LOV2006) and not be the rule itself (LOV2021), and
 * exceptions must not go round in a circle (LOV2010), or no rule in the circle would be general.
 */
import type { RuleDecl } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext } from './context.ts';
import { hintFor } from './context.ts';
import type { Graph } from './cycles.ts';
import { circleRelated, describeCircle, findCircles } from './cycles.ts';

/** Each rule an exception names exists and is another rule (LOV2006, LOV2021). */
export function checkExceptionTargets(ctx: CheckContext, rule: RuleDecl): void {
  for (const parent of rule.exceptionTo) {
    if (parent.text === rule.name.text) {
      ctx.diagnostics.push(diagnostic('LOV2021', parent.range));
    } else if (!ctx.program.rulesByName.has(parent.text)) {
      const hint = hintFor(parent, ctx.program.rulesByName.keys());
      ctx.diagnostics.push(diagnostic('LOV2006', parent.range, [parent.text], { hint }));
    }
  }
}

/** Rules that are exceptions to each other in a circle (LOV2010), e.g. "R1 → R2 → R1". */
export function checkExceptionCycles(ctx: CheckContext): void {
  const graph: Graph = new Map();
  for (const rule of ctx.program.rules) {
    graph.set(rule.name.text, rule.exceptionTo.filter((p) => p.text !== rule.name.text));
  }
  for (const circle of findCircles(graph)) {
    ctx.diagnostics.push(diagnostic('LOV2010', circle.edges[0]!.range, [describeCircle(circle)], { related: circleRelated(circle) }));
  }
}
