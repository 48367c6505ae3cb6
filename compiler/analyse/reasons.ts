/**
 * Reasons that are never shown (LOV4010): a reason is listed only where its rule gives its own
 * answer and the reason's condition holds. If that never happens in any period, the reason is dead
 * text; the warning says whether its condition contradicts itself or only holds elsewhere.
 */
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { rulesOfLeaf, type BuiltPack } from '../ir/compile.ts';
import type { IRPack } from '../ir/types.ts';

const namedByPack = new WeakMap<BuiltPack, ReadonlySet<number>>();

/** The rules (and reasons) that some leaf of some epoch's full diagram names; each leaf is read once, however many epochs reach it. */
export function namedSomewhere(built: BuiltPack): ReadonlySet<number> {
  let named = namedByPack.get(built);
  if (!named) {
    const { builder } = built;
    const leaves = new Set<number>();
    for (const epoch of built.epochs) for (const leaf of builder.reachableLeaves(epoch.full)) leaves.add(leaf);
    const found = new Set<number>();
    for (const leaf of leaves) for (const r of rulesOfLeaf(builder.value(leaf))) found.add(r);
    namedByPack.set(built, (named = found));
  }
  return named;
}

/** Warns about every reason that no situation shows, while its rule itself does decide somewhere. */
export function unshownReasons(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const named = namedSomewhere(built);
  const F = built.truth(false);
  const out: Diagnostic[] = [];
  pack.rules.forEach((reason, r) => {
    const owner = reason.reasonOf;
    if (owner === undefined || named.has(r)) return;
    const rule = pack.rules[owner]!;
    if (!named.has(owner) && !(rule.reasons ?? []).some((x) => named.has(x))) return; // the rule itself is dead (LOV4003)
    const never = built.condition(reason.when) === F;
    out.push(diagnostic('LOV4010', reason.range, [reason.id, rule.id], {
      hint: never
        ? { nb: 'Betingelsen motsier seg selv.', en: 'The condition contradicts itself.' }
        : {
            nb: `Betingelsen kan bare være oppfylt der ${rule.id} ikke gjelder, eller der et unntak fra ${rule.id} gir svaret i stedet. Fjern begrunnelsen, eller rett betingelsen.`,
            en: `The condition can only hold where ${rule.id} does not apply, or where an exception to ${rule.id} gives the answer instead. Remove the reason or correct its condition.`,
          },
    }));
  });
  return out;
}
