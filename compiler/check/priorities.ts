/**
 * `prevails over`: each named rule exists (LOV2030, with did-you-mean), is not the rule itself
 * (LOV2032) and is a rule rather than a reason (LOV2033); and priorities do not go round in a circle
 * (LOV2031), or no rule of the circle could be said to come first.
 */
import type { Name, RuleDecl } from '../ast/types.ts';
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

/**
 * Rules that prevail over each other in a circle (LOV2031), e.g. "R1 → R2 → R1". A rule that prevails
 * over another also prevails over that rule's exceptions, so a circle may pass from a rule to one of
 * its exceptions ("R20 → R13 → R14 → R20" when R14 is an exception to R13): then neither answer could stand.
 */
export function checkPriorityCycles(ctx: CheckContext): void {
  const graph: Graph = new Map();
  const viaException = new Set<Name>();
  for (const rule of ctx.program.rules) {
    graph.set(rule.name.text, (rule.prevailsOver ?? []).filter((p) => p.text !== rule.name.text && ctx.program.rulesByName.has(p.text)));
  }
  for (const rule of ctx.program.rules) {
    for (const parent of rule.exceptionTo) {
      const edges = graph.get(parent.text);
      if (!edges || parent.text === rule.name.text) continue;
      const edge = { text: rule.name.text, range: parent.range };
      viaException.add(edge);
      edges.push(edge);
    }
  }
  for (const circle of findCircles(graph)) {
    if (circle.edges.every((e) => viaException.has(e))) continue; // only exceptions: LOV2010 reports it
    const note = circle.edges.some((e) => viaException.has(e))
      ? { nb: ' (en regel som går foran en annen, går også foran unntakene fra den)', en: ' (a rule that prevails over another also prevails over its exceptions)' }
      : { nb: '', en: '' };
    const d = diagnostic('LOV2031', circle.edges[0]!.range, [describeCircle(circle) + note.nb], { related: circleRelated(circle) });
    d.message.en = diagnostic('LOV2031', circle.edges[0]!.range, [describeCircle(circle) + note.en]).message.en;
    ctx.diagnostics.push(d);
  }
}
