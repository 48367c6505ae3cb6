/**
 * Shortest paths in a decision diagram: the fewest facts that lead to a given kind of leaf. A path
 * in a reduced diagram fixes only the facts on it, so every way of filling in the others reaches
 * the same leaf: the path is a complete, minimal counterexample.
 */
import type { Handle, MddBuilder } from '../ir/mdd.ts';
import type { IRPack } from '../ir/types.ts';

/** A partial assignment: fact index → value index. */
export type Path = Map<number, number>;

/** The path with the fewest facts from `root` to a leaf accepted by `isTarget`, or null. */
export function shortestPath<T>(builder: MddBuilder<T>, root: Handle, isTarget: (leaf: Handle) => boolean): { path: Path; leaf: Handle } | null {
  const memo = new Map<Handle, { length: number; next: number; leaf: Handle } | null>();
  const best = (h: Handle): { length: number; next: number; leaf: Handle } | null => {
    if (h < 0) return isTarget(h) ? { length: 0, next: -1, leaf: h } : null;
    if (memo.has(h)) return memo.get(h)!;
    let result: { length: number; next: number; leaf: Handle } | null = null;
    builder.children(h).forEach((child, value) => {
      const sub = best(child);
      if (sub && (!result || sub.length + 1 < result.length)) result = { length: sub.length + 1, next: value, leaf: sub.leaf };
    });
    memo.set(h, result);
    return result;
  };
  const start = best(root);
  if (!start) return null;
  const path: Path = new Map();
  let h = root;
  while (h >= 0) {
    const step = best(h)!;
    path.set(builder.variable(h), step.next);
    h = builder.child(h, step.next);
  }
  return { path, leaf: start.leaf };
}

/** Writes a path as `given` lines of an example block, in question order. */
export function givenLines(pack: IRPack, path: Path): string[] {
  const pairs = [...path.entries()].sort(([a], [b]) => a - b).map(([f, v]) => `${pack.facts[f]!.name} = ${pack.facts[f]!.values[v]}`);
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 3) lines.push(`  given ${pairs.slice(i, i + 3).join(', ')}`);
  return lines.length > 0 ? lines : ['  # (every situation: no facts are needed)'];
}

/** A ready-to-paste `example` block. */
export function exampleBlock(pack: IRPack, name: string, path: Path, date: string | undefined, expectLines: string[]): string {
  return [`example "${name}"`, ...givenLines(pack, path), ...(date ? [`  on ${date}`] : []), ...expectLines.map((l) => `  ${l}`)].join('\n');
}
