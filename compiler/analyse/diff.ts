/**
 * Impact of an edit: every situation whose decision (outcome or obligations) differs between two
 * versions of a pack, as minimal fact combinations. Both versions are built into one diagram
 * builder over the union of their facts, compared leaf by leaf, and the differing leaves are read
 * back as paths: each path is a combination of facts that fixes both decisions.
 */
import { build, newBuilder, type Leaf } from '../ir/compile.ts';
import type { IRExpr, IRFact, IRPack } from '../ir/types.ts';
import type { Handle } from '../ir/mdd.ts';

export interface DecisionSummary {
  outcome: string | null; // null for a gap or a conflict
  obligations: string[];
  rules: string[];
}

export interface Difference {
  /** The facts that fix both decisions (fact name → value name); all other facts do not matter. */
  facts: Record<string, string>;
  /** The first day of the period the difference was found in ('' = all dates before any period). */
  from: string;
  before: DecisionSummary;
  after: DecisionSummary;
}

export interface DiffResult {
  /** Facts or values that only one version has. */
  vocabulary: string[];
  differences: Difference[];
  /** True when more differences exist than `limit` allowed to list. */
  truncated: boolean;
}

/** The facts of both packs, by name: the old order first, then facts only the new pack has. */
function unionFacts(a: IRPack, b: IRPack): { facts: IRFact[]; notes: string[] } {
  const notes: string[] = [];
  const facts = a.facts.map((f) => ({ ...f, values: [...f.values], labels: [...f.labels] }));
  for (const f of b.facts) {
    const mine = facts.find((x) => x.name === f.name);
    if (!mine) {
      facts.push({ ...f, values: [...f.values], labels: [...f.labels] });
      notes.push(`+ fact ${f.name}`);
      continue;
    }
    for (const [i, v] of f.values.entries()) {
      if (!mine.values.includes(v)) {
        mine.values.push(v);
        mine.labels.push(f.labels[i]!);
        notes.push(`+ value ${f.name} = ${v}`);
      }
    }
  }
  for (const f of a.facts) {
    const theirs = b.facts.find((x) => x.name === f.name);
    if (!theirs) notes.push(`- fact ${f.name}`);
    else for (const v of f.values) if (!theirs.values.includes(v)) notes.push(`- value ${f.name} = ${v}`);
  }
  return { facts, notes };
}

/** Rewrites a pack onto another fact list (by fact and value name). */
function remap(pack: IRPack, facts: IRFact[]): IRPack {
  const factMap = pack.facts.map((f) => facts.findIndex((x) => x.name === f.name));
  const valueMap = pack.facts.map((f, i) => f.values.map((v) => facts[factMap[i]!]!.values.indexOf(v)));
  const expr = (e: IRExpr): IRExpr => {
    switch (e.k) {
      case 'const':
        return e;
      case 'in': {
        let mask = 0;
        valueMap[e.fact]!.forEach((to, from) => {
          if ((e.mask >> from) & 1) mask |= 1 << to;
        });
        return { k: 'in', fact: factMap[e.fact]!, mask };
      }
      case 'not':
        return { k: 'not', e: expr(e.e) };
      default:
        return { k: e.k, es: e.es.map(expr) };
    }
  };
  return {
    ...pack,
    facts,
    rules: pack.rules.map((r) => ({ ...r, when: expr(r.when), obligations: r.obligations.map((o) => ({ ...o, when: expr(o.when) })) })),
    conditions: pack.conditions.map((c) => ({ ...c, expr: expr(c.expr) })),
    examples: [],
  };
}

function summary(pack: IRPack, l: Leaf): DecisionSummary {
  if (l.kind === 'decision') return { outcome: l.outcome, obligations: l.obligations.map((o) => pack.obligations[o]!.code).sort(), rules: l.rules.map((r) => pack.rules[r]!.id) };
  if (l.kind === 'conflict') return { outcome: null, obligations: [], rules: l.rules.map((r) => pack.rules[r]!.id) };
  return { outcome: null, obligations: [], rules: [] };
}

const sameDecision = (a: DecisionSummary, b: DecisionSummary): boolean => a.outcome === b.outcome && a.obligations.join() === b.obligations.join() && (a.outcome !== null || a.rules.join() === b.rules.join());

/** Lists the situations decided differently by `before` and `after`: `diffPacks(old, new, 200)`. */
export function diffPacks(before: IRPack, after: IRPack, limit = 200): DiffResult {
  const { facts, notes } = unionFacts(before, after);
  const a = remap(before, facts);
  const b = remap(after, facts);
  const builder = newBuilder(a);
  const builtA = build(a, builder);
  const builtB = build(b, builder);
  const starts = [...new Set([...builtA.epochs, ...builtB.epochs].map((e) => e.start))].sort();
  const epochAt = (epochs: typeof builtA.epochs, start: string) => [...epochs].reverse().find((e) => e.start <= start)!;
  const differences: Difference[] = [];
  let truncated = false;
  const SAME = builtA.truth(true);
  for (const start of starts) {
    const ea = epochAt(builtA.epochs, start);
    const eb = epochAt(builtB.epochs, start);
    const diff = builder.apply(ea.full, eb.full, (x, y) => {
      const sx = summary(a, builder.value(x));
      const sy = summary(b, builder.value(y));
      return sameDecision(sx, sy) ? SAME : builder.leaf({ kind: 'pair', before: x, after: y });
    });
    const walk = (h: Handle, path: Record<string, string>): void => {
      if (differences.length >= limit) {
        truncated ||= h !== SAME;
        return;
      }
      if (h === SAME) return;
      if (h < 0) {
        const pair = builder.value(h) as Extract<Leaf, { kind: 'pair' }>;
        differences.push({ facts: { ...path }, from: start, before: summary(a, builder.value(pair.before)), after: summary(b, builder.value(pair.after)) });
        return;
      }
      const fact = facts[builder.vars[h]!]!;
      builder.kids[h]!.forEach((child, v) => walk(child, { ...path, [fact.name]: fact.values[v]! }));
    };
    walk(diff, {});
  }
  return { vocabulary: notes, differences, truncated };
}
