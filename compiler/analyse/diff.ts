/**
 * Impact of an edit: every situation whose decision (outcome or obligations) differs between two
 * versions of a pack, as minimal fact combinations. Both versions are built into one diagram
 * builder over the union of their facts, compared leaf by leaf, and the differing leaves are read
 * back as paths. Each path is widened as far as it goes (a fact is dropped, or given more values,
 * while every situation it then covers still differs in the same way), so a change is described
 * by a few broad combinations rather than every branch of the diagram.
 */
import { build, newBuilder, type Leaf } from '../ir/compile.ts';
import type { IRExpr, IRFact, IRPack } from '../ir/types.ts';
import type { Handle, MddBuilder } from '../ir/mdd.ts';

export interface DecisionSummary {
  outcome: string | null; // null for a gap or a conflict
  obligations: string[];
  rules: string[];
}

export interface Difference {
  /** The facts that fix both decisions (fact name → the values it may have); all other facts do not matter. */
  facts: Record<string, string[]>;
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

/** A decision-diagram leaf as outcome and obligation codes (a conflict names its rules, a gap none). */
function summary(pack: IRPack, l: Leaf): DecisionSummary {
  if (l.kind === 'decision') return { outcome: l.outcome, obligations: l.obligations.map((o) => pack.obligations[o]!.code).sort(), rules: [] };
  if (l.kind === 'conflict') return { outcome: null, obligations: [], rules: l.rules.map((r) => pack.rules[r]!.id) };
  return { outcome: null, obligations: [], rules: [] };
}

const sameDecision = (a: DecisionSummary, b: DecisionSummary): boolean => a.outcome === b.outcome && a.obligations.join() === b.obligations.join() && a.rules.join() === b.rules.join();

/** A combination of facts: fact index → the values it may have (a fact not in the map may have any). */
type Cube = Map<number, Set<number>>;

/** How many raw paths are read before widening; more means the change is too broad to list. */
const RAW_LIMIT = 20_000;

/** The leaves reachable from `h` within a cube. */
function leavesIn(builder: MddBuilder<Leaf>, h: Handle, cube: Cube): ReadonlySet<Handle> {
  return builder.reachableLeaves(h, (v) => cube.get(v));
}

/**
 * Widens each cube as far as it stays inside one difference: a fact is dropped (or, failing that,
 * given every value that keeps the cube inside), and cubes inside a wider one are left out.
 */
function widen(builder: MddBuilder<Leaf>, root: Handle, cubes: { cube: Cube; leaf: Handle }[], facts: IRFact[]): { cube: Cube; leaf: Handle }[] {
  const inside = (cube: Cube, leaf: Handle): boolean => {
    const leaves = leavesIn(builder, root, cube);
    return leaves.size === 1 && leaves.has(leaf);
  };
  const wide = cubes.map(({ cube, leaf }) => {
    const c: Cube = new Map(cube);
    for (const f of [...c.keys()].reverse()) {
      const values = c.get(f)!;
      c.delete(f);
      if (inside(c, leaf)) continue;
      const grown = new Set(values);
      for (let v = 0; v < facts[f]!.values.length; v++) {
        if (grown.has(v)) continue;
        grown.add(v);
        c.set(f, grown);
        if (!inside(c, leaf)) grown.delete(v);
      }
      c.set(f, grown);
    }
    return { cube: c, leaf };
  });
  const within = (x: Cube, y: Cube): boolean => [...y].every(([f, vs]) => x.has(f) && [...x.get(f)!].every((v) => vs.has(v)));
  return wide.filter((x, i) => !wide.some((y, j) => j !== i && y.leaf === x.leaf && within(x.cube, y.cube) && (!within(y.cube, x.cube) || j < i)));
}

/** The rules that decide wherever a cube holds (or, failing that, those that may). */
function deciding(builder: MddBuilder<Leaf>, pack: IRPack, decides: Handle[], cube: Cube): string[] {
  const truth = decides.map((h) => new Set([...leavesIn(builder, h, cube)].map((l) => (builder.value(l) as { v: boolean }).v)));
  const always = pack.rules.filter((_, i) => !truth[i]!.has(false)).map((r) => r.id);
  return always.length > 0 ? always : pack.rules.filter((_, i) => truth[i]!.has(true)).map((r) => r.id);
}

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
    const diff = builder.apply(ea.decision, eb.decision, (x, y) => {
      const sx = summary(a, builder.value(x));
      const sy = summary(b, builder.value(y));
      return sameDecision(sx, sy) ? SAME : builder.leaf({ kind: 'pair', before: x, after: y });
    });
    const cubes: { cube: Cube; leaf: Handle }[] = [];
    const walk = (h: Handle, cube: Cube): void => {
      if (h === SAME || cubes.length > RAW_LIMIT) return;
      if (h < 0) {
        cubes.push({ cube, leaf: h });
        return;
      }
      // Values that lead to the same place are one branch.
      const groups = new Map<Handle, number[]>();
      builder.children(h).forEach((child, v) => groups.set(child, [...(groups.get(child) ?? []), v]));
      for (const [child, values] of groups) walk(child, new Map([...cube, [builder.variable(h), new Set(values)]]));
    };
    walk(diff, new Map());
    for (const { cube, leaf } of widen(builder, diff, cubes, facts)) {
      if (differences.length >= limit) {
        truncated = true;
        break;
      }
      const pair = builder.value(leaf) as Extract<Leaf, { kind: 'pair' }>;
      const before = summary(a, builder.value(pair.before));
      const after = summary(b, builder.value(pair.after));
      if (before.outcome !== null) before.rules = deciding(builder, a, ea.decides, cube);
      if (after.outcome !== null) after.rules = deciding(builder, b, eb.decides, cube);
      const named = Object.fromEntries([...cube].sort(([x], [y]) => x - y).map(([f, vs]) => [facts[f]!.name, [...vs].sort((p, q) => p - q).map((v) => facts[f]!.values[v]!)]));
      differences.push({ facts: named, from: start, before, after });
    }
    truncated ||= cubes.length > RAW_LIMIT;
  }
  return { vocabulary: notes, differences, truncated };
}
