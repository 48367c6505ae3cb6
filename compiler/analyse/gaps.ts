/**
 * Gaps, one finding per cause. The situations no rule answers are cut into fewest-facts pieces;
 * each piece is put at the rules whose scope ends there (the general rules that one changed fact
 * would bring into play), and pieces at the same rules are one finding, with the count of
 * situations (model counting) and the smallest piece as a ready-to-paste example.
 */
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { inForce, type BuiltPack } from '../ir/compile.ts';
import type { Handle, MddBuilder } from '../ir/mdd.ts';
import type { Leaf } from '../ir/compile.ts';
import type { IRPack } from '../ir/types.ts';
import { dateOf } from './conflicts.ts';
import { exampleBlock, type Path } from './paths.ts';
import { countIn, fewestFacts, region } from './regions.ts';
import { names, situations, withBlock } from './words.ts';

type Epoch = BuiltPack['epochs'][number];

/** How many pieces of the gap are cut off before the rest is reported as one finding. */
const MAX_PIECES = 200;

/** The fewest of the cube's facts that must change to bring a situation into the scope `scope` (Infinity if none). */
function distance(builder: MddBuilder<Leaf>, scope: Handle, T: Handle, cube: Path): number {
  const memo = new Map<Handle, number>();
  const walk = (h: Handle): number => {
    if (h < 0) return h === T ? 0 : Infinity;
    const hit = memo.get(h);
    if (hit !== undefined) return hit;
    const fixed = cube.get(builder.variable(h));
    let best = Infinity;
    builder.children(h).forEach((child, value) => {
      best = Math.min(best, walk(child) + (fixed !== undefined && fixed !== value ? 1 : 0));
    });
    memo.set(h, best);
    return best;
  };
  return walk(scope);
}

/** The facts a diagram tests. */
function support(builder: MddBuilder<Leaf>, root: Handle): Set<number> {
  const facts = new Set<number>();
  const seen = new Set<Handle>();
  const walk = (h: Handle): void => {
    if (h < 0 || seen.has(h)) return;
    seen.add(h);
    facts.add(builder.variable(h));
    builder.children(h).forEach(walk);
  };
  walk(root);
  return facts;
}

/**
 * The general rules whose scope ends at a gap piece: those one changed fact would bring into play
 * (fewest facts to change), and of those the ones whose condition tests most of the piece's facts
 * (a rule about the same things, not one that a change of subject would bring in).
 */
function border(builder: MddBuilder<Leaf>, scopes: { i: number; scope: Handle }[], T: Handle, cube: Path): number[] {
  if (cube.size === 0) return [];
  const near = scopes.map(({ i, scope }) => ({ i, scope, d: distance(builder, scope, T, cube) }));
  const closest = Math.min(...near.map((n) => n.d));
  if (closest === Infinity) return [];
  const candidates = near.filter((n) => n.d === closest).map((n) => ({ i: n.i, shared: [...support(builder, n.scope)].filter((f) => cube.has(f)).length }));
  const most = Math.max(...candidates.map((c) => c.shared));
  return candidates.filter((c) => c.shared === most).map((c) => c.i);
}

/** The diagram of exactly the situations that fit a cube. */
function cubeDiagram(builder: MddBuilder<Leaf>, cube: Path, T: Handle, F: Handle): Handle {
  let h = T;
  for (const [fact, value] of [...cube].sort(([a], [b]) => b - a)) {
    h = builder.node(fact, Array.from({ length: builder.domains[fact]! }, (_, v) => (v === value ? h : F)));
  }
  return h;
}

/** A piece of a gap: one fewest-facts cube, the rules at its border, and its situations per period. */
interface Piece {
  cube: Path;
  rules: number[];
  counts: Map<Epoch, number>;
  epoch: Epoch;
}

/** Cuts each period's gap into fewest-facts pieces; a cube found in several periods is one piece (the rules at its border in all of them). */
function pieces(pack: IRPack, built: BuiltPack): Piece[] {
  const { builder } = built;
  const T = built.truth(true);
  const F = built.truth(false);
  const byCube = new Map<string, Piece>();
  const general = pack.rules.flatMap((r, i) => (r.parents.length === 0 ? [i] : []));
  for (const epoch of built.epochs) {
    const scopes = general.filter((i) => inForce(pack.rules[i]!, epoch.start)).map((i) => ({ i, scope: epoch.scopes[i]! }));
    let left = region(builder, epoch.full, (h) => builder.value(h).kind === 'gap', T, F);
    for (let n = 0; left !== F; n++) {
      const cube = n < MAX_PIECES ? fewestFacts(builder, left, T)! : new Map<number, number>();
      const here = builder.apply(left, cubeDiagram(builder, cube, T, F), (a, b) => (a === T && b === T ? T : F));
      const rules = border(builder, scopes, T, cube);
      const key = [...cube].sort(([x], [y]) => x - y).join(';');
      const piece = byCube.get(key);
      if (!piece) byCube.set(key, { cube, rules, counts: new Map([[epoch, countIn(builder, here, T)]]), epoch });
      else {
        const shared = piece.rules.filter((r) => rules.includes(r));
        piece.rules = shared.length > 0 ? shared : piece.rules;
        piece.counts.set(epoch, countIn(builder, here, T));
        piece.epoch = epoch; // the latest period, today's law
      }
      left = builder.apply(left, here, (a, b) => (b === T ? F : a));
    }
  }
  return [...byCube.values()];
}

/** One finding per set of rules a gap lies next to: the count of its situations and its smallest piece. */
export function gaps(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const groups = new Map<string, Piece>();
  for (const p of pieces(pack, built)) {
    const key = p.rules.join();
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...p, counts: new Map(p.counts) });
      continue;
    }
    for (const [epoch, n] of p.counts) group.counts.set(epoch, (group.counts.get(epoch) ?? 0) + n);
    if (p.cube.size < group.cube.size) Object.assign(group, { cube: p.cube, epoch: p.epoch });
  }
  return [...groups.values()].map((g) => finding(pack, g));
}

function finding(pack: IRPack, g: Piece): Diagnostic {
  const count = situations(Math.max(...g.counts.values()));
  const ids = g.rules.map((r) => pack.rules[r]!.id);
  const block = (name: string, write: string) =>
    exampleBlock(pack, name, g.cube, dateOf(g.epoch), [`expect uncertain  # ← ${write}`]);
  const hint = withBlock('Det minste eksempelet på en situasjon uten svar:', 'The smallest example of a situation with no answer:', {
    nb: block('Hull funnet av lovkode check', 'skriv utfallet loven gir'),
    en: block('Gap found by lovkode check', 'write the outcome the law gives'),
  });
  if (ids.length === 0) return diagnostic('LOV4020', pack.rules[0]!.range, [count], { hint });
  const [first, ...rest] = g.rules.map((r) => pack.rules[r]!);
  const list = names(ids);
  const what = { nb: list.nb, en: `${list.en} ${ids.length === 1 ? 'covers' : 'cover'}` };
  return diagnostic('LOV4001', first!.range, [count, what], {
    related: rest.map((r) => ({ range: r.range, message: { nb: `${r.id} slutter å gjelde her`, en: `${r.id} stops applying here` } })),
    hint,
  });
}
