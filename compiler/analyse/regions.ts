/**
 * Regions of a decision diagram: the set of situations whose leaf passes a test, as a diagram with
 * two leaves. On a region the analyses count situations (model counting: every path weighs the
 * product of the sizes of the facts it does not test) and find the fewest facts that put a
 * situation inside it (a shortest path, then every fact dropped that is not needed), whatever
 * order the diagram tests the facts in and whichever period the region lies in.
 */
import type { Handle, MddBuilder } from '../ir/mdd.ts';
import type { Leaf } from '../ir/compile.ts';
import { shortestPath, type Path } from './paths.ts';

/** A region of one period: its diagram (leaves T and F) and the period it belongs to. */
export interface Region<E> {
  epoch: E;
  root: Handle;
}

/** The situations whose leaf passes `inside`, as a diagram with leaves `T` and `F`. */
export function region(builder: MddBuilder<Leaf>, root: Handle, inside: (leaf: Handle) => boolean, T: Handle, F: Handle): Handle {
  return builder.mapLeaves(root, (l) => (inside(l) ? T : F));
}

/** How many combinations of every fact's values reach `T` from `root`. */
export function countIn(builder: MddBuilder<Leaf>, root: Handle, T: Handle): number {
  const n = builder.domains.length;
  // skipped[v] = the product of the domain sizes of facts v … n-1.
  const tail = new Array<number>(n + 1).fill(1);
  for (let v = n - 1; v >= 0; v--) tail[v] = tail[v + 1]! * builder.domains[v]!;
  const level = (h: Handle): number => (h < 0 ? n : builder.variable(h));
  const memo = new Map<Handle, number>();
  // count(h) = the number of combinations of the facts from level(h) on that reach T.
  const count = (h: Handle): number => {
    if (h < 0) return h === T ? 1 : 0;
    const hit = memo.get(h);
    if (hit !== undefined) return hit;
    const v = builder.variable(h);
    let sum = 0;
    for (const child of builder.children(h)) sum += count(child) * (tail[v + 1]! / tail[level(child)]!);
    memo.set(h, sum);
    return sum;
  };
  return count(root) * (tail[0]! / tail[level(root)]!);
}

/** Whether every situation that fits the partial assignment `cube` lies in the region. */
export function cubeInside(builder: MddBuilder<Leaf>, root: Handle, cube: Path, T: Handle): boolean {
  const seen = new Set<Handle>();
  const walk = (h: Handle): boolean => {
    if (h < 0) return h === T;
    if (seen.has(h)) return true;
    seen.add(h);
    const fixed = cube.get(builder.variable(h));
    if (fixed !== undefined) return walk(builder.child(h, fixed));
    return builder.children(h).every(walk);
  };
  return walk(root);
}

/** The fewest facts that put a situation inside the region: a shortest path, minus every fact not needed. */
export function fewestFacts(builder: MddBuilder<Leaf>, root: Handle, T: Handle): Path | null {
  const found = shortestPath(builder, root, (h) => h === T);
  if (!found) return null;
  const cube: Path = new Map(found.path);
  for (const fact of [...cube.keys()].sort((a, b) => a - b)) {
    const value = cube.get(fact)!;
    cube.delete(fact);
    if (!cubeInside(builder, root, cube, T)) cube.set(fact, value);
  }
  return cube;
}

/** The smallest counterexample over several periods: fewest facts, then the latest period (today's law). */
export function smallestAcross<E>(builder: MddBuilder<Leaf>, regions: Region<E>[], T: Handle): { epoch: E; cube: Path } | null {
  let best: { epoch: E; cube: Path } | null = null;
  for (const r of regions) {
    const cube = fewestFacts(builder, r.root, T);
    if (cube && (!best || cube.size <= best.cube.size)) best = { epoch: r.epoch, cube };
  }
  return best;
}
