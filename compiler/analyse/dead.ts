/**
 * Dead rules and dead obligations. A rule that never decides anything either never applies (its
 * condition cannot hold, contradicts the rules it is an exception to, or holds only outside the
 * periods those rules are in force) or applies somewhere but other rules always decide first; the
 * second kind gets an example from whichever period shows it with the fewest facts. An obligation
 * whose `when` can never hold where its rule decides is reported with the rule.
 */
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Diagnostic, Message } from '../diagnostics/types.ts';
import { inForce, type BuiltPack, type Leaf } from '../ir/compile.ts';
import type { Handle } from '../ir/mdd.ts';
import type { IRPack } from '../ir/types.ts';
import { dateOf } from './conflicts.ts';
import { exampleBlock } from './paths.ts';
import { shortestPath } from './paths.ts';
import { namedSomewhere } from './reasons.ts';
import { fewestFacts, region } from './regions.ts';
import { names, withBlock } from './words.ts';

function rulesOf(l: Leaf): number[] {
  return l.kind === 'decision' || l.kind === 'conflict' ? l.rules : [];
}

/** Why a rule that applies nowhere never applies. */
function neverApplies(pack: IRPack, built: BuiltPack, i: number): Message {
  const F = built.truth(false);
  const { builder } = built;
  const and = (a: Handle, b: Handle) => builder.apply(a, b, (x, y) => (x === F || y === F ? F : x));
  const timeless = (j: number): Handle => {
    const rule = pack.rules[j]!;
    const own = built.condition(rule.when);
    if (rule.parents.length === 0) return own;
    return and(own, rule.parents.map(timeless).reduce((a, b) => builder.apply(a, b, (x, y) => (x === F ? y : x)), F));
  };
  if (built.condition(pack.rules[i]!.when) === F) return { nb: 'betingelsen kan aldri være oppfylt', en: 'its condition can never hold' };
  if (timeless(i) === F) {
    return { nb: 'betingelsen motsier betingelsene til reglene den er unntak fra', en: 'its condition contradicts the conditions of the rules it is an exception to' };
  }
  return { nb: 'reglene den er unntak fra, er ikke i kraft i den perioden den selv er i kraft', en: 'the rules it is an exception to are not in force while it is' };
}

/** A rule that applies somewhere but never decides: the smallest example of another rule deciding first. */
function decidedFirst(pack: IRPack, built: BuiltPack, i: number): Diagnostic {
  const { builder } = built;
  const T = built.truth(true);
  const F = built.truth(false);
  const rule = pack.rules[i]!;
  let best: { cube: Map<number, number>; epoch: BuiltPack['epochs'][number]; leaf: Handle } | null = null;
  for (const epoch of built.epochs) {
    if (!inForce(rule, epoch.start) || epoch.scopes[i] === F) continue;
    const inScope = builder.apply(epoch.scopes[i]!, epoch.full, (s, f) => (s === T ? f : F));
    const leaf = shortestPath(builder, inScope, (h) => h !== F)!.leaf;
    const cube = fewestFacts(builder, region(builder, inScope, (h) => h === leaf, T, F), T)!;
    if (!best || cube.size <= best.cube.size) best = { cube, epoch, leaf };
  }
  const leaf = builder.value(best!.leaf);
  const winners = rulesOf(leaf).map((r) => pack.rules[r]!.id);
  const expectLines = leaf.kind === 'decision' ? [`expect ${leaf.outcome}`, `expect rule ${winners.join(', ')}`] : ['expect undecided'];
  const block = exampleBlock(pack, `${rule.id} avgjør ikke`, best!.cube, dateOf(best!.epoch), expectLines);
  const first = winners.length > 0 ? names(winners) : { nb: 'ingen regel gir ett svar', en: 'no rule gives one answer' };
  return diagnostic('LOV4003', rule.range, [rule.id, { nb: `andre regler avgjør alltid først: ${first.nb}`, en: `other rules always decide first: ${first.en}` }], {
    hint: withBlock(`Der ${rule.id} gjelder, avgjør alltid andre regler først. For eksempel:`, `Where ${rule.id} applies, other rules always decide first. For example:`, { nb: block, en: block }),
  });
}

/** Rules that never decide anything, and obligations whose condition never holds where their rule decides. */
export function deadRules(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const F = built.truth(false);
  const deciding = new Set<number>();
  for (const r of namedSomewhere(built)) deciding.add(pack.rules[r]!.reasonOf ?? r).add(r);
  const out: Diagnostic[] = [];
  pack.rules.forEach((rule, i) => {
    if (rule.reasonOf !== undefined) return; // reasons are checked in reasons.ts
    const periods = built.epochs.filter((e) => inForce(rule, e.start));
    if (periods.length === 0) return; // a period that ends before it begins: the checker reports it (LOV2020)
    if (!deciding.has(i)) {
      if (periods.every((e) => e.scopes[i] === F)) {
        const why = neverApplies(pack, built, i);
        out.push(diagnostic('LOV4003', rule.range, [rule.id, why], {
          hint: { nb: 'Sjekk betingelsen (when), unntaket (exception to) og periodene (in force).', en: 'Check the condition (when), the exception (exception to) and the periods (in force).' },
        }));
      } else out.push(decidedFirst(pack, built, i));
      return;
    }
    for (const item of deadObligations(pack, built, i)) out.push(item);
  });
  return out;
}

/** The obligations of rule `i` whose `when` never holds where the rule decides (LOV4021). */
function deadObligations(pack: IRPack, built: BuiltPack, i: number): Diagnostic[] {
  const { builder } = built;
  const F = built.truth(false);
  const rule = pack.rules[i]!;
  const out: Diagnostic[] = [];
  for (const use of rule.obligations) {
    if (use.when.k === 'const' && use.when.v) continue;
    const obligation = pack.obligations[use.obligation]!;
    const when = built.condition(use.when);
    const periods = built.epochs.filter((e) => inForce(obligation, e.start) && e.decides[i] !== F);
    if (periods.length === 0) continue;
    const never = periods.every((e) => builder.apply(e.decides[i]!, when, (x, y) => (x === F || y === F ? F : x)) === F);
    if (never) out.push(diagnostic('LOV4021', rule.range, [obligation.code, rule.id]));
  }
  return out;
}
