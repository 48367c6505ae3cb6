/**
 * Conflicts, one finding per cause. Every conflict leaf of every period names the rules that
 * disagree there; the pairs of rules with different outcomes are the causes. Pairs are grouped
 * around the rule in most of them (a new exception that clashes with ten siblings is one finding,
 * not ten, and never one per combination of facts), and each group gets the count of situations
 * it covers (model counting on the diagram) and one fewest-facts counterexample.
 */
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { BuiltPack, Leaf } from '../ir/compile.ts';
import type { Handle } from '../ir/mdd.ts';
import type { IRPack } from '../ir/types.ts';
import { exampleBlock } from './paths.ts';
import { countIn, region, smallestAcross } from './regions.ts';
import { names, situations, withBlock } from './words.ts';

type Epoch = BuiltPack['epochs'][number];

/** How many of the other rules of a group are shown as related places (all are named in the message). */
const RELATED_SHOWN = 5;

/** The date an example of this period is set on. */
export const dateOf = (e: Epoch): string | undefined => e.from ?? e.until;

/** The pairs `[a, b]` (a < b) of rules that disagree in a conflict leaf. */
function pairsOf(pack: IRPack, leaf: Extract<Leaf, { kind: 'conflict' }>): [number, number][] {
  const out: [number, number][] = [];
  for (const a of leaf.rules) for (const b of leaf.rules) if (a < b && pack.rules[a]!.outcome !== pack.rules[b]!.outcome) out.push([a, b]);
  return out;
}

/** Groups pairs around the rule in most of them, again and again: `center` disagrees with each of `others`. */
function starCover(pairs: [number, number][]): { center: number; others: number[] }[] {
  const left = new Map(pairs.map((p) => [p.join(), p]));
  const groups: { center: number; others: number[] }[] = [];
  while (left.size > 0) {
    const degree = new Map<number, number>();
    for (const [a, b] of left.values()) for (const r of [a, b]) degree.set(r, (degree.get(r) ?? 0) + 1);
    const [center] = [...degree].sort(([r, d], [s, e]) => e - d || r - s)[0]!;
    const others: number[] = [];
    for (const [key, [a, b]] of left) {
      if (a !== center && b !== center) continue;
      others.push(a === center ? b : a);
      left.delete(key);
    }
    groups.push({ center, others: others.sort((x, y) => x - y) });
  }
  return groups;
}

/** One finding per group of disagreeing rules, each with its count and smallest counterexample. */
export function conflicts(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const { builder } = built;
  const T = built.truth(true);
  const F = built.truth(false);
  const pairs = new Map<string, [number, number]>();
  const leavesOf = built.epochs.map((e) => [...builder.reachableLeaves(e.full)].filter((l) => builder.value(l).kind === 'conflict'));
  for (const leaves of leavesOf) {
    for (const l of leaves) for (const p of pairsOf(pack, builder.value(l) as Extract<Leaf, { kind: 'conflict' }>)) pairs.set(p.join(), p);
  }
  const out: Diagnostic[] = [];
  for (const { center, others } of starCover([...pairs.values()])) {
    const outcome = pack.rules[center]!.outcome;
    const partners = new Set(others);
    const inGroup = (h: Handle): boolean => {
      const l = builder.value(h);
      return l.kind === 'conflict' && l.rules.includes(center) && l.rules.some((r) => partners.has(r) && pack.rules[r]!.outcome !== outcome);
    };
    const regions = built.epochs.map((epoch) => ({ epoch, root: region(builder, epoch.full, inGroup, T, F) })).filter((r) => r.root !== F);
    const latest = regions.at(-1)!;
    const count = countIn(builder, latest.root, T);
    const found = smallestAcross(builder, regions, T)!;
    const sorted = [center, ...others].sort((a, b) => a - b);
    const ids = (rs: number[]) => rs.map((r) => pack.rules[r]!.id);
    const others_ = [...new Set(others.map((r) => pack.rules[r]!.outcome))].filter((o) => o !== outcome).sort();
    const block = (lead: string, or: string) =>
      exampleBlock(pack, `${lead} ${pack.rules[center]!.id}`, found.cube, dateOf(found.epoch), [`expect ${outcome}  # ← ${or} ${others_.join(', ')}`]);
    const [first, rest] = others.length === 1 ? [ids(sorted.slice(0, 1)), ids(sorted.slice(1))] : [ids([center]), ids(others)];
    // A reason speaks for its rule: the priority to suggest is between the rules that own them.
    const owners = [...new Set([center, ...others].map((r) => pack.rules[pack.rules[r]!.reasonOf ?? r]!.id))];
    const shown = (others.length === 1 ? sorted.slice(1) : others).slice(0, RELATED_SHOWN);
    out.push(
      diagnostic('LOV4002', pack.rules[others.length === 1 ? sorted[0]! : center]!.range, [first.join(''), names(rest), situations(count)], {
        related: shown.map((r) => ({
          range: pack.rules[r]!.range,
          message: { nb: `${pack.rules[r]!.id} gir ${pack.rules[r]!.outcome}`, en: `${pack.rules[r]!.id} gives ${pack.rules[r]!.outcome}` },
        })),
        hint: withBlock(
          `Si hvilken regel som går foran, f.eks. «prevails over ${owners.slice(1).join(', ')}» i ${owners[0]}, i stedet for å gjenta betingelser. Det minste eksempelet:`,
          `Say which rule comes first, e.g. “prevails over ${owners.slice(1).join(', ')}” in ${owners[0]}, rather than restating conditions. The smallest example:`,
          { nb: block('Motstrid med', 'eller'), en: block('Conflict with', 'or') },
        ),
      }),
    );
  }
  return out;
}
