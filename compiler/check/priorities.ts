/**
 * `prevails over`: each named rule exists (LOV2030, with did-you-mean), is not the rule itself
 * (LOV2032) and is a rule rather than a reason (LOV2033); and priorities do not go round in a circle
 * (LOV2031), or no rule of the circle could be said to come first.
 */
import type { RuleDecl } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext } from './context.ts';
import { hintFor } from './context.ts';
import type { Graph } from './cycles.ts';
import { circleRelated, describeCircle, findCircles } from './cycles.ts';

/** Each rule a priority names exists, is a rule and is another rule (LOV2030, LOV2032, LOV2033). */
export function checkPriorityTargets(ctx: CheckContext, rule: RuleDecl): void {
  for (const other of rule.prevailsOver ?? []) {
    const reason = ctx.program.reasonsByName.get(other.text);
    if (other.text === rule.name.text) ctx.diagnostics.push(diagnostic('LOV2032', other.range));
    else if (reason) ctx.diagnostics.push(diagnostic('LOV2033', other.range, [other.text, reason.rule.name.text]));
    else if (!ctx.program.rulesByName.has(other.text)) {
      ctx.diagnostics.push(diagnostic('LOV2030', other.range, [other.text], { hint: hintFor(other, ctx.program.rulesByName.keys()) }));
    }
  }
}

/** Rules that prevail over each other in a circle (LOV2031), e.g. "R1 → R2 → R1". */
export function checkPriorityCycles(ctx: CheckContext): void {
  const graph: Graph = new Map();
  for (const rule of ctx.program.rules) {
    graph.set(rule.name.text, (rule.prevailsOver ?? []).filter((p) => p.text !== rule.name.text && ctx.program.rulesByName.has(p.text)));
  }
  for (const circle of findCircles(graph)) {
    ctx.diagnostics.push(diagnostic('LOV2031', circle.edges[0]!.range, [describeCircle(circle)], { related: circleRelated(circle) }));
  }
}
