/**
 * `prevails over`: each named rule exists (LOV2030, with did-you-mean), is not the rule itself
 * (LOV2032) and is a rule rather than a reason (LOV2033); and priorities do not go round in a circle
 * (LOV2031), or no rule of the circle could be said to come first. `except`: each named rule exists
 * (LOV2034), is not also a rule prevailed over (LOV2035), and is one the rule would otherwise set
 * aside, i.e. a rule it prevails over is that rule or one it is an exception to (LOV2036).
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
  checkPriorityExceptions(ctx, rule);
}

/** Each rule after `except` exists (LOV2034), is not also prevailed over (LOV2035) and would be set aside without it (LOV2036). */
function checkPriorityExceptions(ctx: CheckContext, rule: RuleDecl): void {
  if (!rule.prevailsExcept?.length) return;
  const over = prevailedOver(ctx, rule);
  for (const kept of rule.prevailsExcept) {
    const reason = ctx.program.reasonsByName.get(kept.text);
    if (reason) ctx.diagnostics.push(diagnostic('LOV2033', kept.range, [kept.text, reason.rule.name.text]));
    else if (!ctx.program.rulesByName.has(kept.text)) {
      ctx.diagnostics.push(diagnostic('LOV2034', kept.range, [kept.text], { hint: hintFor(kept, ctx.program.rulesByName.keys()) }));
    } else if ((rule.prevailsOver ?? []).some((p) => p.text === kept.text)) ctx.diagnostics.push(diagnostic('LOV2035', kept.range, [kept.text]));
    else if (!lineage(ctx, kept.text).some((r) => over.has(r))) ctx.diagnostics.push(diagnostic('LOV2036', kept.range, [kept.text, rule.name.text]));
  }
}

/** The rules a rule prevails over, directly or through the rules it names (by name). */
function prevailedOver(ctx: CheckContext, rule: RuleDecl): Set<string> {
  const seen = new Set<string>();
  const visit = (r: RuleDecl | undefined): void => {
    for (const p of r?.prevailsOver ?? []) {
      if (seen.has(p.text)) continue;
      seen.add(p.text);
      visit(ctx.program.rulesByName.get(p.text));
    }
  };
  visit(rule);
  return seen;
}

/** A rule's name with the names of the rules it is an exception to, all the way up. */
function lineage(ctx: CheckContext, name: string): string[] {
  const out = new Set<string>();
  const up = (n: string): void => {
    if (out.has(n)) return;
    out.add(n);
    for (const p of ctx.program.rulesByName.get(n)?.exceptionTo ?? []) up(p.text);
  };
  up(name);
  return [...out];
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
