/**
 * «What would change the answer»: for a refusal or an uncertain answer, the smallest sets of
 * changes a person can make (facts with `action`s) that lead to an allowed outcome, read off the
 * decision diagram. Each node keeps the inclusion-minimal change sets that reach an allowed leaf
 * below it (capped, smallest first), so the search is linear in the diagram, not in the paths.
 */
import type { Lang } from '../evaluate/types.ts';
import { epochFor } from './diagram.ts';
import type { Tables } from './tables.ts';

export interface ChangeSet {
  /** The actions to take, as instructions, with the fact and the value they give it. */
  actions: { fact: string; value: string | boolean; text: string }[];
  /** Unanswered facts this route also relies on (question and the answer it needs). */
  assuming: { fact: string; value: string | boolean; question: string; answer: string }[];
  /** The outcome the route leads to. */
  outcome: 'allowed' | 'allowed_with_conditions';
}

interface Route {
  changes: Map<number, number>;
  assumptions: Map<number, number>;
  outcome: string;
}

const ALLOWED = new Set(['allowed', 'allowed_with_conditions']);
const CAP = 6;

const key = (m: Map<number, number>): string => [...m].sort(([a], [b]) => a - b).map(([f, v]) => `${f}=${v}`).join(',');
const isSubset = (a: Map<number, number>, b: Map<number, number>): boolean => [...a].every(([f, v]) => b.get(f) === v);

/** Keeps the inclusion-minimal routes, smallest first (then fewest assumptions), at most CAP. */
function minimal(routes: Route[]): Route[] {
  const sorted = [...routes].sort((x, y) => x.changes.size - y.changes.size || x.assumptions.size - y.assumptions.size);
  const kept: Route[] = [];
  for (const r of sorted) {
    if (kept.some((k) => isSubset(k.changes, r.changes) && isSubset(k.assumptions, r.assumptions))) continue;
    if (kept.some((k) => key(k.changes) === key(r.changes))) continue;
    kept.push(r);
    if (kept.length === CAP) break;
  }
  return kept;
}

/** The smallest sets of actions that would make the decision allowed: `whatWouldChange(tables, assignment, date, 'nb')`. */
export function whatWouldChange(tables: Tables, assignment: Int32Array, date: string, lang: Lang): ChangeSet[] {
  const epoch = tables.epochs[epochFor(tables, date)]!;
  const actionable = tables.facts.map((f) => new Map((f.actions ?? []).map((a) => [a.value, a.text])));
  const memo = new Map<number, Route[]>();
  const routes = (h: number): Route[] => {
    if (h < 0) {
      const t = tables.terminals[-1 - h]!;
      return t.kind === 'decision' && ALLOWED.has(t.outcome) ? [{ changes: new Map(), assumptions: new Map(), outcome: t.outcome }] : [];
    }
    const hit = memo.get(h);
    if (hit) return hit;
    const [v, ...kids] = tables.nodes[h]!;
    const fact = v!;
    const known = assignment[fact]!;
    const found: Route[] = [];
    // An unknown fact needs no assumption for a route that every one of its answers allows.
    const routeKey = (r: Route) => `${key(r.changes)}|${key(r.assumptions)}`;
    const everywhere = known < 0 ? kids.map((c) => new Set(routes(c).map(routeKey))).reduce((a, b) => new Set([...a].filter((k) => b.has(k)))) : new Set<string>();
    kids.forEach((child, value) => {
      if (known >= 0 && known !== value && !actionable[fact]!.has(value)) return;
      for (const r of routes(child)) {
        if (known === value || (known < 0 && everywhere.has(routeKey(r)))) found.push(r);
        else if (known < 0) found.push({ ...r, assumptions: new Map([...r.assumptions, [fact, value]]) });
        else found.push({ ...r, changes: new Map([...r.changes, [fact, value]]) });
      }
    });
    const result = minimal(found);
    memo.set(h, result);
    return result;
  };
  const asValue = (f: number, v: number): string | boolean => (tables.facts[f]!.type === 'boolean' ? v === 1 : tables.facts[f]!.values[v]!);
  return routes(epoch.decision)
    .filter((r) => r.changes.size > 0)
    .map((r) => ({
      actions: [...r.changes].sort(([a], [b]) => a - b).map(([f, v]) => ({ fact: tables.facts[f]!.name, value: asValue(f, v), text: actionable[f]!.get(v)![lang] })),
      assuming: [...r.assumptions].sort(([a], [b]) => a - b).map(([f, v]) => ({
        fact: tables.facts[f]!.name,
        value: asValue(f, v),
        question: tables.facts[f]!.question[lang],
        answer: tables.facts[f]!.labels[v]![lang],
      })),
      outcome: r.outcome as ChangeSet['outcome'],
    }));
}
