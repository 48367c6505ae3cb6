/**
 * Circles in definitions: conditions defined through each other (LOV2011) and obligation sets
 * that include each other (LOV2016). Exception circles live in exceptions.ts but use the same
 * finder. Each circle is reported once, at the first-declared member, naming the whole circle.
 */
import type { Expr, Name } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Related } from '../diagnostics/types.ts';
import type { CheckContext } from './context.ts';

/** A directed graph over declared names: for each node (in declaration order), its outgoing edges. */
export type Graph = Map<string, Name[]>;

/** The strongly connected components (Tarjan) that contain a circle, each in declaration order. */
function circularComponents(graph: Graph): string[][] {
  const order = [...graph.keys()];
  const position = new Map(order.map((n, i) => [n, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const edge of graph.get(v) ?? []) {
      const w = edge.text;
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (graph.get(v) ?? []).some((e) => e.text === v);
    if (component.length > 1 || selfLoop) out.push(component.sort((a, b) => position.get(a)! - position.get(b)!));
  };
  for (const v of order) if (!index.has(v)) visit(v);
  return out.sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!);
}

/** One circle through a component, starting at its first member: the edges walked, in order. */
function circleFrom(graph: Graph, component: string[]): Name[] {
  const members = new Set(component);
  const start = component[0]!;
  const seen = new Set<string>();
  const walk = (v: string, path: Name[]): Name[] | undefined => {
    for (const edge of graph.get(v) ?? []) {
      if (edge.text === start) return [...path, edge];
      if (!members.has(edge.text) || seen.has(edge.text)) continue;
      seen.add(edge.text);
      const found = walk(edge.text, [...path, edge]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [])!;
}

/** Every circle in the graph, one per component: the start node and the edges that lead round. */
export function findCircles(graph: Graph): { start: string; edges: Name[] }[] {
  return circularComponents(graph).map((c) => ({ start: c[0]!, edges: circleFrom(graph, c) }));
}

/** The `related` notes for a circle: where each further step of it is written. */
export function circleRelated(circle: { edges: Name[] }): Related[] {
  return circle.edges.slice(1).map((edge) => ({
    range: edge.range,
    message: { nb: `Sirkelen fortsetter her (${edge.text}).`, en: `The circle continues here (${edge.text}).` },
  }));
}

/** Names a circle for a message: "a → b → a". */
export function describeCircle(circle: { start: string; edges: Name[] }): string {
  return [circle.start, ...circle.edges.map((e) => e.text)].join(' → ');
}

/** The names of conditions an expression refers to (in order, possibly repeated). */
function conditionRefs(ctx: CheckContext, e: Expr, out: Name[] = []): Name[] {
  if (e.kind === 'ref' && ctx.terms.get(e.name.text)?.kind === 'condition') out.push(e.name);
  if (e.kind === 'not') conditionRefs(ctx, e.operand, out);
  if (e.kind === 'and' || e.kind === 'or') e.operands.forEach((o) => conditionRefs(ctx, o, out));
  return out;
}

/** Conditions defined in terms of each other in a circle (LOV2011). */
export function checkConditionCycles(ctx: CheckContext): void {
  const graph: Graph = new Map();
  for (const [name, c] of ctx.program.conditions) graph.set(name, c.means ? conditionRefs(ctx, c.means) : []);
  for (const circle of findCircles(graph)) {
    ctx.diagnostics.push(diagnostic('LOV2011', circle.edges[0]!.range, [describeCircle(circle)], { related: circleRelated(circle) }));
  }
}

/** Obligation sets that include each other in a circle (LOV2016). */
export function checkSetCycles(ctx: CheckContext): void {
  const graph: Graph = new Map();
  for (const [name, set] of ctx.program.obligationSets) {
    graph.set(name, set.includes.flatMap((u) => u.items.filter((i) => ctx.program.obligationSets.has(i.text))));
  }
  for (const circle of findCircles(graph)) {
    ctx.diagnostics.push(diagnostic('LOV2016', circle.edges[0]!.range, [describeCircle(circle)], { related: circleRelated(circle) }));
  }
}
